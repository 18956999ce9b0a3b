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
        // Every language has the same pages under its own prefix.
        for language in site.config.languages {
            let routes = Routes(config: site.config, language: language)
            var pages: [String] = [routes.home, routes.producers, routes.notFound, routes.productsFeed]
            let perPage = max(1, site.config.productsPerPage)
            pages += (1...max(1, (site.products.count + perPage - 1) / perPage)).map { routes.products(page: $0) }
            pages += site.products.map { routes.product($0.slug) }
            pages += site.categories.map { routes.category($0.category.id) }
            pages += site.producers.map { routes.producer($0.id) }
            pages.append(routes.news())
            pages += site.news.map { routes.article($0.slug) }
            pages += site.tags.map { routes.tag($0) }
            pages += site.pages.map { routes.page($0.slug) }
            pages += brokenFiles.compactMap { Self.route(ofContentFile: $0, routes: routes) }
            files.formUnion(pages.map(Routes.file(for:)))
        }
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
    static func route(ofContentFile path: String, routes: Routes) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "content", parts[2].hasSuffix(".md") else { return nil }
        let name = String(parts[2].dropLast(3))
        switch ContentKind(rawValue: String(parts[1])) {
        case .product: return routes.product(name)
        case .producer: return routes.producer(name)
        case .news: return routes.article(ContentParser.stripDatePrefix(name))
        case .page: return routes.page(name)
        case nil: return nil
        }
    }
}
