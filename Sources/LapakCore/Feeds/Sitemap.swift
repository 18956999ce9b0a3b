import Templates

/// `/sitemap.xml` (an index of numbered sitemaps past 50,000 URLs, the protocol's limit) and
/// `/robots.txt` pointing to it.
enum Sitemap {
    static let maxURLsPerFile = 50_000

    /// Files to write, by path, as template contexts.
    static func files(pages: [PlannedPage], routes: Routes, fallback: ContentDate?) -> [(path: String, template: String, context: [String: Value])] {
        let urls: [Value] = pages.filter { $0.route != Routes.notFound }.map { page in
            .dictionary(OrderedMapping([
                ("loc", .string(routes.absolute(page.route))),
                ("lastmod", (page.lastModified ?? fallback).map { .string($0.rfc3339) } ?? .none),
            ]))
        }
        if urls.count <= maxURLsPerFile {
            return [("sitemap.xml", "sitemap.xml", ["urls": .array(urls)])]
        }
        var files: [(String, String, [String: Value])] = []
        var maps: [Value] = []
        for (index, start) in stride(from: 0, to: urls.count, by: maxURLsPerFile).enumerated() {
            let name = "sitemap-\(index + 1).xml"
            files.append((name, "sitemap.xml", ["urls": .array(Array(urls[start..<min(urls.count, start + maxURLsPerFile)]))]))
            maps.append(.dictionary(OrderedMapping([("loc", .string(routes.absolute(name))),
                                                    ("lastmod", fallback.map { .string($0.rfc3339) } ?? .none)])))
        }
        files.append(("sitemap.xml", "sitemap-index.xml", ["sitemaps": .array(maps)]))
        return files
    }

    static func robots(routes: Routes) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(routes.absolute("sitemap.xml"))\n"
    }
}
