/// Every URL of the site, in one place, for one language. Routes are Indonesian, lower case, with
/// a trailing slash; later pages of a list live at `…/halaman/N/`. The site's first language is
/// at the root; every other one is the same tree under its code (`en/produk/tas/`), so the same
/// item in another language is found by swapping the prefix, and a site that changes its first
/// language keeps its addresses.
public struct Routes: Sendable {
    /// `/` or a sub-path such as `/lapak/`, from `base_url`.
    public let basePath: String
    /// The absolute base URL, ending in `/`.
    public let baseURL: String
    /// The language these routes are for, and what its routes start with: `""` for the site's
    /// first language, `"en/"` for English on an Indonesian site.
    public let language: String
    public let prefix: String

    /// The routes of the config's language (its first language, unless the config is a translation).
    public init(config: SiteConfig) {
        self.init(config: config, language: config.language)
    }

    public init(config: SiteConfig, language: String) {
        basePath = config.basePath
        baseURL = config.baseURL
        self.language = language
        prefix = language == config.defaultLanguage ? "" : language + "/"
    }

    /// The first language's routes at `/`: where `lapak serve` shows the site, whatever its base URL.
    public static let preview = Routes(basePath: "/", baseURL: "/", language: "", prefix: "")

    private init(basePath: String, baseURL: String, language: String, prefix: String) {
        self.basePath = basePath
        self.baseURL = baseURL
        self.language = language
        self.prefix = prefix
    }

    // Paths relative to the site root, without the base path: `produk/tas/`, `en/produk/tas/`.
    public var home: String { prefix }
    public func products(page: Int = 1) -> String { paged("produk/", page) }
    public func product(_ slug: String) -> String { prefix + "produk/\(slug)/" }
    /// A product page with one variant chosen: `?varian=` for the page's script, `#varian-` for
    /// the page without it (the variant's row is the target, marked by the style sheet).
    public func product(_ slug: String, variant key: String) -> String {
        prefix + "produk/\(slug)/?varian=\(key)#varian-\(key)"
    }
    public func category(_ id: String, page: Int = 1) -> String { paged("kategori/\(id)/", page) }
    public var producers: String { prefix + "komunitas/" }
    public func producer(_ id: String, page: Int = 1) -> String { paged("komunitas/\(id)/", page) }
    public func news(page: Int = 1) -> String { paged("berita/", page) }
    public func article(_ slug: String) -> String { prefix + "berita/\(slug)/" }
    public func tag(_ name: String, page: Int = 1) -> String { paged("tag/\(name)/", page) }
    public func page(_ slug: String) -> String { prefix + "\(slug)/" }
    /// The printed price list, of the whole site or of one producer, and the sheet of shelf labels.
    public var priceList: String { prefix + "katalog/cetak/" }
    public func priceList(producer id: String) -> String { prefix + "komunitas/\(id)/cetak/" }
    public var labels: String { prefix + "katalog/label/" }
    public func labels(producer id: String) -> String { prefix + "komunitas/\(id)/label/" }
    /// A short address printed as a QR code; it forwards to the product's page.
    public func short(_ code: String) -> String { prefix + "p/\(code)/" }
    public var cart: String { prefix + "keranjang/" }
    public var search: String { prefix + "cari/" }
    /// What the search page loads: every product and article, folded for matching.
    public var searchIndex: String { prefix + "cari/index.json" }
    public var productsFeed: String { prefix + "products.json" }
    public var jsonFeed: String { prefix + "feed.json" }
    public var atomFeed: String { prefix + "atom.xml" }
    public var notFound: String { prefix + "404.html" }
    /// The catalogs for Google and Meta sit at the root, one per language: `katalog.xml`,
    /// `katalog.en.xml`. Merchant Center and Commerce Manager take one feed per language.
    public var googleCatalog: String { prefix.isEmpty ? "katalog.xml" : "katalog.\(language).xml" }
    public var metaCatalog: String { prefix.isEmpty ? "katalog.csv" : "katalog.\(language).csv" }

    func paged(_ first: String, _ page: Int) -> String {
        page <= 1 ? prefix + first : "\(prefix)\(first)halaman/\(page)/"
    }

    /// The same route in another language's routes: `en/produk/tas/` → `produk/tas/`.
    public func route(_ route: String, in other: Routes) -> String {
        route.hasPrefix(prefix) ? other.prefix + route.dropFirst(prefix.count) : route
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
