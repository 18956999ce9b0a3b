import Foundation
import Markdown
import Templates

/// Finds the content file and field that hold a value a template refused, so the warning names
/// what a contributor wrote rather than the theme that printed it. It searches the site model by
/// reflection, and only when a render has warned, so it costs nothing otherwise.
enum ValueOrigin {
    struct Origin: Equatable {
        let file: String
        /// As in front matter: `instagram`, `images.alt`, `variants.name`, `body`.
        let field: String
    }

    static func locate(_ value: String, in site: Site) -> Origin? {
        var items: [(file: String, item: Any)] = []
        items += site.products.map { (file: $0.sourcePath, item: $0 as Any) }
        items += site.producers.map { (file: $0.sourcePath, item: $0 as Any) }
        items += site.news.map { (file: $0.sourcePath, item: $0 as Any) }
        items += site.pages.map { (file: $0.sourcePath, item: $0 as Any) }
        items.append((file: "content/site.yml", item: site.config as Any))
        for (file, item) in items {
            if let field = field(in: item, holding: value, depth: 0) { return Origin(file: file, field: field) }
        }
        return nil
    }

    /// Warnings of the renders as diagnostics: at the content field when one holds the value,
    /// else at the template that printed it.
    static func diagnostics(for warnings: [RenderWarning], site: Site, theme: String, sourceDirectory: String) -> [Diagnostic] {
        var found: [String: Origin?] = [:]
        var out: [Diagnostic] = []
        for warning in warnings {
            if found[warning.value] == nil { found[warning.value] = .some(locate(warning.value, in: site)) }
            if let origin = found[warning.value] ?? nil {
                let line = lineOfField(origin.field, in: sourceDirectory + "/" + origin.file)
                out.append(.warning(.unsafeURL(field: origin.field, value: warning.value), at: SourceLocation(file: origin.file, line: line)))
            } else {
                let place = "\(warning.template):\(warning.line):\(warning.column)"
                out.append(.warning(.unsafeURL(field: place, value: warning.value),
                                    at: SourceLocation(file: "themes/\(theme)/templates/\(warning.template)",
                                                       line: warning.line, column: warning.column)))
            }
        }
        return out
    }

    /// The front-matter name of the first stored text equal to `value`, searched through
    /// nested fields, lists and optionals.
    private static func field(in subject: Any, holding value: String, depth: Int) -> String? {
        guard depth < 6 else { return nil }
        if let text = subject as? String { return text == value ? "" : nil }
        if let body = subject as? MarkdownDocument {
            let urls = body.references.map(\.url) + body.refusedURLs.map(\.url) + [body.firstImage?.url].compactMap { $0 }
            return urls.contains(value) ? "" : nil
        }
        let mirror = Mirror(reflecting: subject)
        for child in mirror.children {
            guard let inner = field(in: child.value, holding: value, depth: depth + 1) else { continue }
            // Array elements and optionals have no label of their own: the field is the parent's.
            guard let label = child.label, label != "some", label != "sourcePath" else { return inner }
            let name = frontMatterName(label)
            return inner.isEmpty ? name : name + "." + inner
        }
        return nil
    }

    /// `producerID` → `producer`, `weightGrams` → `weight_grams`, `path` of an image → its field.
    private static func frontMatterName(_ label: String) -> String {
        switch label {
        case "producerID": return "producer"
        case "producerIDs": return "producers"
        case "path", "src": return "src"
        case "contactEmail": return "contact.email"
        case "baseURL": return "base_url"
        default: break
        }
        var out = ""
        for character in label {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The line where a top-level field is written, or 0 when it cannot be found.
    private static func lineOfField(_ field: String, in path: String) -> Int {
        let key = String(field.prefix { $0 != "." })
        guard let bytes = try? FileSystem.readBytes(path) else { return 0 }
        let text = normalizeNewlines(String(decoding: bytes, as: UTF8.self))
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "-" }
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") { return index + 1 }
        }
        return 0
    }
}
