import Templates

/// One page to render: where it goes, with which template and which data.
struct PlannedPage: Sendable {
    let route: String
    let template: String
    /// For the sitemap; nil means "as new as the site".
    var lastModified: ContentDate?
    /// Left out of the sitemap: pages for printing, short addresses that only forward, the cart,
    /// search and not-found pages.
    var unlisted = false
    /// An item shown in the site's first language for want of a translation: its canonical
    /// address is the original's, and the sitemap leaves it out.
    var untranslated = false
    /// Which of the site's languages the page is in (an index into `config.languages`).
    var edition = 0
    /// On a site in more than one language: the same page in each, for the language switch and
    /// the `hreflang` links.
    var languageLinks: LanguageLinks?
    private let makeContext: @Sendable () -> [String: Value]

    /// The template's data. Product and article pages build it when they are rendered, on all
    /// cores, instead of holding ten thousand contexts in memory from the plan onwards.
    var context: [String: Value] {
        var context = makeContext()
        if let languageLinks { context["page_languages"] = languageLinks.value(for: route, edition: edition) }
        return context
    }

    init(route: String, template: String, context: [String: Value], lastModified: ContentDate? = nil) {
        self.init(route: route, template: template, lastModified: lastModified) { context }
    }

    init(route: String, template: String, lastModified: ContentDate? = nil, unlisted: Bool = false,
         context makeContext: @escaping @Sendable () -> [String: Value]) {
        self.route = route
        self.template = template
        self.lastModified = lastModified
        self.unlisted = unlisted
        self.makeContext = makeContext
    }
}

/// One plan shared by the page closures that make their data late.
private final class SharedPlan: Sendable {
    let plan: PagePlan
    init(_ plan: PagePlan) { self.plan = plan }
}

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

    func label(_ key: String, _ fallback: String) -> String {
        strings[key]?.stringValue ?? fallback
    }

    private var home: (title: String, route: String) { (label("nav_home", "Beranda"), routes.home) }

    func pages() -> [PlannedPage] {
        var out: [PlannedPage] = []
        // Product and article pages make their data when rendered; their closures share one
        // copy of the plan and hold an index, instead of each holding the plan, the item and its
        // value (about a kilobyte a page, which at 50,000 products came to tens of megabytes).
        let shared = SharedPlan(self)
        let productsCrumb = (label("nav_products", "Produk"), routes.products())
        out.append(homePage())
        out += paginated(kind: "products", title: nil, items: views.products, perPage: site.config.productsPerPage,
                         template: "list.html", route: { routes.products(page: $0) },
                         trail: [home, productsCrumb], extra: [:])
        for (index, product) in site.products.enumerated() {
            var page = PlannedPage(route: routes.product(product.slug), template: "product.html", lastModified: product.date) {
                shared.plan.productContext(shared.plan.site.products[index], view: shared.plan.views.products[index])
            }
            page.untranslated = site.untranslated.contains(product.sourcePath)
            out.append(page)
        }
        for (category, _) in site.categories {
            let items = (site.productsByCategory[category.id] ?? []).map { views.products[$0] }
            out += paginated(kind: "category", title: category.name, items: items, perPage: site.config.productsPerPage,
                             template: "list.html", route: { routes.category(category.id, page: $0) },
                             trail: [home, productsCrumb, (category.name, routes.category(category.id))],
                             extra: ["category": views.categoryByID[category.id] ?? .none])
        }
        let producersCrumb = (label("nav_producers", "Komunitas"), routes.producers)
        var producersContext: [String: Value] = [
            "page": pageInfo(kind: "producers", title: nil, route: routes.producers),
            "producers": .array(site.producers.compactMap { views.producers[$0.id] }),
        ]
        decorate(&producersContext, trail: [home, producersCrumb], title: label("producers_title", producersCrumb.0), description: nil)
        out.append(page(routes.producers, "producers.html", producersContext))
        for producer in site.producers {
            let route = routes.producer(producer.id)
            let view = views.producers[producer.id] ?? .none
            let trail: [(title: String, route: String)] = [home, producersCrumb, (producer.name, route)]
            // A producer's products are a list like a category's: a cooperative may sell hundreds.
            let listed = paginated(kind: "producer", title: producer.name,
                                   items: (site.productsByProducer[producer.id] ?? []).map { views.products[$0] },
                                   perPage: site.config.productsPerPage, template: "producer.html",
                                   route: { routes.producer(producer.id, page: $0) }, trail: trail, extra: [
                                       "producer": view,
                                       "news": .array((site.newsByProducer[producer.id] ?? []).map { views.news[$0] }),
                                   ])
            var context = listed[0].context
            let untranslated = site.untranslated.contains(producer.sourcePath)
            if untranslated { context["page"] = pageInfo(kind: "producer", title: producer.name, route: route, untranslated: true) }
            decorate(&context, trail: trail, type: "profile",
                     title: producer.name, description: Summary.make(from: producer.body.firstParagraph),
                     image: producer.image.map { Views.image($0, routes: routes) },
                     extra: [StructuredData.organization(producer, site: site, routes: routes)])
            let dates = (site.productsByProducer[producer.id] ?? []).compactMap { site.products[$0].date }
                + (site.newsByProducer[producer.id] ?? []).map { site.news[$0].date }
            var first = page(route, "producer.html", context, lastModified: dates.max())
            first.untranslated = untranslated
            out.append(first)
            out += listed.dropFirst()
        }
        let newsCrumb = (label("nav_news", "Berita"), routes.news())
        out += paginated(kind: "news", title: nil, items: views.news, perPage: site.config.newsPerPage,
                         template: "news_list.html", route: { routes.news(page: $0) }, itemKey: "news",
                         trail: [home, newsCrumb], extra: [:])
        for (index, article) in site.news.enumerated() {
            var page = PlannedPage(route: routes.article(article.slug), template: "article.html", lastModified: article.date) {
                shared.plan.articleContext(shared.plan.site.news[index], view: shared.plan.views.news[index], newsCrumb: newsCrumb)
            }
            page.untranslated = site.untranslated.contains(article.sourcePath)
            out.append(page)
        }
        for tag in site.tags {
            let items = (site.productsByTag[tag] ?? []).map { views.products[$0] }
            // The tag's newest news show on its first page only: repeating them on every page of a
            // long list would multiply the work (and the page weight) by the number of pages.
            let news = Value.array((site.newsByTag[tag] ?? []).prefix(10).map { views.news[$0] })
            let tagValue: Value = .dictionary(OrderedMapping([("name", .string(tag)), ("url", .string(routes.path(routes.tag(tag))))]))
            out += paginated(kind: "tag", title: "#" + tag, items: items, perPage: site.config.productsPerPage,
                             template: "list.html", route: { routes.tag(tag, page: $0) },
                             trail: [home, ("#" + tag, routes.tag(tag))], extra: ["tag": tagValue, "news": .array([])], firstPageExtra: ["news": news])
        }
        for (index, page) in site.pages.enumerated() {
            let route = routes.page(page.slug)
            let untranslated = site.untranslated.contains(page.sourcePath)
            var context: [String: Value] = [
                "page": pageInfo(kind: "page", title: page.title, route: route, description: page.description, untranslated: untranslated),
                "content_page": views.pages[index],
            ]
            decorate(&context, trail: [home, (page.title, route)], title: page.title, description: page.description)
            var planned = self.page(route, "page.html", context)
            planned.untranslated = untranslated
            out.append(planned)
        }
        out.append(toolPage(kind: "cart", title: label("cart_title", "Keranjang"), route: routes.cart, template: "cart.html"))
        out.append(toolPage(kind: "search", title: label("search_title", "Cari"), route: routes.search, template: "search.html",
                            extra: ["search_index": .string(routes.path(routes.searchIndex))]))
        var notFound: [String: Value] = ["page": pageInfo(kind: "404", title: nil, route: routes.notFound)]
        decorate(&notFound, trail: [home], title: label("not_found_title", "Halaman tidak ditemukan"), description: nil)
        var notFoundPage = page(routes.notFound, "404.html", notFound)
        notFoundPage.unlisted = true
        out.append(notFoundPage)
        out += PrintPages(plan: self).pages()
        return out
    }

    private func articleContext(_ article: NewsArticle, view: Value, newsCrumb: (String, String)) -> [String: Value] {
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

    private func page(_ route: String, _ template: String, _ context: [String: Value],
                      lastModified: ContentDate? = nil) -> PlannedPage {
        PlannedPage(route: route, template: template, context: context, lastModified: lastModified)
    }

    /// The cart and the search page: no content of their own, the theme's script fills them in.
    private func toolPage(kind: String, title: String, route: String, template: String,
                          extra: [String: Value] = [:]) -> PlannedPage {
        var context = extra
        context["page"] = pageInfo(kind: kind, title: title, route: route)
        decorate(&context, trail: [home, (title, route)], title: title, description: nil)
        // Filled in by the buyer's browser: nothing of their own for a search engine.
        var tool = page(route, template, context)
        tool.unlisted = true
        return tool
    }

    /// `untranslated`: an item shown in the first language for want of a translation. Its canonical
    /// address is the original's, so search engines index the text once, where it is written.
    func pageInfo(kind: String, title: String?, route: String, description: String? = nil,
                  pageNumber: Int = 1, untranslated: Bool = false) -> Value {
        var fields: [(String, Value)] = [
            ("kind", .string(kind)),
            ("title", title.map(Value.string) ?? .none),
            ("description", description.map(Value.string) ?? .none),
            ("route", .string(route)),
            ("url", .string(routes.path(route))),
            ("canonical", .string(routes.absolute(route))),
            ("number", .int(pageNumber)),
            ("untranslated", .bool(untranslated)),
            ("original_url", .none),
            ("content_language", .string(site.config.language)),
        ]
        if untranslated {
            let original = Routes(config: site.config, language: site.config.defaultLanguage)
            let originalRoute = routes.route(route, in: original)
            fields[5] = ("canonical", .string(original.absolute(originalRoute)))
            fields[8] = ("original_url", .string(original.path(originalRoute)))
            fields[9] = ("content_language", .string(site.config.defaultLanguage))
        }
        return .dictionary(OrderedMapping(fields))
    }

    private func homePage() -> PlannedPage {
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
            ("url", .string(site.config.baseURL)), ("description", .string(site.config.description)),
            ("inLanguage", .string(site.config.language)),
        ]))
        decorate(&context, trail: [home], title: site.config.title, description: site.config.description, extra: [organization])
        return page(routes.home, "index.html", context)
    }

    private func productContext(_ product: Product, view: Value) -> [String: Value] {
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
    private func paginated(kind: String, title: String?, items: [Value], perPage: Int, template: String,
                           route: @escaping @Sendable (Int) -> String, itemKey: String = "products",
                           trail: [(title: String, route: String)], extra: [String: Value],
                           firstPageExtra: [String: Value] = [:]) -> [PlannedPage] {
        let total = max(1, (items.count + perPage - 1) / perPage)
        // Each page's data is made when it is rendered: a list's pages share one copy of the plan.
        let shared = SharedPlan(self)
        let route: @Sendable (Int) -> String = route
        return (1...total).map { number in
            PlannedPage(route: route(number), template: template) {
                let plan = shared.plan
                let slice = Array(items[min(items.count, (number - 1) * perPage)..<min(items.count, number * perPage)])
                var context = extra
                if number == 1 { context.merge(firstPageExtra) { _, new in new } }
                context["page"] = plan.pageInfo(kind: kind, title: title, route: route(number), pageNumber: number)
                context[itemKey] = .array(slice)
                context["pagination"] = plan.pagination(current: number, total: total, count: items.count, route: route)
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
