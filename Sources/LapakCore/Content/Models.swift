import Markdown

/// A photo named in front matter, resolved against `content/`.
public struct ImageRef: Sendable, Hashable {
    /// Path relative to `content/` with `/` separators, e.g. `images/products/tas.jpg`.
    public let path: String
    public let alt: String
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
    public let name: String
    public let price: Int
}

public struct Certification: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable { case halal, pirt, bpom }
    public let kind: Kind
    public let number: String
}

public struct Producer: Sendable, Equatable {
    public let id: String
    public let sourcePath: String
    public let name: String
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
    public let body: MarkdownDocument
    /// Where each front-matter field is written.
    public let sourceMap: SourceMap
}

public struct Product: Sendable, Equatable {
    public let slug: String
    public let sourcePath: String
    public let title: String
    public let price: Int
    public let category: String
    public let producerID: String
    public let images: [ImageRef]
    public let availability: Availability
    /// For pre-orders: when the product can ship (the catalog feeds' `availability_date`).
    public let availableFrom: ContentDate?
    public let stock: Int?
    public let weightGrams: Int?
    public let tags: [String]
    public let date: ContentDate?
    public let featured: Bool
    public let summary: String
    public let variants: [Variant]
    public let certifications: [Certification]
    public let draft: Bool
    /// The body without its plain text, which is only read once, for `catalogDescription`.
    public let body: MarkdownDocument
    /// What the product catalogs describe the product with: the body's text, one block a line,
    /// within Google Merchant Center's 5,000 characters. Made while loading, on all cores.
    public let catalogDescription: String
    /// Where each front-matter field is written.
    public let sourceMap: SourceMap
    /// Where `producer`, `category` and `slug` are written, for problems found after loading.
    public var origins: SourceMap.KeyLocations { SourceMap.KeyLocations(map: sourceMap) }

    /// The prices a buyer can pay: each variant's, or the product's own when it has none.
    public var sellingPrices: [Int] { variants.isEmpty ? [price] : variants.map(\.price) }
    /// What "from Rp …" and link previews show: the cheapest price a buyer can actually pay.
    public var lowestPrice: Int { sellingPrices.min() ?? price }
}

public struct NewsArticle: Sendable {
    public let slug: String
    public let sourcePath: String
    public let title: String
    public let date: ContentDate
    public let location: String?
    public let author: String?
    public let producerIDs: [String]
    public let tags: [String]
    public let image: ImageRef?
    public let summary: String
    public let draft: Bool
    public let body: MarkdownDocument
    /// Where each front-matter field is written.
    public let sourceMap: SourceMap
    /// Where `producers` and `slug` are written.
    public var origins: SourceMap.KeyLocations { SourceMap.KeyLocations(map: sourceMap) }
}

public struct Page: Sendable {
    public let slug: String
    public let sourcePath: String
    public let title: String
    public let description: String
    public let draft: Bool
    public let body: MarkdownDocument
    /// Where each front-matter field is written.
    public let sourceMap: SourceMap
    /// Where `slug` is written.
    public var origins: SourceMap.KeyLocations { SourceMap.KeyLocations(map: sourceMap) }
}
