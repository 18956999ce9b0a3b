import LapakCore
import Markdown

/// What every editor screen and action reads: the site folder, the language, and the site the
/// preview last built (for the choices of category and producer).
struct EditorContext: Sendable {
    let files: ContentFiles
    let language: Language
    let site: @Sendable () -> Site?

    var sourceDirectory: String { files.root }

    var categories: [FormScreen.Choice] {
        (site()?.config.categories ?? []).map { FormScreen.Choice(value: $0.id, label: $0.name) }
    }

    var producers: [FormScreen.Choice] {
        if let producers = site()?.producers, !producers.isEmpty {
            return producers.map { FormScreen.Choice(value: $0.id, label: $0.name) }
        }
        return files.names(of: .producer).map { FormScreen.Choice(value: $0, label: $0) }
    }

    /// Every file of a kind with its title, for the list.
    func items(of kind: ContentKind) -> [ListScreens.Item] {
        files.names(of: kind).map { name in
            let path = (try? ContentFiles.path(kind: kind, name: name)) ?? ""
            let map = (try? files.read(path)).flatMap { SourceMap.read($0, file: path) }
            var title = name
            if case .text(let text)? = map?.value(of: FormFields.titleKey(of: kind)), !text.isEmpty { title = text }
            return ListScreens.Item(kind: kind, name: name, title: title, draft: map?.value(of: "draft") == .text("true"))
        }
    }

    /// Where buyers see a file on the preview: `/produk/tas/`.
    func pageLink(kind: ContentKind, name: String, map: SourceMap?) -> String {
        var slug = name
        let routes = Routes.preview
        if case .text(let written)? = map?.value(of: "slug"), !written.isEmpty, kind != .producer { slug = written }
        switch kind {
        case .product: return "/" + routes.product(slug)
        case .producer: return "/" + routes.producer(name)
        case .news: return "/" + routes.article(slug == name ? Self.withoutDate(name) : slug)
        case .page: return "/" + routes.page(slug)
        }
    }

    /// `2025-12-13-pelatihan` → `pelatihan`, as the loader names dated news.
    static func withoutDate(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > 11, bytes[4] == 45, bytes[7] == 45, bytes[10] == 45 else { return name }
        return String(name.dropFirst(11))
    }

    /// A description as the page will show it; raw HTML and unsafe links refused as in a build.
    func preview(_ markdown: String) -> String {
        MarkdownRenderer().render(markdown).html
    }

    /// Diagnostics by the form field they belong to (`""` for none), in the member's language.
    func problems(_ diagnostics: [Diagnostic], map: SourceMap?, kind: ContentKind) -> [String: [String]] {
        let keys = Set(FormFields.of(kind).map(\.key))
        var out: [String: [String]] = [:]
        for diagnostic in diagnostics {
            let line = diagnostic.location.line
            var key = ""
            if let map, line > 0 {
                if line >= map.bodyFirstLine {
                    key = "body"
                } else if let field = map.field(atLine: line), keys.contains(field.name) {
                    key = field.name
                }
            }
            let prefix = diagnostic.severity == .warning ? (language == .id ? "Peringatan: " : "Warning: ") : ""
            out[key, default: []].append(prefix + sentence(diagnostic))
        }
        return out
    }

    /// A diagnostic as the form shows it: its message as a sentence, then its hint.
    func sentence(_ diagnostic: Diagnostic) -> String {
        diagnostic.message(language).capitalizedFirst + "." + (diagnostic.hint(language).map { " " + $0 } ?? "")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
