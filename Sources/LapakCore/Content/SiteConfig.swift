/// `content/site.yml`: what the whole site needs to know about itself.
public struct SiteConfig: Sendable, Equatable {
    public struct Category: Sendable, Hashable {
        public let id: String
        public let name: String
        /// Google's product taxonomy (a path such as `Food, Beverages & Tobacco > Food Items` or its
        /// number) and Meta's: the catalogs' `google_product_category` and `fb_product_category`.
        public var google: String?
        public var meta: String?

        public init(id: String, name: String, google: String? = nil, meta: String? = nil) {
            self.id = id
            self.name = name
            self.google = google
            self.meta = meta
        }
    }

    public var title: String
    /// Where each field of `content/site.yml` is written.
    public var sourceMap: SourceMap?
    public var description: String
    /// Absolute base URL, always ending in `/`.
    public var baseURL: String
    /// The language of this config's texts: the site's first language, or the one a translated
    /// config (`edition(_:)`) is for.
    public var language: String
    /// `languages: [id, en]`: the first is the default, at the root; each other one under its code.
    /// A site that names only `language:` has that one.
    public var languages: [String]
    /// `translations:`: the site's texts and category names in each other language.
    public var translations: [String: Texts] = [:]

    /// What a translation of site.yml gives; what it leaves out stays as in the first language.
    public struct Texts: Sendable, Equatable {
        public var title: String?
        public var description: String?
        public var categories: [String: String] = [:]

        public init(title: String? = nil, description: String? = nil, categories: [String: String] = [:]) {
            self.title = title
            self.description = description
            self.categories = categories
        }
    }

    public var defaultLanguage: String { languages.first ?? language }
    public var isMultilingual: Bool { languages.count > 1 }

    /// The config as pages in `language` see it: its title, description and category names.
    public func edition(_ language: String) -> SiteConfig {
        var copy = self
        copy.language = language
        guard language != defaultLanguage, let texts = translations[language] else { return copy }
        copy.title = texts.title ?? title
        copy.description = texts.description ?? description
        copy.categories = categories.map { category in
            Category(id: category.id, name: texts.categories[category.id] ?? category.name,
                     google: category.google, meta: category.meta)
        }
        return copy
    }
    public var currency: String
    public var theme: String
    public var contactWhatsApp: WhatsAppNumber?
    public var contactEmail: String?
    public var instagram: String?
    public var facebook: String?
    /// Categories in display order; empty when `site.yml` lists none (any valid id is then accepted).
    public var categories: [Category]
    /// Picture for link previews of pages that have none of their own (path under `content/`).
    public var image: String?
    public var productsPerPage: Int
    public var newsPerPage: Int
    /// The interface languages the default theme has strings for; `language:` must be one of them.
    public static let supportedLanguages = ["id", "en"]
    /// `photos:`: the copies made of each photo.
    public var photos = PhotoSizes()
    /// `shipping:` and `returns_days:`: what the "Cara Pesan" page, the catalogs and the
    /// structured data say about sending and sending back.
    public var shipping: Shipping?
    public var returnsDays: Int?
    /// `prices_valid_until:`: the date the printed price list gives ("Harga berlaku s/d …").
    public var pricesValidUntil: ContentDate?

    public init(title: String, description: String = "", baseURL: String, language: String = "id",
                currency: String = "IDR", theme: String = "default", contactWhatsApp: WhatsAppNumber? = nil,
                contactEmail: String? = nil, instagram: String? = nil, facebook: String? = nil,
                categories: [Category] = [], productsPerPage: Int = 24, newsPerPage: Int = 10) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.languages = [language]
        self.currency = currency
        self.theme = theme
        self.contactWhatsApp = contactWhatsApp
        self.contactEmail = contactEmail
        self.instagram = instagram
        self.facebook = facebook
        self.categories = categories
        self.productsPerPage = productsPerPage
        self.newsPerPage = newsPerPage
    }

    /// The path part of the base URL (`/` or `/lapak/`), which every internal link starts with.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        let path = String(afterHost[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Normalises a base URL to end in `/`; nil unless it is an absolute http(s) URL with a host.
    static func normalizedBaseURL(_ raw: String) -> String? {
        let lower = raw.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let rest = raw.drop { $0 != ":" }.dropFirst(3)
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
              !raw.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "?" || $0 == "#" })
        else { return nil }
        return raw.hasSuffix("/") ? raw : raw + "/"
    }
}
