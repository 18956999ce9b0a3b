/// Every URL of the site, in one place. Routes are Indonesian, lower case, with a trailing slash;
/// later pages of a list live at `…/halaman/N/`.
public struct Routes: Sendable {
    /// `/` or a sub-path such as `/lapak/`, from `base_url`.
    public let basePath: String
    /// The absolute base URL, ending in `/`.
    public let baseURL: String

    public init(config: SiteConfig) {
        basePath = config.basePath
        baseURL = config.baseURL
    }

    // Paths relative to the site root, without the base path: `produk/tas/`.
    public static let home = ""
    public static func products(page: Int = 1) -> String { paged("produk/", page) }
    public static func product(_ slug: String) -> String { "produk/\(slug)/" }
    /// A product page with one variant chosen: `?varian=` for the page's script, `#varian-` for
    /// the page without it (the variant's row is the target, marked by the style sheet).
    public static func product(_ slug: String, variant key: String) -> String {
        "produk/\(slug)/?varian=\(key)#varian-\(key)"
    }
    public static func category(_ id: String, page: Int = 1) -> String { paged("kategori/\(id)/", page) }
    public static let producers = "komunitas/"
    public static func producer(_ id: String, page: Int = 1) -> String { paged("komunitas/\(id)/", page) }
    public static func news(page: Int = 1) -> String { paged("berita/", page) }
    public static func article(_ slug: String) -> String { "berita/\(slug)/" }
    public static func tag(_ name: String, page: Int = 1) -> String { paged("tag/\(name)/", page) }
    public static func page(_ slug: String) -> String { "\(slug)/" }
    /// The printed price list, of the whole site or of one producer, and the sheet of shelf labels.
    public static let priceList = "katalog/cetak/"
    public static func priceList(producer id: String) -> String { "komunitas/\(id)/cetak/" }
    public static let labels = "katalog/label/"
    public static func labels(producer id: String) -> String { "komunitas/\(id)/label/" }
    /// A short address printed as a QR code; it forwards to the product's page.
    public static func short(_ code: String) -> String { "p/\(code)/" }
    public static let cart = "keranjang/"
    public static let search = "cari/"
    /// What the search page loads: every product and article, folded for matching.
    public static let searchIndex = "cari/index.json"
    public static let productsFeed = "products.json"
    public static let notFound = "404.html"

    static func paged(_ first: String, _ page: Int) -> String {
        page <= 1 ? first : "\(first)halaman/\(page)/"
    }

    /// The file a route is written to: `produk/tas/` → `produk/tas/index.html`.
    public static func file(for route: String) -> String {
        route.isEmpty || route.hasSuffix("/") ? route + "index.html" : route
    }

    /// Link within the site: `/produk/tas/` (or `/lapak/produk/tas/` under a sub-path).
    public func path(_ route: String) -> String { basePath + route }

    /// Absolute URL, for feeds, sharing and WhatsApp messages.
    public func absolute(_ route: String) -> String { baseURL + route }
}
