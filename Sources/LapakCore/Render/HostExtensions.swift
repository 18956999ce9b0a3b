import Templates

/// What LapakCore adds to the template language: Rupiah, Indonesian dates, site URLs, and the
/// site-wide values every template sees.
enum HostExtensions {
    static func make(site: Site, views: Views, strings: OrderedMapping) -> Extensions {
        var extensions = Extensions()
        let routes = views.routes
        let language = site.config.language
        extensions.filter("rupiah") { value, _ in
            switch value {
            case .int(let amount): return .string(Rupiah.format(amount, language: language))
            case .double(let amount) where amount.isFinite && abs(amount) < 1e15: return .string(Rupiah.format(Int(amount.rounded()), language: language))
            default: throw FilterError("rupiah expects a whole number of Rupiah")
            }
        }
        extensions.filter("tanggal") { value, _ in
            var iso: String?
            switch value {
            case .string(let text): iso = text
            case .dictionary(let mapping): iso = mapping["iso"]?.stringValue
            default: break
            }
            guard let iso, case .success(let date) = ContentDate.parse(iso) else {
                throw FilterError("tanggal expects a date such as 2025-12-13")
            }
            return .string(DateText.long(date, language: language))
        }
        /// A path written in a template as a route: without its leading slashes, and inside the
        /// page's language for the `lang_` filters (`'produk/' | lang_url` is `/en/produk/` on an
        /// English page; `url` stays for files every language shares: style sheet, script, photos).
        @Sendable func route(_ value: Value, filter: String, inLanguage: Bool) throws -> String {
            guard let path = value.stringValue else { throw FilterError("\(filter) expects a path") }
            return (inLanguage ? routes.prefix : "") + String(path.drop { $0 == "/" })
        }
        extensions.filter("url") { value, _ in .string(routes.path(try route(value, filter: "url", inLanguage: false))) }
        extensions.filter("lang_url") { value, _ in .string(routes.path(try route(value, filter: "lang_url", inLanguage: true))) }
        extensions.filter("lang_abs_url") { value, _ in
            .string(routes.absolute(try route(value, filter: "lang_abs_url", inLanguage: true)))
        }
        extensions.filter("abs_url") { value, _ in
            guard let path = value.stringValue else { throw FilterError("abs_url expects a path") }
            if path.hasPrefix("http://") || path.hasPrefix("https://") { return .string(path) }
            var relative = Substring(path)
            if relative.hasPrefix(routes.basePath) { relative = relative.dropFirst(routes.basePath.count) }
            return .string(routes.absolute(String(relative.drop { $0 == "/" })))
        }
        let config = site.config
        extensions.globals = [
            "site": .dictionary(OrderedMapping([
                ("title", .string(config.title)),
                ("description", .string(config.description)),
                ("base_url", .string(config.baseURL)),
                ("base_path", .string(config.basePath)),
                ("language", .string(config.language)),
                // Every language of the site, the first first; one on most sites.
                ("languages", .array(config.languages.map(Value.string))),
                ("currency", .string(config.currency)),
                ("whatsapp", config.contactWhatsApp.map { .string($0.international) } ?? .none),
                ("whatsapp_display", config.contactWhatsApp.map { .string($0.display) } ?? .none),
                ("email", config.contactEmail.map(Value.string) ?? .none),
                ("instagram", config.instagram.map(Value.string) ?? .none),
                ("facebook", config.facebook.map(Value.string) ?? .none),
                // What the "Cara Pesan" page says about sending and sending back.
                ("shipping", config.shipping.map { shipping in
                    .dictionary(OrderedMapping([
                        ("origin", shipping.origin.asValue),
                        ("couriers", .array(shipping.couriers.map(Value.string))),
                        ("price", shipping.price.asValue),
                        ("min_days", shipping.days.map { .int($0.lowerBound) } ?? .none),
                        ("max_days", shipping.days.map { .int($0.upperBound) } ?? .none),
                    ]))
                } ?? .none),
                ("returns_days", config.returnsDays.asValue),
                ("product_count", .int(site.products.count)),
                ("producer_count", .int(site.producers.count)),
                ("news_count", .int(site.news.count)),
            ])),
            "categories": .array(views.categories),
            "pages": .array(views.pages),
            "t": .dictionary(strings),
        ]
        return extensions
    }
}
