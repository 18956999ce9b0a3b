import Templates

/// Turns the site into the list of pages. Routes come from `Routes`; lists are cut into pages
/// here, so each paginated page gets only its own slice.
struct PagePlan: Sendable {
    let site: Site
    let views: Views
    /// UI strings of the theme, for breadcrumb labels shared by the page and its JSON-LD.
    let strings: OrderedMapping
    /// The picture link previews fall back to: `image` of site.yml, else the theme's `og-image.png`.
    let shareImage: Value
    /// Where the printed pages find their QR codes.
    var qrCodes = QRCodeStore(file: nil)

    var routes: Routes { views.routes }

    /// The same plan over another site and views of the same pages (`PreviewPatch`).
    func with(site: Site, views: Views) -> PagePlan {
        PagePlan(site: site, views: views, strings: strings, shareImage: shareImage, qrCodes: qrCodes)
    }

    func label(_ key: String, _ fallback: String) -> String {
        strings[key]?.stringValue ?? fallback
    }

    fileprivate var home: (title: String, route: String) { (label("nav_home", "Beranda"), routes.home) }

    /// Every page of the site, in a fixed order (the sitemap's): home, products, categories,
    /// producers, news, tags, stand-alone pages, cart and search, not found, printed pages.
    func pages() -> [PlannedPage] {
        [homePage()] + productPages() + categoryPages() + producerPages() + newsPages() + tagPages()
            + contentPages() + toolPages() + PrintPages(plan: self).pages()
    }

    private var productsCrumb: (title: String, route: String) { (label("nav_products", "Produk"), routes.products()) }

    private func productPages() -> [PlannedPage] {
        var out = paginated(kind: "products", title: nil, count: views.products.count, perPage: site.config.productsPerPage,
                            template: "list.html", route: { [routes] in routes.products(page: $0) },
                            trail: [home, productsCrumb]) { plan, range in Array(plan.views.products[range]) }
        for (index, product) in site.products.enumerated() {
            var page = PlannedPage(route: routes.product(product.slug), template: "product.html", lastModified: product.date) { plan in
                plan.productContext(plan.site.products[index], view: plan.views.products[index])
            }
            page.untranslated = site.untranslated.contains(product.sourcePath)
            out.append(page)
        }
        return out
    }

    private func categoryPages() -> [PlannedPage] {
        var out: [PlannedPage] = []
        for (category, _) in site.categories {
            let indices = site.productsByCategory[category.id] ?? []
            let id = category.id
            out += paginated(kind: "category", title: category.name, count: indices.count, perPage: site.config.productsPerPage,
                             template: "list.html", route: { [routes] in routes.category(id, page: $0) },
                             trail: [home, productsCrumb, (category.name, routes.category(id))],
                             extra: { plan in ["category": plan.views.categoryByID[id] ?? .none] },
                             items: { plan, range in indices[range].map { plan.views.products[$0] } })
        }
        return out
    }

    private var producersCrumb: (title: String, route: String) { (label("nav_producers", "Komunitas"), routes.producers) }

    private func producerPages() -> [PlannedPage] {
        let crumbs = [home, producersCrumb]
        var out = [PlannedPage(route: routes.producers, template: "producers.html") { plan in
            var context: [String: Value] = [
                "page": plan.pageInfo(kind: "producers", title: nil, route: plan.routes.producers),
                "producers": .array(plan.site.producers.compactMap { plan.views.producers[$0.id] }),
            ]
            plan.decorate(&context, trail: crumbs, title: plan.label("producers_title", crumbs[1].title), description: nil)
            return context
        }]
        for (index, producer) in site.producers.enumerated() {
            let id = producer.id, route = routes.producer(id)
            let trail: [(title: String, route: String)] = [home, producersCrumb, (producer.name, route)]
            let products = site.productsByProducer[id] ?? [], news = site.newsByProducer[id] ?? []
            // A producer's products are a list like a category's: a cooperative may sell hundreds.
            let listed = paginated(kind: "producer", title: producer.name, count: products.count,
                                   perPage: site.config.productsPerPage, template: "producer.html",
                                   route: { [routes] in routes.producer(id, page: $0) }, trail: trail,
                                   extra: { plan in [
                                       "producer": plan.views.producers[id] ?? .none,
                                       "news": .array(news.map { plan.views.news[$0] }),
                                   ] },
                                   items: { plan, range in products[range].map { plan.views.products[$0] } })
            let untranslated = site.untranslated.contains(producer.sourcePath)
            let dates = products.compactMap { site.products[$0].date } + news.map { site.news[$0].date }
            let list = listed[0]
            // The first page is the producer's profile: its own description, picture and JSON-LD.
            var first = PlannedPage(route: route, template: "producer.html", lastModified: dates.max()) { plan in
                let producer = plan.site.producers[index]
                var context = list.context(in: plan)
                if untranslated { context["page"] = plan.pageInfo(kind: "producer", title: producer.name, route: route, untranslated: true) }
                plan.decorate(&context, trail: trail, type: "profile",
                              title: producer.name, description: Summary.make(from: producer.body.firstParagraph),
                              image: producer.image.map { Views.image($0, routes: plan.routes) },
                              extra: [StructuredData.organization(producer, site: plan.site, routes: plan.routes)])
                return context
            }
            first.untranslated = untranslated
            out.append(first)
            out += listed.dropFirst()
        }
        return out
    }

    private func newsPages() -> [PlannedPage] {
        let newsCrumb = (label("nav_news", "Berita"), routes.news())
        var out = paginated(kind: "news", title: nil, count: views.news.count, perPage: site.config.newsPerPage,
                            template: "news_list.html", route: { [routes] in routes.news(page: $0) }, itemKey: "news",
                            trail: [home, newsCrumb]) { plan, range in Array(plan.views.news[range]) }
        for (index, article) in site.news.enumerated() {
            var page = PlannedPage(route: routes.article(article.slug), template: "article.html", lastModified: article.date) { plan in
                plan.articleContext(plan.site.news[index], view: plan.views.news[index], newsCrumb: newsCrumb)
            }
            page.untranslated = site.untranslated.contains(article.sourcePath)
            out.append(page)
        }
        return out
    }

    private func tagPages() -> [PlannedPage] {
        var out: [PlannedPage] = []
        for tag in site.tags {
            let products = site.productsByTag[tag] ?? []
            // The tag's newest news show on its first page only: repeating them on every page of a
            // long list would multiply the work (and the page weight) by the number of pages.
            let news = Array((site.newsByTag[tag] ?? []).prefix(10))
            let tagValue: Value = .dictionary(OrderedMapping([("name", .string(tag)), ("url", .string(routes.path(routes.tag(tag))))]))
            out += paginated(kind: "tag", title: "#" + tag, count: products.count, perPage: site.config.productsPerPage,
                             template: "list.html", route: { [routes] in routes.tag(tag, page: $0) },
                             trail: [home, ("#" + tag, routes.tag(tag))],
                             extra: { _ in ["tag": tagValue, "news": .array([])] },
                             firstPageExtra: { plan in ["news": .array(news.map { plan.views.news[$0] })] },
                             items: { plan, range in products[range].map { plan.views.products[$0] } })
        }
        return out
    }

    private func contentPages() -> [PlannedPage] {
        var out: [PlannedPage] = []
        for (index, page) in site.pages.enumerated() {
            let route = routes.page(page.slug)
            let untranslated = site.untranslated.contains(page.sourcePath)
            var planned = PlannedPage(route: route, template: "page.html") { plan in
                let page = plan.site.pages[index]
                var context: [String: Value] = [
                    "page": plan.pageInfo(kind: "page", title: page.title, route: route, description: page.description,
                                          untranslated: untranslated),
                    "content_page": plan.views.pages[index],
                ]
                plan.decorate(&context, trail: [plan.home, (page.title, route)], title: page.title, description: page.description)
                return context
            }
            planned.untranslated = untranslated
            out.append(planned)
        }
        return out
    }

    /// The cart, search and not-found pages: nothing of their own for a search engine.
    private func toolPages() -> [PlannedPage] {
        var notFound: [String: Value] = ["page": pageInfo(kind: "404", title: nil, route: routes.notFound)]
        decorate(&notFound, trail: [home], title: label("not_found_title", "Halaman tidak ditemukan"), description: nil)
        var notFoundPage = PlannedPage(route: routes.notFound, template: "404.html", context: notFound)
        notFoundPage.unlisted = true
        return [
            toolPage(kind: "cart", title: label("cart_title", "Keranjang"), route: routes.cart, template: "cart.html"),
            toolPage(kind: "search", title: label("search_title", "Cari"), route: routes.search, template: "search.html",
                     extra: ["search_index": .string(routes.path(routes.searchIndex))]),
            notFoundPage,
        ]
    }

    fileprivate func articleContext(_ article: NewsArticle, view: Value, newsCrumb: (String, String)) -> [String: Value] {
        let route = routes.article(article.slug)
        var image: Value?
        if case .dictionary(let mapping) = view, let picture = mapping["image"], !picture.isNone { image = picture }
        var context: [String: Value] = [
            "page": pageInfo(kind: "article", title: article.title, route: route, description: article.summary,
                             untranslated: site.untranslated.contains(article.sourcePath)),
            "article": view,
            "related": .array(relatedProducts(forArticle: article)),
        ]
        let meta = self.meta(type: "article", title: article.title, description: article.summary, image: image)
        decorate(&context, trail: [home, newsCrumb, (article.title, route)], type: "article",
                 title: article.title, description: article.summary, image: image,
                 extra: [StructuredData.article(article, image: OrderedMapping(meta)["image"] ?? .none, site: site, routes: routes)])
        return context
    }

    /// The cart and the search page: no content of their own, the theme's script fills them in.
    private func toolPage(kind: String, title: String, route: String, template: String,
                          extra: [String: Value] = [:]) -> PlannedPage {
        var context = extra
        context["page"] = pageInfo(kind: kind, title: title, route: route)
        decorate(&context, trail: [home, (title, route)], title: title, description: nil)
        // Filled in by the buyer's browser: nothing of their own for a search engine.
        var tool = PlannedPage(route: route, template: template, context: context)
        tool.unlisted = true
        return tool
    }

    /// `untranslated`: an item shown in the first language for want of a translation. Its canonical
    /// address is the original's, so search engines index the text once, where it is written.
    func pageInfo(kind: String, title: String?, route: String, description: String? = nil,
                  pageNumber: Int = 1, untranslated: Bool = false) -> Value {
        var canonical = routes.absolute(route)
        var originalURL: Value = .none
        if untranslated {
            let original = Routes(config: site.config, language: site.config.defaultLanguage)
            let originalRoute = routes.route(route, in: original)
            canonical = original.absolute(originalRoute)
            originalURL = .string(original.path(originalRoute))
        }
        return .dictionary(OrderedMapping([
            ("kind", .string(kind)),
            ("title", title.map(Value.string) ?? .none),
            ("description", description.map(Value.string) ?? .none),
            ("route", .string(route)),
            ("url", .string(routes.path(route))),
            ("canonical", .string(canonical)),
            ("number", .int(pageNumber)),
            ("untranslated", .bool(untranslated)),
            ("original_url", originalURL),
            ("content_language", .string(untranslated ? site.config.defaultLanguage : site.config.language)),
        ]))
    }

    private func homePage() -> PlannedPage {
        PlannedPage(route: routes.home, template: "index.html") { plan in plan.homeContext() }
    }

    fileprivate func homeContext() -> [String: Value] {
        let featured = site.products.indices.filter { site.products[$0].featured }.prefix(8).map { views.products[$0] }
        var context: [String: Value] = [
            "page": pageInfo(kind: "home", title: nil, route: routes.home),
            "featured": .array(Array(featured)),
            "newest": .array(Array(views.products.prefix(8))),
            "latest_news": .array(Array(views.news.prefix(3))),
            "producers": .array(site.producers.compactMap { views.producers[$0.id] }),
        ]
        let organization: Value = .dictionary(OrderedMapping([
            ("@context", "https://schema.org"), ("@type", "WebSite"), ("name", .string(site.config.title)),
            ("url", .string(routes.absolute(routes.home))), ("description", .string(site.config.description)),
            ("inLanguage", .string(site.config.language)),
        ]))
        decorate(&context, trail: [home], title: site.config.title, description: site.config.description, extra: [organization])
        return context
    }

    fileprivate func productContext(_ product: Product, view: Value) -> [String: Value] {
        let route = routes.product(product.slug)
        let trail = [home, (site.categoryName(product.category), routes.category(product.category)), (product.title, route)]
        var meta = self.meta(type: "product", title: product.title, description: product.summary,
                             image: product.images.first.map { Views.image($0, routes: routes) })
        meta.append(("price_amount", .string(String(product.lowestPrice))))
        meta.append(("price_currency", .string(site.config.currency)))
        return [
            "page": pageInfo(kind: "product", title: product.title, route: route, description: product.summary,
                             untranslated: site.untranslated.contains(product.sourcePath)),
            "product": view,
            "related": .array(relatedProducts(for: product)),
            "breadcrumbs": crumbs(trail),
            "meta": .dictionary(OrderedMapping(meta)),
            "structured_data": .array([StructuredData.product(product, site: site, routes: routes),
                                       StructuredData.breadcrumbs(trail, routes: routes)]),
        ]
    }

    /// Open Graph data of a page: what WhatsApp and Facebook show when the link is shared.
    func meta(type: String, title: String?, description: String?, image: Value?) -> [(String, Value)] {
        var picture = shareImage
        if case .dictionary(let mapping)? = image, let url = mapping["abs_url"] {
            // A photo's `abs_url` is its JPEG copy, whose size is given beside it.
            let size = mapping["jpeg"].flatMap { value -> OrderedMapping? in
                if case .dictionary(let jpeg) = value { return jpeg }
                return nil
            } ?? mapping
            picture = .dictionary(OrderedMapping([
                ("url", url), ("width", size["width"] ?? .none), ("height", size["height"] ?? .none),
                ("alt", mapping["alt"] ?? .none),
            ]))
        }
        return [
            ("type", .string(type)),
            ("title", .string(title ?? site.config.title)),
            ("description", .string(description.flatMap { $0.isEmpty ? nil : $0 } ?? site.config.description)),
            ("image", picture),
        ]
    }

    private func crumbs(_ trail: [(title: String, route: String)]) -> Value {
        .array(trail.enumerated().map { index, crumb in
            .dictionary(OrderedMapping([
                ("title", .string(crumb.title)),
                ("url", index == trail.count - 1 ? .none : .string(routes.path(crumb.route))),
            ]))
        })
    }

    /// Breadcrumbs, Open Graph and JSON-LD for pages whose only structured data is their trail.
    func decorate(_ context: inout [String: Value], trail: [(title: String, route: String)],
                          type: String = "website", title: String?, description: String?, image: Value? = nil,
                          extra: [Value] = []) {
        if trail.count > 1 {
            context["breadcrumbs"] = crumbs(trail)
        }
        context["meta"] = .dictionary(OrderedMapping(meta(type: type, title: title, description: description, image: image)))
        context["structured_data"] = .array(extra + (trail.count > 1 ? [StructuredData.breadcrumbs(trail, routes: routes)] : []))
    }

    /// Up to four other products: same producer first, then same category, newest first.
    private func relatedProducts(for product: Product) -> [Value] {
        var picked: [Int] = []
        // The two lists are walked, not joined: a producer or category can hold thousands of
        // products, and only the first few are needed.
        let lists = [site.productsByProducer[product.producerID] ?? [], site.productsByCategory[product.category] ?? []]
        search: for list in lists {
            for index in list where site.products[index].slug != product.slug && !picked.contains(index) {
                picked.append(index)
                if picked.count == 4 { break search }
            }
        }
        return picked.map { views.products[$0] }
    }

    private func relatedProducts(forArticle article: NewsArticle) -> [Value] {
        var picked: [Int] = []
        for id in article.producerIDs {
            for index in site.productsByProducer[id] ?? [] where !picked.contains(index) {
                picked.append(index)
                if picked.count == 4 { return picked.map { views.products[$0] } }
                break // one per producer first, so every mentioned group shows
            }
        }
        return picked.map { views.products[$0] }
    }

    /// Cuts a list into pages of `perPage`; page 1 at the list's route, later ones at `halaman/N/`.
    /// Cuts a list of `count` items into pages of `perPage`; page 1 at the list's route, later ones
    /// at `halaman/N/`. `items` gives a page's slice from the plan it is rendered with.
    private func paginated(kind: String, title: String?, count: Int, perPage: Int, template: String,
                           route: @escaping @Sendable (Int) -> String, itemKey: String = "products",
                           trail: [(title: String, route: String)],
                           extra: @escaping @Sendable (PagePlan) -> [String: Value] = { _ in [:] },
                           firstPageExtra: @escaping @Sendable (PagePlan) -> [String: Value] = { _ in [:] },
                           items: @escaping @Sendable (PagePlan, Range<Int>) -> [Value]) -> [PlannedPage] {
        let total = max(1, (count + perPage - 1) / perPage)
        return (1...total).map { number in
            PlannedPage(route: route(number), template: template) { plan in
                var context = extra(plan)
                if number == 1 { context.merge(firstPageExtra(plan)) { _, new in new } }
                context["page"] = plan.pageInfo(kind: kind, title: title, route: route(number), pageNumber: number)
                context[itemKey] = .array(items(plan, min(count, (number - 1) * perPage)..<min(count, number * perPage)))
                context["pagination"] = plan.pagination(current: number, total: total, count: count, route: route)
                let name = trail.last?.title
                plan.decorate(&context, trail: trail, title: number > 1 ? name.map { "\($0) · \(number)" } : name, description: nil)
                return context
            }
        }
    }

    /// Page numbers to show: the first, the last, two either side of the current one, and nil for
    /// each gap. Listing every page would make a list of N pages cost N² links.
    static func window(current: Int, total: Int, radius: Int = 2) -> [Int?] {
        var numbers: [Int?] = []
        var previous = 0
        for number in 1...max(1, total) where number == 1 || number == total || abs(number - current) <= radius {
            if number - previous > 2 {
                numbers.append(nil)
            } else if number - previous == 2 {
                numbers.append(previous + 1)
            }
            numbers.append(number)
            previous = number
        }
        return numbers
    }

    fileprivate func pagination(current: Int, total: Int, count: Int, route: (Int) -> String) -> Value {
        .dictionary(OrderedMapping([
            ("current", .int(current)),
            ("total", .int(total)),
            ("count", .int(count)),
            ("prev_url", current > 1 ? .string(routes.path(route(current - 1))) : .none),
            ("next_url", current < total ? .string(routes.path(route(current + 1))) : .none),
            ("pages", .array(Self.window(current: current, total: total).map { number in
                guard let number else {
                    return .dictionary(OrderedMapping([("number", .none), ("url", .none), ("current", false), ("gap", true)]))
                }
                return .dictionary(OrderedMapping([
                    ("number", .int(number)), ("url", .string(routes.path(route(number)))),
                    ("current", .bool(number == current)), ("gap", false),
                ]))
            })),
        ]))
    }
}
