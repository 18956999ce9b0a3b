import Templates

/// The product catalog as Google Merchant Center and Meta Commerce Manager import it:
/// one item per product, or one per variant sharing `item_group_id`.
struct Catalog: Sendable {
    struct Item: Sendable {
        var id: String
        var title: String
        var description: String
        var link: String
        var imageLink: String?
        var additionalImageLinks: [String]
        var availability: Availability
        var availabilityDate: String?
        var price: String
        /// `g:sale_price` and `g:sale_price_effective_date` (an ISO 8601 interval, start/end).
        var salePrice: String?
        var saleDates: String?
        var brand: String
        var productType: String
        /// `google_product_category` and Meta's `fb_product_category`, from site.yml's categories.
        var googleCategory: String?
        var metaCategory: String?
        var shippingWeight: String?
        var itemGroupID: String?
        /// What tells a variant apart: `size`, `color`, `material`, `pattern`, only as written.
        var attributes: [Variant.Attribute: String] = [:]
        /// Made to order: the days between the order and shipping (Google's handling time).
        var handlingDays: Int?
        /// Google's `shipping` (country, service, price, transit days), only with a rate to give.
        var shipping: Shipping?

        /// Where the site sells: Indonesia (Lapak's sites are priced in Rupiah).
        static let country = "ID"
        var currencyCode: String { price.split(separator: " ").last.map(String.init) ?? "IDR" }

        /// Meta's `shipping` column: `COUNTRY:REGION:SERVICE:PRICE`.
        var csvShipping: String {
            guard let shipping, let price = shipping.price else { return "" }
            let service = shipping.couriers.joined(separator: " / ").replacingOccurrences(of: ":", with: " ")
            return "\(Self.country)::\(service):\(Catalog.price(price, currency: currencyCode))"
        }

        var xmlValue: Value {
            .dictionary(OrderedMapping([
                ("id", .string(id)), ("title", .string(title)), ("description", .string(description)),
                ("link", .string(link)), ("image_link", imageLink.asValue),
                ("additional_image_links", .array(additionalImageLinks.map(Value.string))),
                ("availability", .string(availability.rawValue)),
                ("availability_date", availabilityDate.asValue),
                ("price", .string(price)), ("sale_price", salePrice.asValue), ("sale_dates", saleDates.asValue),
                ("brand", .string(brand)),
                ("product_type", .string(productType)), ("google_product_category", googleCategory.asValue),
                ("shipping_weight", shippingWeight.asValue),
                ("item_group_id", itemGroupID.asValue),
                ("size", attributes[.size].asValue), ("color", attributes[.color].asValue),
                ("material", attributes[.material].asValue), ("pattern", attributes[.pattern].asValue),
                ("handling_days", handlingDays.asValue),
                ("shipping", shipping.flatMap { shipping in
                    shipping.price.map { price in
                        .dictionary(OrderedMapping([
                            ("country", .string(Self.country)), ("service", .string(shipping.couriers.joined(separator: " / "))),
                            ("price", .string(Catalog.price(price, currency: currencyCode))),
                            ("min_days", shipping.days.map { .int($0.lowerBound) } ?? .none),
                            ("max_days", shipping.days.map { .int($0.upperBound) } ?? .none),
                        ]))
                    }
                } ?? .none),
            ]))
        }
    }

    /// Field limits of the Merchant Center specification (Meta's are looser).
    enum Limit {
        static let id = 50, title = 150, description = 5000, brand = 70, productType = 750
        static let additionalImages = 10, size = 100
    }

    let site: Site
    let routes: Routes

    /// Both catalogs are written product by product and handed over in parts of about this
    /// size: at 10,000 products each is tens of megabytes, and is never held whole.
    static let partSize = 256 * 1024

    /// Every item, in site order (products newest first, a product's variants in order).
    /// Every item, in site order. A translated language's catalog holds only the products translated
    /// into it: Google and Meta check that a feed's text is in the feed's language.
    func forEachItem(_ body: (Item) throws -> Void) rethrows {
        for product in site.products where !site.untranslated.contains(product.sourcePath) {
            for item in Self.items(for: product, site: site, routes: routes) { try body(item) }
        }
    }

    /// katalog.xml (Google Merchant Center's RSS 2.0), through Lapak's feed templates.
    func writeXML(environment: Environment, emit: ([UInt8]) throws -> Void) throws {
        let description = site.config.description.isEmpty ? site.config.title : site.config.description
        var part = try environment.renderUTF8("katalog-open.xml", context: [
            "title": .string(site.config.title), "link": .string(routes.absolute(routes.home)), "description": .string(description),
            // RSS's channel language, on sites in more than one: each feed is in one.
            "language": site.config.isMultilingual ? .string(site.language) : .none,
        ])
        try forEachItem { item in
            part += try environment.renderUTF8("katalog-item.xml", context: ["item": item.xmlValue])
            if part.count >= Self.partSize {
                try emit(part)
                part.removeAll(keepingCapacity: true)
            }
        }
        part += Array(FeedTemplates.katalogClose.utf8)
        try emit(part)
    }

    /// katalog.csv (Meta Commerce Manager's columns).
    func writeCSV(emit: ([UInt8]) throws -> Void) throws {
        var part: [UInt8] = []
        part.reserveCapacity(Self.partSize + 16 * 1024)
        CSV.appendRow(Self.csvColumns, to: &part)
        try forEachItem { item in
            CSV.appendRow([
                item.id, item.title, item.description,
                item.availability == .inStock ? "in stock" : item.availability == .outOfStock ? "out of stock" : "preorder",
                "new", item.price, item.salePrice ?? "", item.saleDates ?? "", item.link, item.imageLink ?? "", item.brand,
                item.additionalImageLinks.joined(separator: ","), item.itemGroupID ?? "", item.attributes[.size] ?? "",
                item.attributes[.color] ?? "", item.attributes[.material] ?? "", item.attributes[.pattern] ?? "",
                item.productType, item.googleCategory ?? "", item.metaCategory ?? "", item.shippingWeight ?? "",
                item.csvShipping,
            ], to: &part)
            if part.count >= Self.partSize {
                try emit(part)
                part.removeAll(keepingCapacity: true)
            }
        }
        try emit(part)
    }

    private static func items(for product: Product, site: Site, routes: Routes) -> [Item] {
        var items: [Item] = []
        let producer = site.producer(product.producerID)
        let base = Item(
            id: Self.limitID(product.slug),
            title: Self.cut(product.title, Limit.title),
            description: product.catalogDescription,
            link: routes.absolute(routes.product(product.slug)),
            imageLink: product.images.first.map { routes.absolute($0.feedPath) },
            additionalImageLinks: product.images.dropFirst().prefix(Limit.additionalImages).map { routes.absolute($0.feedPath) },
            availability: product.availability,
            availabilityDate: product.availability == .preorder ? product.availableFrom?.rfc3339 : nil,
            price: Self.price(product.price, currency: site.config.currency),
            salePrice: product.sale.map { Self.price($0.price, currency: site.config.currency) },
            saleDates: product.sale.flatMap { Self.saleDates($0, product: product) },
            brand: Self.cut(producer?.name ?? product.producerID, Limit.brand),
            productType: Self.cut(Self.productType(site.categoryName(product.category), language: site.config.language),
                                  Limit.productType),
            googleCategory: site.category(product.category)?.google, metaCategory: site.category(product.category)?.meta,
            shippingWeight: product.weightGrams.map { "\($0) g" },
            itemGroupID: nil, handlingDays: product.madeToOrderDays, shipping: site.shipping(for: product))
        guard !product.variants.isEmpty else { return [base] }
        // An item group is for variants that differ by what the channels can see (Google's
        // item_group_id: variants differ by size, color, material, pattern). Variants that do not
        // say how they differ are listed as items of their own (`lapak check` advises on them).
        let grouped = product.variants.allSatisfy { !$0.attributes.isEmpty }
        var usedIDs = Set<String>()
        for (variant, key) in zip(product.variants, product.variantKeys) {
            var item = base
            var id = Self.variantID(product: product, variant: variant)
            while !usedIDs.insert(id).inserted { id = Self.limitID(id + "-x") }
            item.id = id
            item.title = Self.variantTitle(product.title, variant.name)
            item.price = Self.price(variant.price, currency: site.config.currency)
            // A product's sale is for the product's own price: each variant has its own.
            item.salePrice = nil
            item.saleDates = nil
            item.itemGroupID = grouped ? base.id : nil
            // Google: the landing page must show the variant's price: its link opens the page with
            // it chosen (`?varian=` for the script, `#varian-` for the page without one).
            item.link = routes.absolute(routes.product(product.slug, variant: key))
            item.attributes = variant.attributes.mapValues { Self.cut($0, Limit.size) }
            // A variant's own stock and photo, where it gives them.
            if let stock = variant.stock, product.availability != .preorder { item.availability = stock > 0 ? .inStock : .outOfStock }
            if let image = variant.image {
                item.imageLink = routes.absolute(image.feedPath)
                item.additionalImageLinks = Array(([base.imageLink].compactMap { $0 } + base.additionalImageLinks).prefix(Limit.additionalImages))
            }
            items.append(item)
        }
        return items
    }

    /// A product's description in the catalogs: its body's plain text, or its summary, or its title.
    /// `cut` is whether it was longer than Google's limit and so shortened.
    static func description(plainText: String, summary: String, title: String) -> (text: String, cut: Bool) {
        let plain = Self.plain(plainText)
        let description = plain.isEmpty ? summary : plain
        let whole = description.isEmpty ? title : description
        let text = Self.cut(whole, Limit.description)
        return (text, text.utf8.count != whole.utf8.count)
    }

    /// `2025-12-01T00:00:00+07:00/2025-12-31T23:59:59+07:00`. A sale without its first day starts
    /// on the product's date; one without its last day has no interval (it holds until removed).
    static func saleDates(_ sale: Sale, product: Product) -> String? {
        guard let end = sale.end, let start = sale.from ?? product.date else { return nil }
        return start.rfc3339 + "/" + end.rfc3339
    }

    /// The category's full path as the site shows it (`Produk > Kuliner`): Google's `product_type`
    /// takes the seller's own categories from the top, split by `>`.
    static func productType(_ category: String, language: String) -> String {
        (language == "en" ? "Products" : "Produk") + " > " + category
    }

    /// `85000.00 IDR`, as both platforms want.
    static func price(_ amount: Int, currency: String) -> String { "\(amount).00 \(currency)" }

    /// Plain text with one block (paragraph, list item) a line and white space collapsed.
    /// Works on UTF-8 bytes: this runs over every product's whole description.
    static func plain(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pending: UInt8 = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                        if pending == 0 && count > 0 { pending = UInt8(ascii: " ") }
                    case UInt8(ascii: "\n"):
                        if count > 0 { pending = UInt8(ascii: "\n") }
                    default:
                        if pending != 0 {
                            out[count] = pending
                            count += 1
                            pending = 0
                        }
                        out[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// Cuts within `limit` characters, at a word when one ends past the middle, with an ellipsis.
    /// Counted in Unicode scalars: a text never has more characters than scalars, so the limit
    /// holds either way, and scalars cost a fraction of grapheme breaking over 5,000 characters.
    static func cut(_ text: String, _ limit: Int) -> String {
        // No more bytes than the limit means no more characters: most texts need no count.
        guard text.utf8.count > limit else { return text }
        // ASCII text (most of it) is cut by bytes: one byte, one scalar, one character.
        if text.isASCII {
            var kept = text.utf8.prefix(limit - 1)
            if let space = kept.lastIndex(of: UInt8(ascii: " ")), text.utf8.distance(from: kept.startIndex, to: space) > limit / 2 {
                kept = kept[..<space]
            }
            return String(Substring(kept)) + "…"
        }
        // Other text by its UTF-8 bytes too: a scalar starts at every byte that is not a
        // continuation byte (10xxxxxx). Walking a String's scalars over 5,000 characters of every
        // product was a twentieth of a build.
        var text = text
        return text.withUTF8 { bytes -> String in
            var scalars = 0
            var end = bytes.count
            var lastSpace: (byte: Int, scalar: Int)?
            for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
                if scalars == limit - 1 {
                    end = index
                    break
                }
                if bytes[index] == UInt8(ascii: " ") { lastSpace = (index, scalars) }
                scalars += 1
            }
            // Within the limit after all (at most one scalar after the kept ones): kept whole.
            guard end < bytes.count else { return String(decoding: bytes, as: UTF8.self) }
            var next = end + 1
            while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
            if next == bytes.count { return String(decoding: bytes, as: UTF8.self) }
            if let space = lastSpace, space.scalar > limit / 2 { end = space.byte }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) + "…"
        }
    }

    /// "Title (Variant)" within the title limit. The product's part is shortened first: sibling
    /// variants must keep titles that tell them apart.
    static func variantTitle(_ title: String, _ variant: String) -> String {
        let whole = "\(title) (\(variant))"
        guard whole.unicodeScalars.count > Limit.title else { return whole }
        let suffix = " (" + cut(variant, Limit.title / 2) + ")"
        return cut(title, Limit.title - suffix.unicodeScalars.count) + suffix
    }

    /// A variant's catalog id: the product's address and the variant's name, as a slug.
    static func variantID(product: Product, variant: Variant) -> String {
        limitID(product.slug + "-" + Slug.make(from: variant.originalName ?? variant.name))
    }

    /// Ids over 50 characters keep their start and get a stable hash, so they stay unique.
    static func limitID(_ id: String) -> String {
        guard id.utf8.count > Limit.id else { return id }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let suffix = String(hash & 0xFFFF_FFFF, radix: 16)
        return String(id.prefix(Limit.id - 1 - suffix.count)) + "-" + suffix
    }

    /// Meta's column names; availability in Meta's words (`in stock`).
    static let csvColumns = ["id", "title", "description", "availability", "condition", "price", "sale_price",
                             "sale_price_effective_date", "link", "image_link",
                             "brand", "additional_image_link", "item_group_id", "size", "color", "material", "pattern",
                             "product_type", "google_product_category", "fb_product_category", "shipping_weight",
                             "shipping"]

}

/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, CRLF rows.
/// A field a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: OWASP's CSV-injection rule) gets a leading `'` and is quoted, so opening the
/// catalog in a spreadsheet never runs `=HYPERLINK(…)` from a product's title.
/// Written as bytes: a catalog of 10,000 products is tens of megabytes.
enum CSV {
    static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(field, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let formula = bytes.first.map(Self.formulaStarts.contains) ?? false
            let special = formula || bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            guard special else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(UInt8(ascii: "\""))
            if formula { out.append(UInt8(ascii: "'")) }
            for byte in bytes {
                out.append(byte)
                if byte == UInt8(ascii: "\"") { out.append(byte) }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
