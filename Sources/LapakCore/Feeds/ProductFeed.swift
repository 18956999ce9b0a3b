import Templates

/// `/products.json`: every published product for apps and partners, in a fixed schema
/// (`docs/products.schema.json`). The schema belongs to Lapak, not to the theme.
enum ProductFeed {
    static func value(site: Site, views: Views) -> Value {
        let routes = views.routes
        let items: [Value] = site.products.enumerated().map { index, product in
            let view = views.products[index]
            let producer = site.producer(product.producerID)
            func field(_ name: String) -> Value { if case .dictionary(let m) = view { return m[name] ?? .none }; return .none }
            return .dictionary(OrderedMapping([
                ("id", .string(product.slug)),
                ("title", .string(product.title)),
                ("url", .string(routes.absolute(routes.product(product.slug)))),
                ("summary", .string(product.summary)),
                ("price", .int(product.price)),
                ("currency", .string(site.config.currency)),
                ("price_text", .string(Rupiah.format(product.price, language: site.language))),
                // A sale: what the buyer pays until its last day (when it has one).
                ("sale", product.sale.map { sale in
                    .dictionary(OrderedMapping([
                        ("price", .int(sale.price)), ("price_text", .string(Rupiah.format(sale.price, language: site.language))),
                        ("from", sale.from.map { .string($0.isoDate) } ?? .none),
                        ("until", sale.until.map { .string($0.isoDate) } ?? .none),
                    ]))
                } ?? .none),
                ("availability", .string(product.availability.rawValue)),
                ("category", .string(product.category)),
                ("producer", .dictionary(OrderedMapping([
                    ("id", .string(product.producerID)),
                    ("name", .string(producer?.name ?? product.producerID)),
                    ("url", .string(routes.absolute(routes.producer(product.producerID)))),
                ]))),
                ("images", .array(product.images.map { .string(routes.absolute($0.feedPath)) })),
                ("tags", .array(product.tags.map(Value.string))),
                ("date", product.date.map { .string($0.isoDate) } ?? .none),
                ("order_url", field("order_url")),
                // Each variant's own address (it opens the page with the variant chosen) and what
                // differs, only as written.
                ("variants", .array(zip(product.variants, product.variantKeys).map { variant, key in
                    .dictionary(OrderedMapping([
                        ("name", .string(variant.name)), ("price", .int(variant.price)),
                        ("url", .string(routes.absolute(routes.product(product.slug, variant: key)))),
                    ] + Variant.Attribute.allCases.compactMap { attribute in
                        variant.attributes[attribute].map { (attribute.rawValue, Value.string($0)) }
                    }))
                })),
                ("weight_grams", product.weightGrams.map(Value.int) ?? .none),
                ("certifications", .array(product.certifications.map { certification in
                    .dictionary(OrderedMapping([("kind", .string(certification.kind.rawValue)),
                                                ("number", .string(certification.number))]))
                })),
            ]))
        }
        return .dictionary(OrderedMapping([
            ("version", .string("1")),
            ("title", .string(site.config.title)),
            ("url", .string(site.config.baseURL)),
            ("currency", .string(site.config.currency)),
            ("products", .array(items)),
        ]))
    }
}
