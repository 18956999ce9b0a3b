import Imaging
import Templates

/// Turns the site model into template values, once per build: every page that shows a
/// product shares the same value, so cards cost nothing to rebuild.
struct Views: Sendable {
    let site: Site
    let routes: Routes
    let producers: [String: Value]
    let products: [Value]
    let news: [Value]
    let pages: [Value]
    let categories: [Value]
    let categoryByID: [String: Value]

    /// `previous`: the views of the last build of the same site (`lapak serve`), whose product
    /// values are kept where nothing they are made from changed (`ViewReuse`).
    init(site: Site, previous: Views? = nil) {
        self.site = site
        let routes = Routes(config: site.config)
        self.routes = routes
        let language = site.config.language
        var producers: [String: Value] = [:]
        for producer in site.producers {
            producers[producer.id] = Self.producer(producer, site: site, routes: routes)
        }
        self.producers = producers
        var categoryByID: [String: Value] = [:]
        var categories: [Value] = []
        for (category, count) in site.categories {
            let value: Value = .dictionary(OrderedMapping([
                ("id", .string(category.id)), ("name", .string(category.name)), ("count", .int(count)),
                ("url", .string(routes.path(routes.category(category.id)))),
            ]))
            categoryByID[category.id] = value
            categories.append(value)
        }
        self.categories = categories
        self.categoryByID = categoryByID
        let producerValues = producers
        let categoryValues = categoryByID
        let reuse = ViewReuse(previous: previous, site: site)
        products = parallelMap(site.products) { product in
            if let kept = reuse?.value(for: product) { return kept }
            return Self.product(product, site: site, routes: routes, producers: producerValues,
                                categories: categoryValues, language: language)
        }
        news = parallelMap(site.news) { article in
            Self.article(article, routes: routes, producers: producerValues, images: site.images, language: language,
                         wordsLanguage: site.wordsLanguage(of: article.sourcePath))
        }
        pages = site.pages.map { page in
            .dictionary(OrderedMapping([
                ("slug", .string(page.slug)), ("title", .string(page.title)), ("lang", .string(site.wordsLanguage(of: page.sourcePath))),
                ("description", .string(page.description)),
                ("url", .string(routes.path(routes.page(page.slug)))),
                ("content", .safe(page.body.html)),
            ]))
        }
    }

    private init(site: Site, routes: Routes, producers: [String: Value], products: [Value], news: [Value], pages: [Value],
                 categories: [Value], categoryByID: [String: Value]) {
        self.site = site
        self.routes = routes
        self.producers = producers
        self.products = products
        self.news = news
        self.pages = pages
        self.categories = categories
        self.categoryByID = categoryByID
    }

    /// The same views with the products at `indices` made again from `site` (the same site with
    /// those products edited in place).
    func replacingProducts(at indices: [Int], in site: Site) -> Views {
        var products = self.products
        for index in indices {
            products[index] = Self.product(site.products[index], site: site, routes: routes, producers: producers,
                                           categories: categoryByID, language: site.config.language)
        }
        return Views(site: site, routes: routes, producers: producers, products: products, news: news, pages: pages,
                     categories: categories, categoryByID: categoryByID)
    }

    static func image(_ image: ImageRef, routes: Routes) -> Value {
        guard let photo = image.photo else {
            // Not a photo (an SVG): published as it is.
            return .dictionary(OrderedMapping([
                ("src", .string(routes.path(image.urlPath))), ("abs_url", .string(routes.absolute(image.urlPath))),
                ("alt", .string(image.alt)), ("width", image.width.asValue), ("height", image.height.asValue),
            ]))
        }
        return picture(photo, alt: image.alt, routes: routes)
    }

    /// A photo as templates see it: `src` and `abs_url` of the JPEG every browser shows,
    /// `srcset` over the WebP copies, and `width` and `height` of the largest, upright.
    static func picture(_ photo: PublishedPhoto, alt: String, routes: Routes) -> Value {
        func copy(_ rendition: Rendition) -> Value {
            .dictionary(OrderedMapping([
                ("url", .string(routes.path(rendition.path))), ("abs_url", .string(routes.absolute(rendition.path))),
                ("width", .int(rendition.width)), ("height", .int(rendition.height)),
                ("type", .string(rendition.encoding.mediaType)),
            ]))
        }
        func srcset(_ copies: [Rendition]) -> String {
            copies.map { routes.path($0.path) + " \($0.width)w" }.joined(separator: ", ")
        }
        return .dictionary(OrderedMapping([
            ("src", .string(routes.path(photo.jpeg.path))),
            ("abs_url", .string(routes.absolute(photo.jpeg.path))),
            ("alt", .string(alt)),
            ("width", .int(photo.largest.width)),
            ("height", .int(photo.largest.height)),
            ("srcset", .string(srcset(photo.webp))),
            // Only when `photos: {avif: true}`: the theme offers these first.
            ("avif_srcset", photo.avif.isEmpty ? .none : .string(srcset(photo.avif))),
            ("type", .string(PhotoEncoding.webp.mediaType)),
            ("sources", .array(photo.webp.map(copy))),
            ("jpeg", copy(photo.jpeg)),
        ]))
    }

    static func date(_ date: ContentDate?, language: String) -> Value {
        guard let date else { return .none }
        return .dictionary(OrderedMapping([
            ("text", .string(DateText.long(date, language: language))),
            ("iso", .string(date.isoDate)),
            ("rfc3339", .string(date.rfc3339)),
            ("year", .int(date.year)),
        ]))
    }

    static func tags(_ tags: [String], routes: Routes) -> Value {
        .array(tags.map { tag in
            .dictionary(OrderedMapping([("name", .string(tag)), ("url", .string(routes.path(routes.tag(tag))))]))
        })
    }

    static func producer(_ producer: Producer, site: Site, routes: Routes) -> Value {
        let place = [producer.village, producer.district, producer.regency].compactMap { $0 }.filter { !$0.isEmpty }
        let greeting = OrderLink.greeting(producerName: producer.name, siteTitle: site.config.title,
                                          language: site.config.language)
        return .dictionary(OrderedMapping([
            ("id", .string(producer.id)),
            ("name", .string(producer.name)),
            ("lang", .string(site.wordsLanguage(of: producer.sourcePath))),
            ("community", producer.community.asValue),
            ("village", .string(producer.village)),
            ("district", producer.district.asValue),
            ("regency", .string(producer.regency)),
            ("province", producer.province.asValue),
            ("place", .string(place.joined(separator: ", "))),
            ("whatsapp", producer.whatsapp.map { .string($0.international) } ?? .none),
            ("whatsapp_display", producer.whatsapp.map { .string($0.display) } ?? .none),
            ("contact_url", producer.whatsapp.map { .string(OrderLink.url(number: $0, message: greeting)) } ?? .none),
            ("instagram", producer.instagram.asValue),
            ("facebook", producer.facebook.asValue),
            ("image", producer.image.map { image($0, routes: routes) } ?? .none),
            ("url", .string(routes.path(routes.producer(producer.id)))),
            ("abs_url", .string(routes.absolute(routes.producer(producer.id)))),
            ("summary", .string(Summary.make(from: producer.body.firstParagraph))),
            ("content", .safe(producer.body.html)),
            ("product_count", .int(site.productsByProducer[producer.id]?.count ?? 0)),
        ]))
    }

    static func product(_ product: Product, site: Site, routes: Routes, producers: [String: Value],
                        categories: [String: Value], language: String) -> Value {
        let producer = site.producer(product.producerID)
        let route = routes.product(product.slug)
        var orderURL: Value = .none
        // Each variant has an order link of its own (the page works without JavaScript): the
        // message names the variant and its price.
        var variantOrderURL: (Variant) -> Value = { _ in .none }
        if let producer, let number = producer.whatsapp ?? site.config.contactWhatsApp {
            let message = OrderLink.productMessage(producerName: producer.name, title: product.title,
                                                   price: product.variants.isEmpty ? product.lowestPrice : nil,
                                                   pageURL: routes.absolute(route), language: language)
            orderURL = .string(OrderLink.url(number: number, message: message))
            variantOrderURL = { variant in
                .string(OrderLink.url(number: number, message: OrderLink.productMessage(
                    producerName: producer.name, title: "\(product.title) (\(variant.name))", price: variant.price,
                    pageURL: routes.absolute(route), language: language)))
            }
        }
        let images = product.images.map { image($0, routes: routes) }
        let prices = product.sellingPrices
        return .dictionary(OrderedMapping([
            ("slug", .string(product.slug)),
            ("title", .string(product.title)),
            ("lang", .string(site.wordsLanguage(of: product.sourcePath))),
            ("url", .string(routes.path(route))),
            ("abs_url", .string(routes.absolute(route))),
            ("price", .int(product.price)),
            ("price_text", .string(Rupiah.format(product.price, language: language))),
            ("price_min", .int(prices.min() ?? product.price)),
            ("price_max", .int(prices.max() ?? product.price)),
            ("availability", .string(product.availability.rawValue)),
            ("available", .bool(product.availability != .outOfStock)),
            ("stock", product.stock.asValue),
            ("weight_grams", product.weightGrams.asValue),
            ("weight_text", product.weightGrams.map { .string(WeightText.format(grams: $0, language: language)) } ?? .none),
            ("category", categories[product.category] ?? .dictionary(OrderedMapping([
                ("id", .string(product.category)), ("name", .string(site.categoryName(product.category))),
                ("url", .string(routes.path(routes.category(product.category)))),
            ]))),
            ("producer", producers[product.producerID] ?? .none),
            ("images", .array(images)),
            ("image", images.first ?? .none),
            ("tags", tags(product.tags, routes: routes)),
            ("date", date(product.date, language: language)),
            ("featured", .bool(product.featured)),
            ("summary", .string(product.summary)),
            ("content", .safe(product.body.html)),
            ("variants", .array(zip(product.variants, product.variantKeys).map { variant, key in
                .dictionary(OrderedMapping([
                    ("name", .string(variant.name)), ("key", .string(key)), ("price", .int(variant.price)),
                    ("price_text", .string(Rupiah.format(variant.price, language: language))), ("order_url", variantOrderURL(variant)),
                    ("url", .string(routes.path(routes.product(product.slug, variant: key)))),
                    ("stock", variant.stock.asValue),
                ] + Variant.Attribute.allCases.map { ($0.rawValue, variant.attributes[$0].asValue) }))
            })),
            ("made_to_order_days", product.madeToOrderDays.asValue),
            ("sale", product.variants.isEmpty ? product.sale.map { sale in
                .dictionary(OrderedMapping([
                    ("price", .int(sale.price)), ("price_text", .string(Rupiah.format(sale.price, language: language))),
                    ("from", date(sale.from, language: language)), ("until", date(sale.until, language: language)),
                ]))
            } ?? .none : .none),
            ("certifications", .array(product.certifications.map { certification in
                .dictionary(OrderedMapping([
                    ("kind", .string(certification.kind.rawValue)), ("number", .string(certification.number)),
                ]))
            })),
            ("order_url", orderURL),
        ]))
    }

    /// `wordsLanguage`: the language its words are in (the first language's when untranslated).
    static func article(_ article: NewsArticle, routes: Routes, producers: [String: Value], images: ImageIndex,
                        language: String, wordsLanguage: String) -> Value {
        let route = routes.article(article.slug)
        var image = article.image.map { Self.image($0, routes: routes) } ?? .none
        if image.isNone, let first = article.body.firstImage, first.url.hasPrefix(routes.basePath) {
            let alt = first.alt.isEmpty ? article.title : first.alt
            if let photo = images.photo(published: String(first.url.dropFirst(routes.basePath.count))) {
                image = picture(photo, alt: alt, routes: routes)
            } else {
                image = .dictionary(OrderedMapping([
                    ("src", .string(first.url)), ("abs_url", .string(routes.baseURL + first.url.dropFirst(routes.basePath.count))),
                    ("alt", .string(alt)), ("width", .none), ("height", .none),
                ]))
            }
        }
        return .dictionary(OrderedMapping([
            ("slug", .string(article.slug)),
            ("title", .string(article.title)),
            ("lang", .string(wordsLanguage)),
            ("url", .string(routes.path(route))),
            ("abs_url", .string(routes.absolute(route))),
            ("date", date(article.date, language: language)),
            ("location", article.location.asValue),
            ("author", article.author.asValue),
            ("producers", .array(article.producerIDs.compactMap { producers[$0] })),
            ("tags", tags(article.tags, routes: routes)),
            ("image", image),
            ("summary", .string(article.summary)),
            ("content", .safe(article.body.html)),
        ]))
    }
}

enum WeightText {
    /// `400 g`, `1,5 kg`: grams under a kilo, kilos above with a decimal comma (a point in English).
    static func format(grams: Int, language: String = "id") -> String {
        if grams < 1000 { return "\(grams) g" }
        let tenths = (grams + 50) / 100
        let point = language == "en" ? "." : ","
        return tenths % 10 == 0 ? "\(tenths / 10) kg" : "\(tenths / 10)\(point)\(tenths % 10) kg"
    }
}

extension Optional where Wrapped == String {
    /// A missing text is `none` to templates, so `is none` and `default` work on it.
    var asValue: Value { map(Value.string) ?? .none }
}

extension Optional where Wrapped == Int {
    var asValue: Value { map(Value.int) ?? .none }
}
