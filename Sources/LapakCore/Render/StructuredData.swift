import Templates

/// schema.org JSON-LD for search engines and link previews, built from the model (not from
/// the theme), so every theme gets the same, valid data. Templates print it with `| json`,
/// which escapes `<`, `>` and `&`, so no content can close the `<script>` element.
enum StructuredData {
    static func availability(_ availability: Availability) -> String {
        switch availability {
        case .inStock: "https://schema.org/InStock"
        case .outOfStock: "https://schema.org/OutOfStock"
        case .preorder: "https://schema.org/PreOrder"
        }
    }

    /// A product as Google's merchant listings read it: one `Product` with its `Offer`, or, with
    /// variants, a `ProductGroup` whose `hasVariant` lists one `Product` per variant, each with its
    /// own offer, link and the attributes it differs by (`variesBy`), as Google's product variant
    /// structured data asks. A pre-order's offer says when it ships (`availabilityStarts`).
    static func product(_ product: Product, site: Site, routes: Routes) -> Value {
        let producer = site.producer(product.producerID)
        let url = routes.absolute(routes.product(product.slug))
        let seller: Value = .dictionary(OrderedMapping([
            ("@type", "Organization"),
            ("name", .string(producer?.name ?? product.producerID)),
            ("url", .string(routes.absolute(routes.producer(product.producerID)))),
        ]))
        func offer(price: Int, url: String, sale: Sale? = nil, stock: Int? = nil) -> Value {
            var availability = product.availability
            if let stock, availability != .preorder { availability = stock > 0 ? .inStock : .outOfStock }
            var fields: [(String, Value)] = [
                ("@type", "Offer"), ("url", .string(url)), ("price", .string(String(sale?.price ?? price))),
                ("priceCurrency", .string(site.config.currency)),
            ]
            // On sale: the price paid, until when, and the usual price as Google's merchant
            // listings take a crossed-out price (a StrikethroughPrice specification).
            if let sale {
                if let until = sale.until { fields.append(("priceValidUntil", .string(until.isoDate))) }
                fields.append(("priceSpecification", .dictionary(OrderedMapping([
                    ("@type", "UnitPriceSpecification"), ("priceType", "https://schema.org/StrikethroughPrice"),
                    ("price", .string(String(price))), ("priceCurrency", .string(site.config.currency)),
                ]))))
            }
            fields.append(("availability", .string(Self.availability(availability))))
            if availability == .preorder, let date = product.availableFrom {
                fields.append(("availabilityStarts", .string(date.rfc3339)))
            }
            fields += [("itemCondition", "https://schema.org/NewCondition"), ("seller", seller)]
            fields += ShippingData.offerFields(product: product, site: site)
            return .dictionary(OrderedMapping(fields))
        }
        let images: Value = .array(product.images.map { .string(routes.absolute($0.feedPath)) })
        let brand: Value = .dictionary(OrderedMapping([("@type", "Brand"), ("name", .string(producer?.name ?? product.producerID))]))
        var weight: [(String, Value)] = []
        if let grams = product.weightGrams {
            weight.append(("weight", .dictionary(OrderedMapping([
                ("@type", "QuantitativeValue"), ("value", .int(grams)), ("unitCode", "GRM"),
            ]))))
        }
        var fields: [(String, Value)] = [
            ("@context", "https://schema.org"), ("@type", product.variants.isEmpty ? "Product" : "ProductGroup"),
            ("name", .string(product.title)),
            ("description", .string(product.summary)),
            ("url", .string(url)),
            (product.variants.isEmpty ? "sku" : "productGroupID", .string(product.slug)),
            ("image", images),
            ("category", .string(site.categoryName(product.category))),
            ("brand", brand),
        ]
        guard !product.variants.isEmpty else {
            return .dictionary(OrderedMapping(fields + [("offers", offer(price: product.price, url: url, sale: product.sale))] + weight))
        }
        let varied = Variant.Attribute.allCases.filter { attribute in product.variants.contains { $0.attributes[attribute] != nil } }
        if !varied.isEmpty {
            fields.append(("variesBy", .array(varied.map { .string("https://schema.org/\($0.rawValue)") })))
        }
        fields.append(("hasVariant", .array(zip(product.variants, product.variantKeys).map { variant, key in
            var item: [(String, Value)] = [
                ("@type", "Product"), ("sku", .string(Catalog.variantID(product: product, variant: variant))),
                ("name", .string("\(product.title) (\(variant.name))")),
                ("image", variant.image.map { .array([.string(routes.absolute($0.feedPath))]) } ?? images),
            ]
            for attribute in varied {
                if let value = variant.attributes[attribute] { item.append((attribute.rawValue, .string(value))) }
            }
            item.append(("offers", offer(price: variant.price, url: routes.absolute(routes.product(product.slug, variant: key)),
                                         stock: variant.stock)))
            return .dictionary(OrderedMapping(item))
        })))
        return .dictionary(OrderedMapping(fields + weight))
    }

    static func article(_ article: NewsArticle, image: Value, site: Site, routes: Routes) -> Value {
        var fields: [(String, Value)] = [
            ("@context", "https://schema.org"), ("@type", "NewsArticle"),
            ("headline", .string(String(article.title.prefix(110)))),
            ("description", .string(article.summary)),
            ("url", .string(routes.absolute(routes.article(article.slug)))),
            ("mainEntityOfPage", .string(routes.absolute(routes.article(article.slug)))),
            ("datePublished", .string(article.date.rfc3339)),
            ("dateModified", .string(article.date.rfc3339)),
            ("inLanguage", .string(site.config.language)),
            ("author", .dictionary(OrderedMapping([("@type", "Organization"), ("name", .string(article.author ?? site.config.title))]))),
            ("publisher", .dictionary(OrderedMapping([("@type", "Organization"), ("name", .string(site.config.title)),
                                                      ("url", .string(site.config.baseURL))]))),
        ]
        if case .dictionary(let mapping) = image, let url = mapping["url"] {
            fields.append(("image", .array([url])))
        }
        if let location = article.location {
            fields.append(("contentLocation", .dictionary(OrderedMapping([("@type", "Place"), ("name", .string(location))]))))
        }
        return .dictionary(OrderedMapping(fields))
    }

    static func organization(_ producer: Producer, site: Site, routes: Routes) -> Value {
        var address: [(String, Value)] = [("@type", "PostalAddress"), ("addressLocality", .string(producer.village)),
                                          ("addressRegion", .string(producer.regency)), ("addressCountry", "ID")]
        if let province = producer.province { address[2] = ("addressRegion", .string("\(producer.regency), \(province)")) }
        var fields: [(String, Value)] = [
            ("@context", "https://schema.org"), ("@type", "Organization"),
            ("name", .string(producer.name)),
            ("url", .string(routes.absolute(routes.producer(producer.id)))),
            ("description", .string(Summary.make(from: producer.body.firstParagraph))),
            ("address", .dictionary(OrderedMapping(address))),
        ]
        if let number = producer.whatsapp { fields.append(("telephone", .string("+" + number.international))) }
        var sameAs: [Value] = []
        if let instagram = producer.instagram { sameAs.append(.string(SocialLinks.instagram(instagram))) }
        if let facebook = producer.facebook { sameAs.append(.string(SocialLinks.facebook(facebook))) }
        if !sameAs.isEmpty { fields.append(("sameAs", .array(sameAs))) }
        if let image = producer.image { fields.append(("logo", .string(routes.absolute(image.feedPath)))) }
        return .dictionary(OrderedMapping(fields))
    }

    /// BreadcrumbList from the same trail the page shows; the last crumb (this page) has its URL too.
    static func breadcrumbs(_ trail: [(title: String, route: String)], routes: Routes) -> Value {
        .dictionary(OrderedMapping([
            ("@context", "https://schema.org"), ("@type", "BreadcrumbList"),
            ("itemListElement", .array(trail.enumerated().map { index, crumb in
                .dictionary(OrderedMapping([
                    ("@type", "ListItem"), ("position", .int(index + 1)), ("name", .string(crumb.title)),
                    ("item", .string(routes.absolute(crumb.route))),
                ]))
            })),
        ]))
    }
}

/// Profile URLs from what contributors write: a handle, `@handle`, or a full URL.
enum SocialLinks {
    static func instagram(_ handle: String) -> String { profile(handle, host: "https://www.instagram.com/") }
    static func facebook(_ handle: String) -> String { profile(handle, host: "https://www.facebook.com/") }

    private static func profile(_ handle: String, host: String) -> String {
        if handle.hasPrefix("https://") || handle.hasPrefix("http://") { return handle }
        let name = handle.drop { $0 == "@" }
        return host + PercentEncoding.encode(String(name)) + "/"
    }
}
