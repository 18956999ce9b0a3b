import Templates

/// One page to render: where it goes, with which template and which data.
struct PlannedPage: Sendable {
    let route: String
    let template: String
    let context: [String: Value]
}

/// Turns the site into the list of pages. Routes come from `Routes`; lists are cut into pages
/// here, so each paginated page gets only its own slice.
struct PagePlan {
    let site: Site
    let views: Views

    var routes: Routes { views.routes }

    func pages() -> [PlannedPage] {
        var out: [PlannedPage] = []
        out.append(home())
        out += paginated(kind: "products", title: nil, items: views.products, perPage: site.config.productsPerPage,
                         template: "list.html", route: { Routes.products(page: $0) }, extra: [:])
        for (index, product) in site.products.enumerated() {
            out.append(productPage(product, view: views.products[index]))
        }
        for (category, _) in site.categories {
            let items = (site.productsByCategory[category.id] ?? []).map { views.products[$0] }
            out += paginated(kind: "category", title: category.name, items: items, perPage: site.config.productsPerPage,
                             template: "list.html", route: { Routes.category(category.id, page: $0) },
                             extra: ["category": views.categoryByID[category.id] ?? .none])
        }
        out.append(page(Routes.producers, "producers.html", [
            "page": pageInfo(kind: "producers", title: nil, route: Routes.producers),
            "producers": .array(site.producers.compactMap { views.producers[$0.id] }),
        ]))
        for producer in site.producers {
            let route = Routes.producer(producer.id)
            out.append(page(route, "producer.html", [
                "page": pageInfo(kind: "producer", title: producer.name, route: route),
                "producer": views.producers[producer.id] ?? .none,
                "products": .array((site.productsByProducer[producer.id] ?? []).map { views.products[$0] }),
                "news": .array((site.newsByProducer[producer.id] ?? []).map { views.news[$0] }),
            ]))
        }
        out += paginated(kind: "news", title: nil, items: views.news, perPage: site.config.newsPerPage,
                         template: "news_list.html", route: { Routes.news(page: $0) }, itemKey: "news", extra: [:])
        for (index, article) in site.news.enumerated() {
            let related = relatedProducts(forArticle: article)
            let route = Routes.article(article.slug)
            out.append(page(route, "article.html", [
                "page": pageInfo(kind: "article", title: article.title, route: route),
                "article": views.news[index],
                "related": .array(related),
            ]))
        }
        for tag in site.tags {
            let items = (site.productsByTag[tag] ?? []).map { views.products[$0] }
            let news = Value.array((site.newsByTag[tag] ?? []).map { views.news[$0] })
            let tagValue: Value = .dictionary(OrderedMapping([("name", .string(tag)), ("url", .string(routes.path(Routes.tag(tag))))]))
            out += paginated(kind: "tag", title: "#" + tag, items: items, perPage: site.config.productsPerPage,
                             template: "list.html", route: { Routes.tag(tag, page: $0) },
                             extra: ["tag": tagValue, "news": news])
        }
        for (index, page) in site.pages.enumerated() {
            let route = Routes.page(page.slug)
            out.append(self.page(route, "page.html", [
                "page": pageInfo(kind: "page", title: page.title, route: route, description: page.description),
                "content_page": views.pages[index],
            ]))
        }
        out.append(page(Routes.notFound, "404.html", ["page": pageInfo(kind: "404", title: nil, route: Routes.notFound)]))
        return out
    }

    private func page(_ route: String, _ template: String, _ context: [String: Value]) -> PlannedPage {
        PlannedPage(route: route, template: template, context: context)
    }

    func pageInfo(kind: String, title: String?, route: String, description: String? = nil,
                  pageNumber: Int = 1) -> Value {
        .dictionary(OrderedMapping([
            ("kind", .string(kind)),
            ("title", title.map(Value.string) ?? .none),
            ("description", description.map(Value.string) ?? .none),
            ("route", .string(route)),
            ("url", .string(routes.path(route))),
            ("canonical", .string(routes.absolute(route))),
            ("number", .int(pageNumber)),
        ]))
    }

    private func home() -> PlannedPage {
        let featured = site.products.indices.filter { site.products[$0].featured }.prefix(8).map { views.products[$0] }
        return page(Routes.home, "index.html", [
            "page": pageInfo(kind: "home", title: nil, route: Routes.home),
            "featured": .array(Array(featured)),
            "newest": .array(Array(views.products.prefix(8))),
            "latest_news": .array(Array(views.news.prefix(3))),
            "producers": .array(site.producers.compactMap { views.producers[$0.id] }),
        ])
    }

    private func productPage(_ product: Product, view: Value) -> PlannedPage {
        let route = Routes.product(product.slug)
        return page(route, "product.html", [
            "page": pageInfo(kind: "product", title: product.title, route: route, description: product.summary),
            "product": view,
            "related": .array(relatedProducts(for: product)),
        ])
    }

    /// Up to four other products: same producer first, then same category, newest first.
    private func relatedProducts(for product: Product) -> [Value] {
        var picked: [Int] = []
        let candidates = (site.productsByProducer[product.producerID] ?? []) + (site.productsByCategory[product.category] ?? [])
        for index in candidates where site.products[index].slug != product.slug && !picked.contains(index) {
            picked.append(index)
            if picked.count == 4 { break }
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
                           route: (Int) -> String, itemKey: String = "products",
                           extra: [String: Value]) -> [PlannedPage] {
        let total = max(1, (items.count + perPage - 1) / perPage)
        return (1...total).map { number in
            let slice = Array(items[min(items.count, (number - 1) * perPage)..<min(items.count, number * perPage)])
            var context = extra
            context["page"] = pageInfo(kind: kind, title: title, route: route(number), pageNumber: number)
            context[itemKey] = .array(slice)
            context["pagination"] = pagination(current: number, total: total, count: items.count, route: route)
            return page(route(number), template, context)
        }
    }

    private func pagination(current: Int, total: Int, count: Int, route: (Int) -> String) -> Value {
        .dictionary(OrderedMapping([
            ("current", .int(current)),
            ("total", .int(total)),
            ("count", .int(count)),
            ("prev_url", current > 1 ? .string(routes.path(route(current - 1))) : .none),
            ("next_url", current < total ? .string(routes.path(route(current + 1))) : .none),
            ("pages", .array((1...total).map { number in
                .dictionary(OrderedMapping([
                    ("number", .int(number)), ("url", .string(routes.path(route(number)))),
                    ("current", .bool(number == current)),
                ]))
            })),
        ]))
    }
}
