import Templates

/// `/sitemap.xml` (an index of numbered sitemaps past 50,000 URLs, the protocol's limit) and
/// `/robots.txt` pointing to it.
enum Sitemap {
    static let maxURLsPerFile = 50_000
    /// Files to write, by path, each with its template context made only when the file is
    /// written (`lapak serve` plans the site after every save and may never ask for them).
    ///
    /// On a site in more than one language each address lists its versions in the others
    /// (`xhtml:link`, as Google reads `hreflang` in sitemaps) and `x-default`, the first
    /// language's. Pages shown untranslated are left out, as their canonical address is the
    /// original's.
    static func files(pages: [PlannedPage], links: LanguageLinks?, routes: Routes, fallback: ContentDate?)
        -> [(path: String, template: String, context: @Sendable () -> [String: Value])]
    {
        let listed = pages.filter { !$0.unlisted && !$0.untranslated }
        let urls: @Sendable (Range<Int>) -> [Value] = { range in
            listed[range].map { page in
                var fields: [(String, Value)] = [
                    ("loc", .string(routes.absolute(page.route))),
                    ("lastmod", (page.lastModified ?? fallback).map { .string($0.rfc3339) } ?? .none),
                ]
                var alternates: [(String, String)] = []
                if let links {
                    let versions = links.alternates(of: page.route, edition: page.edition).filter(\.translated)
                    alternates = versions.map { ($0.language, $0.routes.absolute($0.route)) }
                        + versions.prefix(1).map { ("x-default", $0.routes.absolute($0.route)) }
                }
                fields.append(("links", .array(alternates.map { language, url in
                    .dictionary(OrderedMapping([("hreflang", .string(language)), ("href", .string(url))]))
                })))
                return .dictionary(OrderedMapping(fields))
            }
        }
        if listed.count <= maxURLsPerFile {
            return [("sitemap.xml", "sitemap.xml", { ["urls": .array(urls(0..<listed.count)), "alternates": .bool(links != nil)] })]
        }
        var files: [(String, String, @Sendable () -> [String: Value])] = []
        var maps: [Value] = []
        for (index, start) in stride(from: 0, to: listed.count, by: maxURLsPerFile).enumerated() {
            let name = "sitemap-\(index + 1).xml"
            let range = start..<min(listed.count, start + maxURLsPerFile)
            files.append((name, "sitemap.xml", { ["urls": .array(urls(range)), "alternates": .bool(links != nil)] }))
            maps.append(.dictionary(OrderedMapping([("loc", .string(routes.absolute(name))),
                                                    ("lastmod", fallback.map { .string($0.rfc3339) } ?? .none)])))
        }
        let index = maps
        files.append(("sitemap.xml", "sitemap-index.xml", { ["sitemaps": .array(index)] }))
        return files
    }

    static func robots(routes: Routes) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(routes.absolute("sitemap.xml"))\n"
    }
}
