import Foundation

/// `lapak new`: writes one new content file that builds as it is, and never overwrites anything.
public enum Scaffolder {
    /// File names stay readable in a file manager and a URL; longer titles are cut at a word.
    static let maxSlugLength = 60

    public static func run(_ request: ScaffoldRequest) -> (result: ScaffoldResult?, diagnostics: [Diagnostic]) {
        let title = YAMLText.singleLine(request.title)
        let slug = slug(for: title)
        guard !slug.isEmpty else {
            return (nil, [.error(.titleNotUsable(title: request.title), at: SourceLocation(file: "title"))])
        }
        let (loaded, loadDiagnostics) = ContentLoader(sourceDirectory: request.sourceDirectory).load()
        guard let content = loaded else { return (nil, loadDiagnostics.filter { $0.severity == .error }) }
        var run = ScaffoldRun(request: request, title: title, slug: slug, content: content)
        let text = run.text()
        guard run.diagnostics.isEmpty, let text else { return (nil, run.diagnostics) }
        return run.write(text)
    }

    /// A URL-safe name from a title, cut at a hyphen when it is very long.
    public static func slug(for title: String) -> String {
        let slug = Slug.make(from: title)
        guard slug.count > maxSlugLength else { return slug }
        let cut = slug.prefix(maxSlugLength)
        guard let hyphen = cut.lastIndex(of: "-") else { return String(cut) }
        return String(cut[..<hyphen])
    }
}
