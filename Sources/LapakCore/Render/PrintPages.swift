import QRCode
import Templates

/// The pages for paper: the price list and the sheet of shelf labels of the whole site
/// (`/katalog/cetak/`, `/katalog/label/`) and of each producer (`/komunitas/ID/cetak/`,
/// `/komunitas/ID/label/`), and the short addresses their QR codes hold (`/p/CODE/`), which
/// forward to the product's page. None is in the sitemap: they are for printing and scanning.
///
/// A stall prints one community's list. The whole site's pages hold every product up to
/// `wholeSiteLimit`; a larger site gets, at the same addresses, a list of producers linking to
/// theirs, rather than a page of tens of megabytes nobody prints.
struct PrintPages: Sendable {
    let plan: PagePlan
    private var routes: Routes { plan.routes }
    /// The short code of each product, by address.
    let codes: [String: String]

    init(plan: PagePlan) {
        self.init(plan: plan, codes: ShortCodes.codes(for: plan.site.products.map(\.slug)))
    }

    /// The printed pages of `plan` with codes already made (a page rendered from the plan).
    init(plan: PagePlan, codes: [String: String]) {
        self.plan = plan
        self.codes = codes
    }

    /// QR codes on the price list and on labels, in tenths of a millimetre: at 25 and 22 mm, a
    /// version 4 code (33 modules and the quiet zone's 8, what a short address under a base URL
    /// of up to about 25 characters needs) prints its modules at 0.61 and 0.54 mm, above the
    /// 0.5 mm that survives a photocopier. A longer base URL makes a larger code, drawn larger.
    static let listQRSide = 250, labelQRSide = 220
    /// The smallest module printed, in hundredths of a millimetre.
    static let smallestModule = 52
    /// Products the whole site's price list and label sheet hold: about 90 A4 pages of the list,
    /// 24 sheets of labels.
    static let wholeSiteLimit = 500

    func pages() -> [PlannedPage] {
        let site = plan.site
        var out: [PlannedPage] = []
        let codes = codes
        let allProducers = site.producers.map(\.id).filter { !(site.productsByProducer[$0] ?? []).isEmpty }
        let wholeSite = site.products.count <= Self.wholeSiteLimit
        let priceList = routes.priceList, labels = routes.labels
        out.append(PlannedPage(route: priceList, template: "print.html", unlisted: true) { plan in
            PrintPages(plan: plan, codes: codes).priceListContext(producerIDs: allProducers, route: priceList, producer: nil, withRows: wholeSite)
        })
        out.append(PlannedPage(route: labels, template: "labels.html", unlisted: true) { plan in
            PrintPages(plan: plan, codes: codes).labelsContext(producerIDs: allProducers, route: labels, producer: nil, withLabels: wholeSite)
        })
        for producer in site.producers where allProducers.contains(producer.id) {
            let route = routes.priceList(producer: producer.id)
            out.append(PlannedPage(route: route, template: "print.html", unlisted: true) { plan in
                PrintPages(plan: plan, codes: codes).priceListContext(producerIDs: [producer.id], route: route, producer: producer, withRows: true)
            })
            let labels = routes.labels(producer: producer.id)
            out.append(PlannedPage(route: labels, template: "labels.html", unlisted: true) { plan in
                PrintPages(plan: plan, codes: codes).labelsContext(producerIDs: [producer.id], route: labels, producer: producer, withLabels: true)
            })
        }
        for (index, product) in site.products.enumerated() {
            guard let code = codes[product.slug] else { continue }
            out.append(PlannedPage(route: routes.short(code), template: "short.html", unlisted: true) { plan in
                PrintPages(plan: plan, codes: codes).shortContext(plan.site.products[index])
            })
        }
        return out
    }

    /// The product as the theme's cards see it, with its QR code and the address it holds.
    private func printed(_ index: Int, side: Int) -> Value {
        let product = plan.site.products[index]
        guard case .dictionary(var fields) = plan.views.products[index], let code = codes[product.slug] else {
            return plan.views.products[index]
        }
        let address = plan.routes.absolute(routes.short(code))
        fields["qr"] = .safe(Self.qrSVG(for: address, side: side, from: plan.qrCodes))
        fields["short_url"] = .string(address)
        fields["short_text"] = .string(Self.withoutScheme(address))
        return .dictionary(fields)
    }

    /// One producer's part of a printed page: its view, where its own pages are, and its rows
    /// (empty on the whole site's page of a large site, which then links to the producer's).
    private func group(_ id: String, rows: ((Int) -> Value)?) -> Value? {
        let site = plan.site
        let indices = site.productsByProducer[id] ?? []
        guard !indices.isEmpty, let view = plan.views.producers[id] else { return nil }
        let sorted = indices.sorted { site.products[$0].title < site.products[$1].title }
        return .dictionary(OrderedMapping([
            ("producer", view), ("products", .array(rows.map { sorted.map($0) } ?? [])),
            ("count", .int(indices.count)),
            ("print_url", .string(plan.routes.path(routes.priceList(producer: id)))),
            ("labels_url", .string(plan.routes.path(routes.labels(producer: id)))),
        ]))
    }

    private func priceListContext(producerIDs: [String], route: String, producer: Producer?, withRows: Bool) -> [String: Value] {
        let rows: ((Int) -> Value)? = withRows ? { printed($0, side: Self.listQRSide) } : nil
        let title = plan.label("print_title", "Daftar Harga") + (producer.map { " · \($0.name)" } ?? "")
        let labels = producer.map { routes.labels(producer: $0.id) } ?? routes.labels
        var context: [String: Value] = [
            "page": plan.pageInfo(kind: "print", title: title, route: route),
            "groups": .array(producerIDs.compactMap { group($0, rows: rows) }),
            "labels_url": .string(plan.routes.path(labels)),
            "valid": validity(),
        ]
        plan.decorate(&context, trail: trail(title: title, route: route, producer: producer), title: title, description: nil)
        return context
    }

    private func labelsContext(producerIDs: [String], route: String, producer: Producer?, withLabels: Bool) -> [String: Value] {
        let title = plan.label("labels_title", "Label Rak") + (producer.map { " · \($0.name)" } ?? "")
        let site = plan.site
        let products: [Value] = withLabels
            ? producerIDs.count == 1
                ? (site.productsByProducer[producerIDs[0]] ?? []).map { printed($0, side: Self.labelQRSide) }
                : site.products.indices.map { printed($0, side: Self.labelQRSide) }
            : []
        var context: [String: Value] = [
            "page": plan.pageInfo(kind: "labels", title: title, route: route),
            "products": .array(products),
            // A large site's sheet lists the producers, whose own sheets hold the labels.
            "groups": .array(withLabels ? [] : producerIDs.compactMap { group($0, rows: nil) }),
            "valid": validity(),
        ]
        plan.decorate(&context, trail: trail(title: title, route: route, producer: producer), title: title, description: nil)
        return context
    }

    private func trail(title: String, route: String, producer: Producer?) -> [(title: String, route: String)] {
        var trail: [(title: String, route: String)] = [(plan.label("nav_home", "Beranda"), routes.home)]
        if let producer {
            trail += [(plan.label("nav_producers", "Komunitas"), routes.producers), (producer.name, routes.producer(producer.id))]
        }
        return trail + [(title, route)]
    }

    private func shortContext(_ product: Product) -> [String: Value] {
        let target = routes.product(product.slug)
        guard let code = codes[product.slug] else { return [:] }
        var context: [String: Value] = [
            "page": .dictionary(OrderedMapping([
                ("kind", "short"), ("title", .string(product.title)), ("description", .none),
                ("route", .string(routes.short(code))), ("url", .string(plan.routes.path(routes.short(code)))),
                // The product's page is the one address search engines should know.
                ("canonical", .string(plan.routes.absolute(target))), ("number", .int(1)),
                ("untranslated", false), ("original_url", .none), ("content_language", .string(plan.site.language)),
            ])),
            "target": .string(plan.routes.path(target)),
        ]
        // Every page has `meta` and `structured_data`, so a theme can use them anywhere; the
        // default theme's forwarding page prints neither.
        plan.decorate(&context, trail: [], title: product.title, description: nil)
        return context
    }

    /// "Harga berlaku s/d" the date `prices_valid_until` of site.yml gives; else "Harga per" the
    /// newest product or news date: never the clock, so a rebuild gives the same page.
    private func validity() -> Value {
        let site = plan.site
        let configured = site.config.pricesValidUntil
        let newest = (site.products.compactMap(\.date) + site.news.map(\.date)).max()
        guard let date = configured ?? newest else { return .none }
        return .dictionary(OrderedMapping([
            ("until", .bool(configured != nil)),
            ("date", Views.date(date, language: site.config.language)),
        ]))
    }

    /// The QR code of an address as inline SVG, level Q: the one piece of markup besides cmark's
    /// that pages trust, drawn by the QRCode module from the address alone (its label escaped).
    /// A short address is ASCII and far below the largest QR code: encoding cannot fail.
    /// The code comes from `store`, which keeps it between builds.
    static func qrSVG(for address: String, side: Int, from store: QRCodeStore) -> String {
        guard let code = store.code(for: address) else { return "" }
        let modules = code.size + 2 * QRCode.quietZone
        let tenths = max(side, (modules * smallestModule + 9) / 10)
        return code.svg(side: "\(tenths / 10).\(tenths % 10)mm", label: address)
    }

    static func withoutScheme(_ url: String) -> String {
        guard let range = url.range(of: "://") else { return url }
        return String(url[range.upperBound...])
    }
}
