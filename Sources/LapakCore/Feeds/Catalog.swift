import Templates

/// The product catalog as Google Merchant Center and Meta Commerce Manager import it:
/// one item per product, or one per variant sharing `item_group_id`.
struct Catalog {
    struct Item {
        var id: String
        var title: String
        var description: String
        var link: String
        var imageLink: String?
        var additionalImageLinks: [String]
        var availability: Availability
        var availabilityDate: String?
        var price: String
        var brand: String
        var productType: String
        var shippingWeight: String?
        var itemGroupID: String?
        var size: String?
    }

    /// Field limits of the Merchant Center specification (Meta's are looser).
    enum Limit {
        static let id = 50, title = 150, description = 5000, brand = 70, productType = 750
        static let additionalImages = 10, size = 100
    }

    let items: [Item]

    init(site: Site, routes: Routes) {
        var items: [Item] = []
        for product in site.products {
            let producer = site.producer(product.producerID)
            let description = Self.plain(product.body.plainText.isEmpty ? product.summary : product.body.plainText)
            let base = Item(
                id: Self.limitID(product.slug),
                title: Self.cut(product.title, Limit.title),
                description: Self.cut(description.isEmpty ? product.title : description, Limit.description),
                link: routes.absolute(Routes.product(product.slug)),
                imageLink: product.images.first.map { routes.absolute($0.path) },
                additionalImageLinks: product.images.dropFirst().prefix(Limit.additionalImages).map { routes.absolute($0.path) },
                availability: product.availability,
                availabilityDate: product.availability == .preorder ? product.availableFrom?.rfc3339 : nil,
                price: Self.price(product.price, currency: site.config.currency),
                brand: Self.cut(producer?.name ?? product.producerID, Limit.brand),
                productType: Self.cut(site.categoryName(product.category), Limit.productType),
                shippingWeight: product.weightGrams.map { "\($0) g" },
                itemGroupID: nil, size: nil)
            guard !product.variants.isEmpty else {
                items.append(base)
                continue
            }
            var usedIDs = Set<String>()
            for variant in product.variants {
                var item = base
                var id = Self.limitID(product.slug + "-" + Slug.make(from: variant.name))
                while !usedIDs.insert(id).inserted { id = Self.limitID(id + "-x") }
                item.id = id
                item.title = Self.cut("\(product.title) (\(variant.name))", Limit.title)
                item.price = Self.price(variant.price, currency: site.config.currency)
                item.itemGroupID = base.id
                item.size = Self.cut(variant.name, Limit.size)
                items.append(item)
            }
        }
        self.items = items
    }

    /// `85000.00 IDR`, as both platforms want.
    static func price(_ amount: Int, currency: String) -> String { "\(amount).00 \(currency)" }

    /// Plain text with one block (paragraph, list item) a line and white space collapsed.
    static func plain(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Cuts at a character boundary, with an ellipsis, within `limit` characters.
    static func cut(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }

    /// Ids over 50 characters keep their start and get a stable hash, so they stay unique.
    static func limitID(_ id: String) -> String {
        guard id.utf8.count > Limit.id else { return id }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let suffix = String(hash & 0xFFFF_FFFF, radix: 16)
        return String(id.prefix(Limit.id - 1 - suffix.count)) + "-" + suffix
    }

    var xmlContext: [Value] {
        items.map { item in
            .dictionary(OrderedMapping([
                ("id", .string(item.id)), ("title", .string(item.title)), ("description", .string(item.description)),
                ("link", .string(item.link)), ("image_link", item.imageLink.asValue),
                ("additional_image_links", .array(item.additionalImageLinks.map(Value.string))),
                ("availability", .string(item.availability.rawValue)),
                ("availability_date", item.availabilityDate.asValue),
                ("price", .string(item.price)), ("brand", .string(item.brand)),
                ("product_type", .string(item.productType)), ("shipping_weight", item.shippingWeight.asValue),
                ("item_group_id", item.itemGroupID.asValue), ("size", item.size.asValue),
            ]))
        }
    }

    /// Meta's column names; availability in Meta's words (`in stock`).
    static let csvColumns = ["id", "title", "description", "availability", "condition", "price", "link", "image_link",
                             "brand", "additional_image_link", "item_group_id", "size", "product_type", "shipping_weight"]

    var csv: String {
        var out = CSV.row(Self.csvColumns)
        for item in items {
            out += CSV.row([
                item.id, item.title, item.description, item.availability.rawValue.replacingOccurrences(of: "_", with: " "),
                "new", item.price, item.link, item.imageLink ?? "", item.brand,
                item.additionalImageLinks.joined(separator: ","), item.itemGroupID ?? "", item.size ?? "",
                item.productType, item.shippingWeight ?? "",
            ])
        }
        return out
    }
}

/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, CRLF rows.
enum CSV {
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
