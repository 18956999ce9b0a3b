import Templates

/// Page data as each engine wants it, built once outside the timed loops.
enum Contexts {
    static func product(_ p: ProductData) -> Value {
        .dictionary(
            OrderedMapping([
                ("name", .string(p.name)), ("slug", .string(p.slug)), ("price", .int(p.price)),
                ("currency", .string(p.currency)), ("image", .string(p.image)), ("alt", .string(p.alt)),
                ("description", .string(p.description)), ("stock", .int(p.stock)),
                ("seller", .string(p.seller)), ("badge", .string(p.badge)), ("featured", .bool(p.featured)),
            ]))
    }

    static let lapak: [String: Value] = [
        "site_title": "Lapak Nusantara",
        "categories": .array(
            categories.map { c in
                .dictionary(OrderedMapping([("name", .string(c.name)), ("products", .array(c.products.map(product)))]))
            }),
    ]

    static func anyProduct(_ p: ProductData) -> [String: Any] {
        [
            "name": p.name, "slug": p.slug, "price": p.price, "currency": p.currency, "image": p.image, "alt": p.alt,
            "description": p.description, "stock": p.stock, "seller": p.seller, "badge": p.badge, "featured": p.featured,
        ]
    }

    static let any: [String: Any] = [
        "site_title": "Lapak Nusantara",
        "categories": categories.map { c in ["name": c.name, "products": c.products.map(anyProduct)] as [String: Any] },
    ]
}
