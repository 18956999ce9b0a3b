import Templates

/// The newest articles as Atom 1.0 and JSON Feed 1.1, for feed readers and news apps.
struct NewsFeeds {
    static let limit = 20

    let site: Site
    let views: Views

    var routes: Routes { views.routes }

    private struct Entry {
        let article: NewsArticle
        let url: String
        let contentHTML: String
        let image: (url: String, type: String)?
    }

    /// An article shown in the first language for want of a translation is in that language:
    /// feed readers are told so (JSON Feed's item `language`, Atom's `xml:lang`).
    private func untranslatedLanguage(_ article: NewsArticle) -> String? {
        site.untranslated.contains(article.sourcePath) ? site.config.defaultLanguage : nil
    }

    private var entries: [Entry] {
        site.news.prefix(Self.limit).enumerated().map { index, article in
            var image: (String, String)?
            if case .dictionary(let view) = views.news[index], case .dictionary(let picture)? = view["image"],
               let url = picture["abs_url"]?.stringValue {
                image = (url, Self.mediaType(url))
            }
            return Entry(article: article, url: routes.absolute(routes.article(article.slug)),
                         contentHTML: AbsoluteLinks.rewrite(article.body.html, routes: routes), image: image)
        }
    }

    /// Atom's `updated`: the newest article, or the newest content of any kind.
    private var updated: String {
        (site.news.first?.date ?? site.newestDate ?? ContentDate(year: 1970, month: 1, day: 1, offsetMinutes: 0)).rfc3339
    }

    var atomContext: [String: Value] {
        [
            "title": .string(site.config.title),
            "subtitle": .string(site.config.description),
            "language": .string(site.config.language),
            "self_url": .string(routes.absolute(routes.atomFeed)),
            "home_url": .string(routes.absolute(routes.home)),
            "updated": .string(updated),
            "entries": .array(entries.map { entry in
                .dictionary(OrderedMapping([
                    ("title", .string(entry.article.title)), ("url", .string(entry.url)),
                    ("published", .string(entry.article.date.rfc3339)),
                    ("author", .string(entry.article.author ?? site.config.title)),
                    ("summary", .string(entry.article.summary)),
                    // A plain string, so the XML template escapes the HTML as Atom's type="html" wants.
                    ("content_html", .string(entry.contentHTML)),
                    ("image", entry.image.map { .dictionary(OrderedMapping([("url", .string($0.url)), ("type", .string($0.type))])) } ?? .none),
                    ("tags", .array(entry.article.tags.map(Value.string))),
                    ("language", untranslatedLanguage(entry.article).asValue),
                ]))
            }),
        ]
    }

    var jsonFeed: Value {
        var items: [Value] = []
        for entry in entries {
            var fields: [(String, Value)] = [
                ("id", .string(entry.url)), ("url", .string(entry.url)), ("title", .string(entry.article.title)),
                ("content_html", .string(entry.contentHTML)), ("summary", .string(entry.article.summary)),
                ("date_published", .string(entry.article.date.rfc3339)),
                ("authors", .array([.dictionary(OrderedMapping([("name", .string(entry.article.author ?? site.config.title))]))])),
                ("tags", .array(entry.article.tags.map(Value.string))),
            ]
            if let image = entry.image { fields.insert(("image", .string(image.url)), at: 6) }
            if let language = untranslatedLanguage(entry.article) { fields.append(("language", .string(language))) }
            items.append(.dictionary(OrderedMapping(fields)))
        }
        return .dictionary(OrderedMapping([
            ("version", "https://jsonfeed.org/version/1.1"),
            ("title", .string(site.config.title)),
            ("home_page_url", .string(routes.absolute(routes.home))),
            ("feed_url", .string(routes.absolute(routes.jsonFeed))),
            ("description", .string(site.config.description)),
            ("language", .string(site.config.language)),
            ("items", .array(items)),
        ]))
    }

    static func mediaType(_ url: String) -> String {
        let lower = url.lowercased()
        if lower.hasSuffix(".png") { return "image/png" }
        if lower.hasSuffix(".webp") { return "image/webp" }
        if lower.hasSuffix(".gif") { return "image/gif" }
        return "image/jpeg"
    }
}

/// Feed readers show HTML away from the site: root-relative links and images become absolute.
enum AbsoluteLinks {
    /// Every `href="/…"` and `src="/…"` made absolute, in one pass over the bytes.
    static func rewrite(_ html: String, routes: Routes) -> String {
        let bytes = Array(html.utf8)
        let base = Array(routes.baseURL.utf8)
        // Paths already under the base path (`/sub/…`) lose it: the base URL holds it.
        let basePathTail = Array(routes.basePath.utf8.dropFirst())
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var copied = 0
        var index = 0
        while index < bytes.count {
            let valueStart: Int
            if bytes[index] == UInt8(ascii: "h"), matches(bytes, at: index, Self.href) {
                valueStart = index + Self.href.count
            } else if bytes[index] == UInt8(ascii: "s"), matches(bytes, at: index, Self.src) {
                valueStart = index + Self.src.count
            } else {
                index += 1
                continue
            }
            index = valueStart
            guard valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: "/"),
                  !(valueStart + 1 < bytes.count && bytes[valueStart + 1] == UInt8(ascii: "/")) else { continue }
            out.append(contentsOf: bytes[copied..<valueStart])
            out.append(contentsOf: base)
            var path = valueStart + 1
            if matches(bytes, at: path, basePathTail) { path += basePathTail.count }
            copied = path
            index = path
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    private static let href = Array("href=\"".utf8), src = Array("src=\"".utf8)

    private static func matches(_ bytes: [UInt8], at index: Int, _ word: [UInt8]) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
        return true
    }
}
