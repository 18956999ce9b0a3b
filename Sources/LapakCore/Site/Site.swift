/// The immutable, cross-referenced model of a whole site: what the plan and templates read.
public struct Site: Sendable {
    public let config: SiteConfig
    /// Producers by name; products and news newest first; pages by slug.
    public let producers: [Producer]
    public let products: [Product]
    public let news: [NewsArticle]
    public let pages: [Page]
    public let images: ImageIndex
    /// Categories in `site.yml` order (or by name when it lists none), each with its product count.
    public let categories: [(category: SiteConfig.Category, count: Int)]
    /// Tags by name.
    public let tags: [String]

    public let producerIndex: [String: Int]
    public let productsByProducer: [String: [Int]]
    public let productsByCategory: [String: [Int]]
    public let productsByTag: [String: [Int]]
    public let newsByProducer: [String: [Int]]
    public let newsByTag: [String: [Int]]
    /// Producers named by product files that have errors: not idle, only unfinished.
    public let producersOfBrokenProducts: Set<String>
    /// In a translated edition (`edition(_:)`): the source paths of the items it shows in the
    /// first language, for want of a translation.
    public internal(set) var untranslated: Set<String> = []
    /// The translations loaded, by language and original path; editions are made from them.
    var translations: [String: [String: ParsedItem]] = [:]
    /// By language, then by the original's path: the translation file.
    public internal(set) var translationFiles: [String: [String: String]] = [:]

    /// The language the site's texts are in.
    public var language: String { config.language }

    public func producer(_ id: String) -> Producer? { producerIndex[id].map { producers[$0] } }

    /// How the product travels: site.yml's `shipping:` with what the product writes in its place.
    public func shipping(for product: Product) -> Shipping? {
        guard let site = config.shipping else { return product.shipping }
        return site.overridden(by: product.shipping)
    }

    /// Days a buyer may send the product back: the product's `returns_days`, else site.yml's.
    public func returnsDays(for product: Product) -> Int? { product.returnsDays ?? config.returnsDays }

    /// The category as site.yml gives it, with its channel categories.
    public func category(_ id: String) -> SiteConfig.Category? {
        categories.first { $0.category.id == id }?.category
    }

    public func categoryName(_ id: String) -> String {
        categories.first { $0.category.id == id }?.category.name ?? CategoryNames.humanize(id)
    }

    /// The newest date in the content: what "now" means for a reproducible build.
    public var newestDate: ContentDate? {
        (products.compactMap(\.date) + news.map(\.date)).max()
    }

    /// Resolves references and checks what single files cannot: unknown producers and categories,
    /// duplicate slugs. Problems are returned, not thrown, so every one of them is reported.
    public static func assemble(_ content: LoadedContent) -> (site: Site, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let producers = content.producers.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        let producerIndex = Dictionary(producers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // A producer file with an error is reported there; here it still exists.
        let knownProducers = Set(producers.map(\.id)).union(content.brokenProducers).sorted()
        func isUnknownProducer(_ id: String) -> Bool { producerIndex[id] == nil && !content.brokenProducers.contains(id) }
        let configured = content.config.categories
        let knownCategories = configured.map(\.id)

        var products: [Product] = []
        for product in content.products {
            var ok = true
            if isUnknownProducer(product.producerID) {
                diagnostics.append(.error(.unknownProducer(id: product.producerID,
                                                           suggestion: KnownFields.closest(to: product.producerID, among: knownProducers, maxDistance: 3),
                                                           known: knownProducers),
                                          at: product.origins["producer"] ?? SourceLocation(file: product.sourcePath)))
                ok = false
            } else if producerIndex[product.producerID] == nil {
                ok = false
            }
            if !configured.isEmpty && !knownCategories.contains(product.category) {
                diagnostics.append(.error(.unknownCategory(id: product.category,
                                                           suggestion: KnownFields.closest(to: product.category, among: knownCategories, maxDistance: 3),
                                                           known: knownCategories),
                                          at: product.origins["category"] ?? SourceLocation(file: product.sourcePath)))
                ok = false
            } else if configured.isEmpty && !Slug.isValid(product.category) {
                diagnostics.append(.error(.invalidSlug(slug: product.category, suggestion: Slug.make(from: product.category)),
                                          at: product.origins["category"] ?? SourceLocation(file: product.sourcePath)))
                ok = false
            }
            if ok { products.append(product) }
        }
        var news: [NewsArticle] = []
        for article in content.news {
            let unknown = article.producerIDs.filter(isUnknownProducer)
            for id in unknown {
                diagnostics.append(.error(.unknownProducer(id: id,
                                                           suggestion: KnownFields.closest(to: id, among: knownProducers, maxDistance: 3),
                                                           known: knownProducers),
                                          at: article.origins["producers"] ?? SourceLocation(file: article.sourcePath)))
            }
            if article.producerIDs.allSatisfy({ producerIndex[$0] != nil }) { news.append(article) }
        }

        diagnostics += duplicates(products.map { ($0.slug, $0.sourcePath, $0.origins["slug"]) })
        diagnostics += catalogIDCollisions(products)
        diagnostics += duplicates(news.map { ($0.slug, $0.sourcePath, $0.origins["slug"]) })
        diagnostics += duplicates(content.pages.map { ($0.slug, $0.sourcePath, $0.origins["slug"]) })

        products.sort(by: newestFirst)
        news.sort { ($0.date.epochSeconds, $1.title, $1.slug) > ($1.date.epochSeconds, $0.title, $0.slug) }
        let pages = content.pages.sorted { $0.slug < $1.slug }

        var byProducer: [String: [Int]] = [:], byCategory: [String: [Int]] = [:], byTag: [String: [Int]] = [:]
        for (index, product) in products.enumerated() {
            byProducer[product.producerID, default: []].append(index)
            byCategory[product.category, default: []].append(index)
            for tag in product.tags { byTag[tag, default: []].append(index) }
        }
        var newsByProducer: [String: [Int]] = [:], newsByTag: [String: [Int]] = [:]
        for (index, article) in news.enumerated() {
            for id in article.producerIDs { newsByProducer[id, default: []].append(index) }
            for tag in article.tags { newsByTag[tag, default: []].append(index) }
        }
        var categories: [SiteConfig.Category] = configured
        if categories.isEmpty {
            categories = Set(products.map(\.category)).sorted().map { .init(id: $0, name: CategoryNames.humanize($0)) }
        }
        let site = Site(
            config: content.config, producers: producers, products: products, news: news, pages: pages,
            images: content.images,
            categories: categories.map { ($0, byCategory[$0.id]?.count ?? 0) },
            tags: Set(byTag.keys).union(newsByTag.keys).sorted(),
            producerIndex: producerIndex, productsByProducer: byProducer, productsByCategory: byCategory,
            productsByTag: byTag, newsByProducer: newsByProducer, newsByTag: newsByTag,
            producersOfBrokenProducts: content.producersOfBrokenProducts, translations: content.translated,
            translationFiles: content.translationFiles)
        return (site, diagnostics)
    }

    /// The same site with `products` in place of its own: products that keep every product's
    /// place (see `PreviewPatch`), so the lists and indexes stay as they are.
    /// `translations`: the translated items made again from the edited originals.
    func replacingProducts(_ products: [Product], translations: [String: [String: ParsedItem]]? = nil) -> Site {
        var site = Site(
            config: config, producers: producers, products: products, news: news, pages: pages, images: images,
            categories: categories, tags: tags, producerIndex: producerIndex, productsByProducer: productsByProducer,
            productsByCategory: productsByCategory, productsByTag: productsByTag, newsByProducer: newsByProducer,
            newsByTag: newsByTag, producersOfBrokenProducts: producersOfBrokenProducts,
            translations: translations ?? self.translations, translationFiles: translationFiles)
        site.untranslated = untranslated
        return site
    }

    /// Newest first; undated products last; products of the same moment by address. Not by
    /// title: a member correcting a title would move the product in every list it is in (and
    /// `lapak serve` would have to plan the whole site again to show it).
    static func newestFirst(_ a: Product, _ b: Product) -> Bool {
        let ea = a.date?.epochSeconds ?? Int.min, eb = b.date?.epochSeconds ?? Int.min
        if ea != eb { return ea > eb }
        return a.slug < b.slug
    }

    /// A product whose catalog id is another product's variant id (`beras-gogodeso` with a
    /// variant "Medium 5 kg" against a product `beras-gogodeso-medium-5-kg`): Google and Meta
    /// would get one `id` for two items and drop one. Reported at the product, not the variant.
    private static func catalogIDCollisions(_ products: [Product]) -> [Diagnostic] {
        var variantIDs: [String: String] = [:]
        for product in products {
            for variant in product.variants {
                variantIDs[Catalog.variantID(product: product, variant: variant)] = product.sourcePath
            }
        }
        return products.sorted { $0.sourcePath < $1.sourcePath }.compactMap { product in
            let id = Catalog.limitID(product.slug)
            guard let other = variantIDs[id], other != product.sourcePath else { return nil }
            return .error(.catalogIDTaken(id: id, otherFile: other), at: product.origins["slug"] ?? SourceLocation(file: product.sourcePath))
        }
    }

    /// `slug` is where the file sets its address, when it does (else the file name gives it).
    private static func duplicates(_ items: [(slug: String, path: String, slugLine: SourceLocation?)]) -> [Diagnostic] {
        var firstPath: [String: String] = [:]
        var out: [Diagnostic] = []
        for item in items.sorted(by: { $0.path < $1.path }) {
            if let other = firstPath[item.slug] {
                out.append(.error(.duplicateSlug(slug: item.slug, otherFile: other), at: item.slugLine ?? SourceLocation(file: item.path)))
            } else {
                firstPath[item.slug] = item.path
            }
        }
        return out
    }
}
