import Foundation

/// A new content file as `lapak new` writes it (every field present, each with its comment), for
/// the editor to fill in with what the member typed: the same name rules, the same template.
public enum NewContentFile {
    /// The path of a new file of `kind` titled `title`: `content/products/tas-anyaman.md`, or
    /// `content/news/2026-01-15-pelatihan.md`; nil when the title gives no usable name.
    public static func path(kind: ContentKind, title: String, now: Date = Date()) -> String? {
        let slug = Scaffolder.slug(for: YAMLText.singleLine(title))
        guard !slug.isEmpty else { return nil }
        switch kind {
        case .news: return "content/news/\(JakartaDate.today(now).isoDate)-\(slug).md"
        default: return "content/\(kind.rawValue)/\(slug).md"
        }
    }

    /// The template's text; the editor then patches the member's values over it.
    public static func text(kind: ContentKind, title: String, now: Date = Date()) -> String {
        let title = YAMLText.singleLine(title)
        let slug = Scaffolder.slug(for: title)
        switch kind {
        case .product:
            return ScaffoldTemplates.product(.init(title: title, slug: slug, price: nil, category: "", categories: [],
                                                   producer: "", producerName: "", image: "images/products/\(slug).jpg",
                                                   date: JakartaDate.today(now)))
        case .news:
            return ScaffoldTemplates.news(.init(title: title, slug: slug, date: JakartaDate.today(now).isoDate, producers: [], image: nil))
        case .producer:
            return ScaffoldTemplates.producer(.init(name: title, id: slug, village: "", regency: "", whatsapp: nil, image: nil))
        case .page:
            return ScaffoldTemplates.page(title: title, slug: slug)
        }
    }
}

/// `lapak check` for one file as it would be saved: the diagnostics of that file only, with the
/// rest of the site around it (its producer, its category, other files' addresses).
public enum FileCheck {
    public static func run(_ file: UnsavedFile, sourceDirectory: String, now: Date = Date()) -> [Diagnostic] {
        var options = CheckOptions(sourceDirectory: sourceDirectory, includeDrafts: true, now: now)
        options.unsaved = file
        return Checker.run(options).entries.map(\.diagnostic).filter { $0.location.file == file.path }
    }
}
