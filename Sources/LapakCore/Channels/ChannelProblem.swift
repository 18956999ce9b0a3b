/// The shopping channels Lapak writes catalogs for: Google Merchant Center (`katalog.xml`) and
/// Meta Commerce Manager, which feeds Facebook, Instagram and WhatsApp shops (`katalog.csv`).
public enum Channel: String, Sendable, CaseIterable, Comparable {
    case google, meta

    public var name: String { self == .google ? "Google" : "Meta" }

    public static func < (lhs: Channel, rhs: Channel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a channel would refuse or warn about in a product, by the published rule it breaks,
/// with messages in both languages: a table of its own beside `Problem`'s, which wraps it as
/// `.channel`. A rule that makes a channel refuse the product *disapproves*; the others are advice
/// (the catalog shortens the text, or the channel shows the product less well).
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

    func text(_ language: Language) -> (message: String, hint: String?) {
        language == .id ? indonesian : english
    }

    private var indonesian: (message: String, hint: String?) {
        switch self {
        case .preorderWithoutDate:
            return ("produk pesanan dulu (`availability: preorder`) belum punya tanggal siap kirim",
                    "Google menolak pre-order tanpa tanggal. Tulis `available_from: 2026-01-15` (tanggal barang siap dikirim). Untuk barang yang baru dibuat setelah dipesan (nasi kotak, anyaman pesanan), hapus `availability: preorder` dan tulis `made_to_order: 3` (berapa hari membuatnya).")
        case .titleTooLong(let count, let limit):
            return ("judul ini \(count) huruf; Google hanya memuat \(limit) huruf",
                    "Katalog Google memotong judulnya. Pendekkan judul: nama barang, bahan dan ukuran sudah cukup; cerita lainnya tulis di isi.")
        case .descriptionTooLong(let limit):
            return ("keterangan produk ini lebih dari \(limit) huruf, batas Google",
                    "Katalog Google memotong keterangannya. Ringkas isinya: pembeli membacanya di HP.")
        case .zeroVariantPrice(let variant):
            return ("pilihan `\(variant)` berharga 0",
                    "Google dan Facebook menolak barang berharga Rp 0. Tulis harganya, misalnya `price: 85000`, atau hapus pilihan itu.")
        case .variantWithoutAttribute(let variant):
            return ("pilihan `\(variant)` tidak menyebut apa bedanya",
                    "Google dan Facebook hanya mengenali ukuran, warna, bahan dan motif; tanpa itu, setiap pilihan tampil di sana sebagai produk tersendiri. Tulis salah satunya di pilihan itu, misalnya `size: \"500 g\"`, `color: Biru`, `material: Katun` atau `pattern: Daun`.")
        case .variantsAlike(let first, let second):
            return ("pilihan `\(first)` dan `\(second)` sama persis ukuran, warna, bahan dan motifnya",
                    "Google menganggap keduanya barang yang sama dan menolaknya. Bedakan `size`, `color`, `material` atau `pattern`-nya.")
        case .photoFormatRefused(let path):
            return ("foto `\(path)` bukan JPEG atau PNG",
                    "Google dan Facebook tidak menerima gambar SVG sebagai foto produk. Pakai foto JPEG dari kamera HP.")
        case .titleInCapitals:
            return ("judul ini ditulis dengan huruf besar semua",
                    "Google dan Facebook tidak menerima judul yang berteriak. Tulis seperti biasa, misalnya `Tas Anyaman Pandan`.")
        case .saleEnded(let until):
            return ("harga promo sudah berakhir pada \(until)",
                    "Katalog masih memuat harga promo sampai situs dibangun lagi. Hapus `sale_price`, `sale_from` dan `sale_until`, atau perpanjang `sale_until`, lalu bangun ulang situsnya.")
        case .saleNotLower(let sale, let price):
            return ("harga promo \(Rupiah.format(sale)) tidak lebih rendah dari harga biasa \(Rupiah.format(price))",
                    "Google dan Facebook hanya menerima harga promo yang lebih murah dari `price`. Tulis harga promonya di `sale_price`, misalnya `sale_price: 70000`.")
        case .saleDatesReversed:
            return ("promo berakhir (`sale_until`) sebelum dimulai (`sale_from`)",
                    "Tukar kedua tanggalnya: `sale_from` hari pertama promo, `sale_until` hari terakhirnya.")
        case .saleWithoutPrice(let field):
            return ("`\(field)` ditulis tanpa `sale_price`",
                    "Tulis harga promonya, misalnya `sale_price: 70000`, atau hapus baris ini.")
        }
    }

    private var english: (message: String, hint: String?) {
        switch self {
        case .preorderWithoutDate:
            return ("this pre-order product (`availability: preorder`) has no date when it ships",
                    "Google refuses pre-orders without a date. Write `available_from: 2026-01-15` (the day it can ship). For things made once ordered (boxed meals, woven to order), remove `availability: preorder` and write `made_to_order: 3` (the days it takes to make).")
        case .titleTooLong(let count, let limit):
            return ("this title has \(count) characters; Google takes \(limit)",
                    "Google's catalog cuts it. Shorten the title: the thing, its material and size are enough; tell the rest in the text.")
        case .descriptionTooLong(let limit):
            return ("this product's text is longer than \(limit) characters, Google's limit",
                    "Google's catalog cuts it. Make it shorter: buyers read it on a phone.")
        case .zeroVariantPrice(let variant):
            return ("the option `\(variant)` costs 0",
                    "Google and Facebook refuse items priced Rp 0. Write its price, for example `price: 85000`, or remove the option.")
        case .variantWithoutAttribute(let variant):
            return ("the option `\(variant)` does not say how it differs",
                    "Google and Facebook only understand size, colour, material and pattern; without one, each option shows there as a product of its own. Write one of them in the option, for example `size: \"500 g\"`, `color: Biru`, `material: Katun` or `pattern: Daun`.")
        case .variantsAlike(let first, let second):
            return ("the options `\(first)` and `\(second)` have the same size, colour, material and pattern",
                    "Google takes them for the same item and refuses them. Make their `size`, `color`, `material` or `pattern` differ.")
        case .photoFormatRefused(let path):
            return ("the photo `\(path)` is not a JPEG or PNG",
                    "Google and Facebook do not take SVG pictures as product photos. Use a JPEG photo from a phone's camera.")
        case .titleInCapitals:
            return ("this title is written in capitals only",
                    "Google and Facebook do not take shouting titles. Write it as usual, for example `Tas Anyaman Pandan`.")
        case .saleEnded(let until):
            return ("the sale price ended on \(until)",
                    "The catalogs keep the sale price until the site is built again. Remove `sale_price`, `sale_from` and `sale_until`, or move `sale_until` later, then build the site again.")
        case .saleNotLower(let sale, let price):
            return ("the sale price \(Rupiah.format(sale)) is not below the usual price \(Rupiah.format(price))",
                    "Google and Facebook only take a sale price lower than `price`. Write the sale price in `sale_price`, for example `sale_price: 70000`.")
        case .saleDatesReversed:
            return ("the sale ends (`sale_until`) before it starts (`sale_from`)",
                    "Swap the two dates: `sale_from` is the sale's first day, `sale_until` its last.")
        case .saleWithoutPrice(let field):
            return ("`\(field)` is written without `sale_price`",
                    "Write the sale price, for example `sale_price: 70000`, or remove this line.")
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
