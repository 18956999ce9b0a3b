import QRCode
import Synchronization
import Templates

/// The pages for paper: the price list of the whole site (`/katalog/cetak/`) and of each
/// producer (`/komunitas/ID/cetak/`), the sheet of shelf labels (`/katalog/label/`), and the
/// short addresses their QR codes hold (`/p/CODE/`), which forward to the product's page.
/// None is in the sitemap: they are for printing and scanning, not for search engines.
struct PrintPages: Sendable {
    let plan: PagePlan
    /// The short code of each product, by address.
    let codes: [String: String]
    private let qrCodes = ProductQRCodes()

    init(plan: PagePlan) {
        self.plan = plan
        codes = ShortCodes.codes(for: plan.site.products.map(\.slug))
    }

    /// QR codes on the price list and on labels, in tenths of a millimetre: at 25 and 22 mm, a
    /// version 4 code (33 modules and the quiet zone's 8, what a short address under a base URL
    /// of up to about 25 characters needs) prints its modules at 0.61 and 0.54 mm, above the
    /// 0.5 mm that survives a photocopier. A longer base URL makes a larger code, drawn larger.
    static let listQRSide = 250, labelQRSide = 220
    /// The smallest module printed, in hundredths of a millimetre.
    static let smallestModule = 52

    func pages() -> [PlannedPage] {
        let site = plan.site
        var out: [PlannedPage] = []
        let shared = self
        let allProducers = site.producers.map(\.id)
        out.append(PlannedPage(route: Routes.priceList, template: "print.html", unlisted: true) {
            shared.priceListContext(producerIDs: allProducers, route: Routes.priceList, producer: nil)
        })
        for producer in site.producers where !(site.productsByProducer[producer.id] ?? []).isEmpty {
            let route = Routes.priceList(producer: producer.id)
            out.append(PlannedPage(route: route, template: "print.html", unlisted: true) {
                shared.priceListContext(producerIDs: [producer.id], route: route, producer: producer)
            })
        }
        out.append(PlannedPage(route: Routes.labels, template: "labels.html", unlisted: true) { shared.labelsContext() })
        for (index, product) in site.products.enumerated() {
            guard let code = codes[product.slug] else { continue }
            out.append(PlannedPage(route: Routes.short(code), template: "short.html", unlisted: true) {
                shared.shortContext(shared.plan.site.products[index])
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
        let address = plan.routes.absolute(Routes.short(code))
        fields["qr"] = .safe(qrCodes.code(index, address: address).map { Self.qrSVG($0, address: address, side: side) } ?? "")
        fields["short_url"] = .string(address)
        fields["short_text"] = .string(Self.withoutScheme(address))
        return .dictionary(fields)
    }

    private func priceListContext(producerIDs: [String], route: String, producer: Producer?) -> [String: Value] {
        let site = plan.site
        let groups: [Value] = producerIDs.compactMap { id in
            let indices = site.productsByProducer[id] ?? []
            guard !indices.isEmpty, let view = plan.views.producers[id] else { return nil }
            let sorted = indices.sorted { site.products[$0].title < site.products[$1].title }
            return .dictionary(OrderedMapping([
                ("producer", view), ("products", .array(sorted.map { printed($0, side: Self.listQRSide) })),
            ]))
        }
        let title = plan.label("print_title", "Daftar Harga") + (producer.map { " · \($0.name)" } ?? "")
        var context: [String: Value] = [
            "page": plan.pageInfo(kind: "print", title: title, route: route),
            "groups": .array(groups),
            "valid": validity(),
        ]
        var trail: [(title: String, route: String)] = [(plan.label("nav_home", "Beranda"), Routes.home)]
        if let producer {
            trail += [(plan.label("nav_producers", "Komunitas"), Routes.producers), (producer.name, Routes.producer(producer.id))]
        }
        trail.append((title, route))
        plan.decorate(&context, trail: trail, title: title, description: nil)
        return context
    }

    private func labelsContext() -> [String: Value] {
        let title = plan.label("labels_title", "Label Rak")
        var context: [String: Value] = [
            "page": plan.pageInfo(kind: "labels", title: title, route: Routes.labels),
            "products": .array(plan.site.products.indices.map { printed($0, side: Self.labelQRSide) }),
            "valid": validity(),
        ]
        plan.decorate(&context, trail: [(plan.label("nav_home", "Beranda"), Routes.home), (title, Routes.labels)],
                      title: title, description: nil)
        return context
    }

    private func shortContext(_ product: Product) -> [String: Value] {
        let target = Routes.product(product.slug)
        guard let code = codes[product.slug] else { return [:] }
        return [
            "page": .dictionary(OrderedMapping([
                ("kind", "short"), ("title", .string(product.title)), ("description", .none),
                ("route", .string(Routes.short(code))), ("url", .string(plan.routes.path(Routes.short(code)))),
                // The product's page is the one address search engines should know.
                ("canonical", .string(plan.routes.absolute(target))), ("number", .int(1)),
            ])),
            "target": .string(plan.routes.path(target)),
        ]
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
    static func qrSVG(for address: String, side: Int) -> String {
        guard let code = try? QRCode(encoding: address, correction: .quartile) else { return "" }
        return qrSVG(code, address: address, side: side)
    }

    static func qrSVG(_ code: QRCode, address: String, side: Int) -> String {
        let modules = code.size + 2 * QRCode.quietZone
        let tenths = max(side, (modules * smallestModule + 9) / 10)
        return code.svg(side: "\(tenths / 10).\(tenths % 10)mm", label: address)
    }

    static func withoutScheme(_ url: String) -> String {
        guard let range = url.range(of: "://") else { return url }
        return String(url[range.upperBound...])
    }
}

/// Each product's QR code, made the first time a printed page needs it: the site's price list,
/// its producer's list and the label sheet draw the same code, and encoding (libqrencode tries all
/// eight masks) is the costly part. Two pages asking at once may both encode; the result is the same.
final class ProductQRCodes: Sendable {
    private let made = Mutex<[Int: QRCode]>([:])

    func code(_ index: Int, address: String) -> QRCode? {
        if let known = made.withLock({ $0[index] }) { return known }
        guard let code = try? QRCode(encoding: address, correction: .quartile) else { return nil }
        made.withLock { $0[index] = code }
        return code
    }
}
