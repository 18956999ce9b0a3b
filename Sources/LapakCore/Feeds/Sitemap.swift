import Templates

/// `/sitemap.xml` (an index of numbered sitemaps past 50,000 URLs, the protocol's limit) and
/// `/robots.txt` pointing to it.
enum Sitemap {
    static let maxURLsPerFile = 50_000
    /// Pages with nothing of their own for a search engine: the cart and search are filled in by
    /// the buyer's browser (their templates say `noindex`), and the not-found page.
    static let unlisted: Set<String> = [Routes.cart, Routes.search, Routes.notFound]

    /// Files to write, by path, each with its template context made only when the file is
    /// written (`lapak serve` plans the site after every save and may never ask for them).
    static func files(pages: [PlannedPage], routes: Routes, fallback: ContentDate?)
        -> [(path: String, template: String, context: @Sendable () -> [String: Value])]
    {
        let listed = pages.filter { !$0.unlisted && !unlisted.contains($0.route) }
        let urls: @Sendable (Range<Int>) -> [Value] = { range in
            listed[range].map { page in
                .dictionary(OrderedMapping([
                    ("loc", .string(routes.absolute(page.route))),
                    ("lastmod", (page.lastModified ?? fallback).map { .string($0.rfc3339) } ?? .none),
                ]))
            }
        }
        if listed.count <= maxURLsPerFile {
            return [("sitemap.xml", "sitemap.xml", { ["urls": .array(urls(0..<listed.count))] })]
        }
        var files: [(String, String, @Sendable () -> [String: Value])] = []
        var maps: [Value] = []
        for (index, start) in stride(from: 0, to: listed.count, by: maxURLsPerFile).enumerated() {
            let name = "sitemap-\(index + 1).xml"
            let range = start..<min(listed.count, start + maxURLsPerFile)
            files.append((name, "sitemap.xml", { ["urls": .array(urls(range))] }))
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
