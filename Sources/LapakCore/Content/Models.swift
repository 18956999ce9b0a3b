import Markdown

/// A photo named in front matter, resolved against `content/`.
public struct ImageRef: Sendable, Hashable {
    /// Path relative to `content/` with `/` separators, e.g. `images/products/tas.jpg`.
    public let path: String
    public internal(set) var alt: String
    public let width: Int?
    public let height: Int?
    /// What the site publishes of it (nil only for files that are not photos).
    public let photo: PublishedPhoto?
    /// The line that names it, where problems found while processing it are reported.
    public let origin: SourceLocation

    /// What feeds, catalogs and structured data link to: the photo's JPEG copy, or the file
    /// (an SVG) with each part of its path percent-encoded, so the URL is valid as it stands.
    public var feedPath: String { photo?.jpeg.path ?? urlPath }

    /// `path` with each part percent-encoded (`images/tas%20pandan.svg`).
    public var urlPath: String { path.split(separator: "/").map { PercentEncoding.encode(String($0)) }.joined(separator: "/") }
}

public enum Availability: String, Sendable, CaseIterable, Equatable {
    case inStock = "in_stock"
    case outOfStock = "out_of_stock"
    case preorder = "preorder"
}

public struct Variant: Sendable, Hashable {
    /// What the attributes that tell variants apart are called in front matter and in the catalogs
    /// (Google's `g:size`, `g:color`, `g:material`, `g:pattern`; Meta's columns of the same names).
    public enum Attribute: String, Sendable, CaseIterable {
        case size, color, material, pattern
    }

    public internal(set) var name: String
    public let price: Int
    /// What differs, by attribute: only what the member wrote.
    public var attributes: [Attribute: String] = [:]
    /// The variant's own stock and photo, when given (else the product's).
    public var stock: Int?
    public var image: ImageRef?
    /// Where the variant is written, for problems found after loading.
    public var origin = SourceLocation(file: "")
    /// In a translation, the name the original gives it: what the catalogs' item ids are made
    /// of, so an item keeps its id in every language's catalog.
    public internal(set) var originalName: String?

    public init(name: String, price: Int, attributes: [Attribute: String] = [:], stock: Int? = nil, image: ImageRef? = nil,
                origin: SourceLocation = SourceLocation(file: "")) {
        self.name = name
        self.price = price
        self.attributes = attributes
        self.stock = stock
        self.image = image
        self.origin = origin
    }

    /// The variant's part of addresses (`?varian=katun-2-meter`), stable as long as its name is.
    public var key: String { Slug.make(from: name) }
}

/// A sale: `sale_price` with optional `sale_from` and `sale_until` (the days it begins and ends,
/// both included). The build has no clock: pages show the dates, `lapak check` warns once it ended.
public struct Sale: Sendable, Hashable {
    public let price: Int
    public let from: ContentDate?
    public let until: ContentDate?

    /// The sale's last moment: the end of its last day, in the date's own time zone.
    public var end: ContentDate? {
        until.map { ContentDate(year: $0.year, month: $0.month, day: $0.day, hour: 23, minute: 59, second: 59, offsetMinutes: $0.offsetMinutes) }
    }
}

public struct Certification: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable { case halal, pirt, bpom }
    public let kind: Kind
    public internal(set) var number: String
}

public struct Producer: Sendable, Equatable {
    public let id: String
    public let sourcePath: String
    public internal(set) var name: String
    public let community: String?
    public let village: String
    public let district: String?
    public let regency: String
    public let province: String?
    public let whatsapp: WhatsAppNumber?
    public let instagram: String?
    public let facebook: String?
    public let image: ImageRef?
    public let draft: Bool
    public internal(set) var body: MarkdownDocument
    /// Where each front-matter field is written.
    public let sourceMap: SourceMap
}

public struct Product: Sendable, Equatable {
    public let slug: String
    public let sourcePath: String
    public internal(set) var title: String
    public let price: Int
    public let category: String
    public let producerID: String
    public internal(set) var images: [ImageRef]
    public let availability: Availability
    /// For pre-orders: when the product can ship (the catalog feeds' `availability_date`).
    public let availableFrom: ContentDate?
    /// `shipping:` (`price`, `days`) and `returns_days:` where the product differs from site.yml.
    public let shipping: Shipping?
    public let returnsDays: Int?
    /// `sale_price`, `sale_from`, `sale_until`: nil without a sale price.
    public let sale: Sale?
    /// `made_to_order: DAYS`: made once ordered (boxed meals, woven to order), in stock with this
    /// many days of handling (`g:min_handling_time`/`g:max_handling_time`).
    public let madeToOrderDays: Int?
    public let stock: Int?
    public let weightGrams: Int?
    public let tags: [String]
    public let date: ContentDate?
    public let featured: Bool
    public internal(set) var summary: String
    public internal(set) var variants: [Variant]
    public internal(set) var certifications: [Certification]
    public let draft: Bool
    /// The body without its plain text, which is only read once, for `catalogDescription`.
    public internal(set) var body: MarkdownDocument
    /// What the product catalogs describe the product with: the body's text, one block a line,
    /// within Google Merchant Center's 5,000 characters. Made while loading, on all cores.
    public internal(set) var catalogDescription: String
    /// Where each front-matter field is written.
    public let sourceMap: SourceMap
    /// Whether the body's text was longer than Google's 5,000 characters and was cut.
    public internal(set) var catalogDescriptionCut: Bool
    /// Where `producer`, `category` and `slug` are written, for problems found after loading.
    public var origins: SourceMap.KeyLocations { SourceMap.KeyLocations(map: sourceMap) }

    /// The prices a buyer can pay: each variant's, or the product's own (its sale price while
    /// it has one) when it has none.
    public var sellingPrices: [Int] { variants.isEmpty ? [sale?.price ?? price] : variants.map(\.price) }
    /// What "from Rp …" and link previews show: the cheapest price a buyer can actually pay.
    public var lowestPrice: Int { sellingPrices.min() ?? price }
    /// Each variant's part of its address, in order: its name as a slug, or `varian-N` when the
    /// name has no letters or digits; a name that comes out like an earlier one gets `-2`, `-3`.
    public var variantKeys: [String] {
        var used = Set<String>()
        return variants.enumerated().map { index, variant in
            let base = variant.key.isEmpty ? "varian-\(index + 1)" : variant.key
            var key = base
            var number = 2
            while !used.insert(key).inserted {
                key = "\(base)-\(number)"
                number += 1
            }
            return key
        }
    }
}

public struct NewsArticle: Sendable {
    public let slug: String
    public let sourcePath: String
    public internal(set) var title: String
    public let date: ContentDate
    public internal(set) var location: String?
    public internal(set) var author: String?
    public let producerIDs: [String]
    public let tags: [String]
    public internal(set) var image: ImageRef?
    public internal(set) var summary: String
    public let draft: Bool
    public internal(set) var body: MarkdownDocument
    /// Where each front-matter field is written.
    public let sourceMap: SourceMap
    /// Where `producers` and `slug` are written.
    public var origins: SourceMap.KeyLocations { SourceMap.KeyLocations(map: sourceMap) }
}

public struct Page: Sendable {
    public let slug: String
    public let sourcePath: String
    public internal(set) var title: String
    public internal(set) var description: String
    public let draft: Bool
    public internal(set) var body: MarkdownDocument
    /// Where each front-matter field is written.
    public let sourceMap: SourceMap
    /// Where `slug` is written.
    public var origins: SourceMap.KeyLocations { SourceMap.KeyLocations(map: sourceMap) }
}
