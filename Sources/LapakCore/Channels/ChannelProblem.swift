/// The shopping channels Lapak writes catalogs for: Google Merchant Center (`katalog.xml`) and
/// Meta Commerce Manager, which feeds Facebook, Instagram and WhatsApp shops (`katalog.csv`).
public enum Channel: String, Sendable, CaseIterable, Comparable {
    case google, meta

    public var name: String { self == .google ? "Google" : "Meta" }

    public static func < (lhs: Channel, rhs: Channel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a channel would refuse or warn about in a product, by the published rule it breaks;
/// `Problem` wraps it as `.channel`, and its words are in the message tables. A rule that makes
/// a channel refuse the product *disapproves*; the others are advice (the catalog shortens the
/// text, or the channel shows the product less well).
public enum ChannelProblem: Sendable, Hashable {
    /// Google, `availability_date`: required when `availability` is `preorder`.
    case preorderWithoutDate
    /// Google, `title`: at most 150 characters (Meta allows 200); the catalogs cut it.
    case titleTooLong(count: Int, limit: Int)
    /// Google, `description`: at most 5,000 characters (Meta 9,999); the catalogs cut it.
    case descriptionTooLong(limit: Int)
    /// Google, `price`: "submit a price above 0"; Meta likewise refuses a zero price.
    case zeroVariantPrice(variant: String)
    /// Google, `item_group_id`: variants differ by `size`, `color`, `material`, `pattern` (and age
    /// group, gender); Meta: "variant fields … present for every product variant".
    case variantWithoutAttribute(variant: String)
    /// Google, `item_group_id`: two items of one group with the same variant attributes are duplicates.
    case variantsAlike(first: String, second: String)
    /// Google, `image_link`: JPEG, WebP, PNG, GIF, BMP or TIFF; Meta: JPEG or PNG. Not SVG.
    case photoFormatRefused(path: String)
    /// Google's editorial requirements: no text in capitals only; Meta flags it likewise.
    case titleInCapitals
    /// Google, `sale_price_effective_date` and Meta, `sale_price`: a sale that has ended shows
    /// the wrong price until the site is rebuilt without it.
    case saleEnded(until: String)
    /// Google, `sale_price`: lower than `price`, above zero.
    case saleNotLower(sale: Int, price: Int)
    /// Google, `sale_price_effective_date`: the end after the start.
    case saleDatesReversed
    /// `sale_from` or `sale_until` without `sale_price`: nothing to date.
    case saleWithoutPrice(field: String)

    /// The channels the rule is theirs.
    public var channels: [Channel] {
        switch self {
        case .preorderWithoutDate: [.google]
        case .titleTooLong, .descriptionTooLong: [.google]
        default: [.google, .meta]
        }
    }

    /// Whether the channels would refuse the product (rather than accept it less well).
    public var disapproves: Bool {
        switch self {
        case .preorderWithoutDate, .zeroVariantPrice, .variantsAlike, .photoFormatRefused, .saleEnded, .saleNotLower,
             .saleDatesReversed, .saleWithoutPrice: true
        case .titleTooLong, .descriptionTooLong, .variantWithoutAttribute, .titleInCapitals: false
        }
    }

    var code: String {
        switch self {
        case .preorderWithoutDate: "channel-preorder-without-date"
        case .titleTooLong: "channel-title-too-long"
        case .descriptionTooLong: "channel-description-too-long"
        case .zeroVariantPrice: "channel-zero-price"
        case .variantWithoutAttribute: "channel-variant-without-attribute"
        case .variantsAlike: "channel-variants-alike"
        case .photoFormatRefused: "channel-photo-format"
        case .titleInCapitals: "channel-title-capitals"
        case .saleEnded: "channel-sale-ended"
        case .saleNotLower: "channel-sale-not-lower"
        case .saleDatesReversed: "channel-sale-dates-reversed"
        case .saleWithoutPrice: "channel-sale-without-price"
        }
    }

    /// The problem's words in the message tables (`Diagnostics/Messages/`), keyed by its code.
    var wording: Wording {
        switch self {
        case .preorderWithoutDate, .titleInCapitals, .saleDatesReversed: Wording(code)
        case .titleTooLong(let count, let limit): Wording(code, ["count": .number(count), "limit": .number(limit)])
        case .descriptionTooLong(let limit): Wording(code, ["limit": .number(limit)])
        case .zeroVariantPrice(let variant), .variantWithoutAttribute(let variant): Wording(code, ["variant": .text(variant)])
        case .variantsAlike(let first, let second): Wording(code, ["first": .text(first), "second": .text(second)])
        case .photoFormatRefused(let path): Wording(code, ["path": .text(path)])
        case .saleEnded(let until): Wording(code, ["until": .text(until)])
        case .saleNotLower(let sale, let price):
            Wording(code, ["sale": .text(Rupiah.format(sale)), "price": .text(Rupiah.format(price))])
        case .saleWithoutPrice(let field): Wording(code, ["field": .text(field)])
        }
    }
}

extension Problem {
    /// The channels a problem concerns; empty for problems of the site itself.
    public var channels: [Channel] {
        switch self {
        case .channel(let problem): problem.channels
        // Meta's minimum photo size (500 × 500, Google's too from 2027), and the photo both require.
        case .photo(.tooSmall), .photo(.productWithoutPhoto): [.google, .meta]
        default: []
        }
    }

    /// Whether the channels in `channels` would refuse the product.
    var disapprovesForChannels: Bool {
        switch self {
        case .channel(let problem): problem.disapproves
        case .photo(.tooSmall), .photo(.productWithoutPhoto): true
        default: false
        }
    }
}
