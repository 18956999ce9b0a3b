import Markdown

/// Checks each translation against its original and makes the translated item: the original with
/// the translation's words. Everything that is not words (prices, stock, photos' files, dates…)
/// comes from the original; a translation may repeat it only unchanged.
struct TranslationMerger {
    let config: SiteConfig
    /// Every content file the load listed, so a translation whose original has errors (reported
    /// there) or is a draft is told apart from one that has no original at all.
    let listedPaths: Set<String>

    /// The fields a translation carries, per kind; any other known field comes from the original.
    static func words(of kind: ContentKind) -> Set<String> {
        switch kind {
        case .product: ["title", "summary", "images", "variants", "certifications", "draft"]
        case .producer: ["name", "draft"]
        case .news: ["title", "summary", "image_alt", "location", "author", "draft"]
        case .page: ["title", "description", "draft"]
        }
    }

    func merge(_ drafts: [TranslationDraft], into content: inout LoadedContent, diagnostics: inout [Diagnostic]) {
        // Most sites have no translation: no index of ten thousand products for nothing.
        guard !drafts.isEmpty else { return }
        let others = Array(config.languages.dropFirst())
        let products = Dictionary(content.products.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let producers = Dictionary(content.producers.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let news = Dictionary(content.news.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let pages = Dictionary(content.pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        for draft in drafts.sorted(by: { $0.path < $1.path }) {
            let file = SourceLocation(file: draft.path)
            if draft.language == config.defaultLanguage {
                diagnostics.append(.error(.translation(.fileForFirstLanguage(language: draft.language, original: draft.originalPath)), at: file))
                continue
            }
            guard others.contains(draft.language) else {
                diagnostics.append(.error(.translation(.fileForUnknownLanguage(language: draft.language, others: others)), at: file))
                continue
            }
            var reader = TranslationReader(draft: draft)
            let item: ParsedItem?
            switch draft.kind {
            case .product: item = products[draft.originalPath].map { .product(reader.product($0)) }
            case .producer: item = producers[draft.originalPath].map { .producer(reader.producer($0)) }
            case .news: item = news[draft.originalPath].map { .news(reader.article($0)) }
            case .page: item = pages[draft.originalPath].map { .page(reader.page($0)) }
            }
            guard let item else {
                // An original with mistakes is reported at its own lines; a draft is not published.
                if !listedPaths.contains(draft.originalPath) {
                    diagnostics.append(.error(.translation(.withoutOriginal(original: draft.originalPath)), at: file))
                }
                continue
            }
            diagnostics += reader.diagnostics
            if !reader.diagnostics.contains(where: { $0.severity == .error }) {
                content.translated[draft.language, default: [:]][draft.originalPath] = item
                content.translationFiles[draft.language, default: [:]][draft.originalPath] = draft.path
            }
        }
    }
}
