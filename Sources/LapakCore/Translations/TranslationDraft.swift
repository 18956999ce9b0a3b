import Markdown

/// A translation file as read: its front matter's map and its body, not yet checked against
/// the original (which may be read after it, on another core).
struct TranslationDraft: Sendable {
    let kind: ContentKind
    let path: String
    let language: String
    let originalPath: String
    /// Every field as written, with its place in the file.
    let map: SourceMap
    let body: MarkdownDocument
    let bodyFirstLine: Int
    /// `draft: true`: not published yet, so the original shows in its place.
    let isDraft: Bool
}

extension ContentParser {
    /// Reads a translation file's words. What it says of prices, photos and the like is compared
    /// with the original later, by `TranslationMerger`.
    func parseTranslation(kind: ContentKind, path: String, name: TranslationName, text: String) -> Result {
        var result = Result()
        guard let opened = open(path: path, text: text, into: &result.diagnostics) else { return result }
        let body = (kind == .product ? markdown : markdown.withoutPlainText()).render(opened.split.body)
        result.diagnostics += PublishedURLs.bodyWarnings(body, file: path, firstLine: opened.split.bodyFirstLine)
        result.diagnostics += bodyPhotoProblems(body, file: path, firstLine: opened.split.bodyFirstLine)
        let draft = opened.fields.peekBoolean("draft") == true
        result.isDraft = draft
        result.item = .translation(TranslationDraft(
            kind: kind, path: path, language: name.language, originalPath: name.originalPath(besides: path),
            map: opened.map, body: body, bodyFirstLine: opened.split.bodyFirstLine, isDraft: draft))
        if result.diagnostics.contains(where: { $0.severity == .error }) { result.item = nil }
        return result
    }
}
