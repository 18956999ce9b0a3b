import Markdown
import Templates

/// One scheme policy for every URL the site publishes (`URLPolicy`): templates apply it where
/// they print a URL, and loading applies it to the links and images of Markdown bodies, whose
/// tree feeds previews and feeds.
enum PublishedURLs {
    /// For `MarkdownRenderer(refuseURL:)`: a refused destination becomes `URLPolicy.inert`.
    static let refuse: MarkdownRenderer.URLRewriter = { URLPolicy.allows($0) ? nil : URLPolicy.inert }

    /// A warning for each link or image of a body that was refused, at its place in the file.
    static func bodyWarnings(_ body: MarkdownDocument, file: String, firstLine: Int) -> [Diagnostic] {
        body.refusedURLs.map { reference in
            .warning(.unsafeURL(field: "body", value: reference.url),
                     at: SourceLocation(file: file, line: firstLine + reference.line - 1, column: reference.column))
        }
    }
}
