/// Every file the build writes, as paths under the site root: what an internal link may lead to.
struct SiteOutputs {
    private(set) var files: Set<String> = []
    let basePath: String

    /// The rendered site is the exact list. When content errors stop rendering, the list is made
    /// from the routes instead, with the pages of the broken files counted as present, so one
    /// mistake does not turn every link to that page into a second error.
    init(site: Site, theme: Theme?, rendered: Builder.RenderedSite?, brokenFiles: [String]) {
        basePath = site.config.basePath
        if let rendered {
            files.formUnion(rendered.paths)
        }
        var routes: [String] = [Routes.home, Routes.producers, Routes.notFound, Routes.productsFeed]
        let perPage = max(1, site.config.productsPerPage)
        routes += (1...max(1, (site.products.count + perPage - 1) / perPage)).map { Routes.products(page: $0) }
        routes += site.products.map { Routes.product($0.slug) }
        routes += site.categories.map { Routes.category($0.category.id) }
        routes += site.producers.map { Routes.producer($0.id) }
        routes.append(Routes.news())
        routes += site.news.map { Routes.article($0.slug) }
        routes += site.tags.map { Routes.tag($0) }
        routes += site.pages.map { Routes.page($0.slug) }
        routes += brokenFiles.compactMap(Self.route(ofContentFile:))
        files.formUnion(routes.map(Routes.file(for:)))
        files.formUnion(theme?.staticFiles.map(\.path) ?? [])
        files.formUnion(site.images.entries.keys)
    }

    /// `produk/tas/`, `produk/tas` (a server adds the slash) and `style.css` all count.
    func contains(_ path: String) -> Bool {
        if path.isEmpty || path.hasSuffix("/") { return files.contains(path + "index.html") }
        return files.contains(path) || files.contains(path + "/index.html")
    }

    /// The nearest existing address to a broken one, as a link would be written.
    func suggestion(for path: String) -> String? {
        let candidates = files.map { $0.hasSuffix("index.html") ? String($0.dropLast("index.html".count)) : $0 }
        return KnownFields.closest(to: path, among: candidates.sorted(), maxDistance: 3).map { basePath + $0 }
    }

    /// The page a content file would have had: `content/products/tas.md` → `produk/tas/`.
    static func route(ofContentFile path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "content", parts[2].hasSuffix(".md") else { return nil }
        let name = String(parts[2].dropLast(3))
        switch ContentKind(rawValue: String(parts[1])) {
        case .product: return Routes.product(name)
        case .producer: return Routes.producer(name)
        case .news: return Routes.article(ContentParser.stripDatePrefix(name))
        case .page: return Routes.page(name)
        case nil: return nil
        }
    }
}
