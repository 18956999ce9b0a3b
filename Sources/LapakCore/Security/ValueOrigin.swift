import Markdown
import Templates

/// Finds the content file and field that hold a value a template refused, so the warning names
/// what a contributor wrote rather than the theme that printed it. It looks through each file's
/// source map (what the loader recorded of its front matter) and the links of its body, and only
/// when a render has warned, so it costs nothing otherwise.
enum ValueOrigin {
    struct Origin: Equatable {
        /// As in front matter: `instagram`, `images.alt`, `variants.name`, `body`.
        let field: String
        let location: SourceLocation
    }

    static func locate(_ value: String, in site: Site) -> Origin? {
        var sources: [(map: SourceMap, body: MarkdownDocument?)] = []
        sources += site.products.map { ($0.sourceMap, $0.body) }
        sources += site.producers.map { ($0.sourceMap, $0.body) }
        sources += site.news.map { ($0.sourceMap, $0.body) }
        sources += site.pages.map { ($0.sourceMap, $0.body) }
        if let config = site.config.sourceMap { sources.append((config, nil)) }
        for (map, body) in sources {
            if let (field, location) = map.firstField(holding: value) { return Origin(field: field, location: location) }
            guard let body else { continue }
            let links = body.references + body.refusedURLs
            if let link = links.first(where: { $0.url == value }) {
                return Origin(field: "body", location: SourceLocation(file: map.file, line: map.bodyFirstLine + link.line - 1))
            }
            if body.firstImage?.url == value { return Origin(field: "body", location: SourceLocation(file: map.file, line: map.bodyFirstLine)) }
        }
        return nil
    }

    /// Warnings of the renders as diagnostics: at the content field when one holds the value,
    /// else at the template that printed it.
    static func diagnostics(for warnings: [RenderWarning], site: Site, theme: String) -> [Diagnostic] {
        var found: [String: Origin?] = [:]
        var out: [Diagnostic] = []
        for warning in warnings {
            if found[warning.value] == nil { found[warning.value] = .some(locate(warning.value, in: site)) }
            if let origin = found[warning.value] ?? nil {
                out.append(.warning(.unsafeURL(field: origin.field, value: warning.value), at: origin.location))
            } else {
                let place = "\(warning.template):\(warning.line):\(warning.column)"
                out.append(.warning(.unsafeURL(field: place, value: warning.value),
                                    at: SourceLocation(file: "themes/\(theme)/templates/\(warning.template)",
                                                       line: warning.line, column: warning.column)))
            }
        }
        return out
    }
}
