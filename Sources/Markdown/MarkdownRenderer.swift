import CMark

/// Renders CommonMark with libcmark, always in safe mode.
///
/// `CMARK_OPT_UNSAFE` is never set: raw HTML becomes a comment and `javascript:`,
/// `vbscript:`, `file:` and non-image `data:` links are emptied by cmark's renderer.
public struct MarkdownRenderer: Sendable {
    /// Rewrites a link or image destination before rendering; nil keeps it as written.
    public typealias URLRewriter = @Sendable (String) -> String?

    private let rewriteURL: URLRewriter?
    private let refuseURL: URLRewriter?
    private let smartPunctuation: Bool
    private var collectsPlainText = true

    /// `refuseURL` sees every destination as written and returns what replaces one that must not
    /// be published (nil lets it through). cmark's renderer empties `javascript:` and a few
    /// other schemes, but the tree keeps them, and the tree is where previews and feeds look;
    /// a refused URL is replaced in both and listed in `MarkdownDocument.refusedURLs`.
    public init(smartPunctuation: Bool = false, rewriteURL: URLRewriter? = nil, refuseURL: URLRewriter? = nil) {
        self.smartPunctuation = smartPunctuation
        self.refuseURL = refuseURL
        self.rewriteURL = rewriteURL
    }

    /// The same renderer, leaving `MarkdownDocument.plainText` empty: for documents whose plain
    /// text nothing uses, so it is not kept in memory.
    public func withoutPlainText() -> MarkdownRenderer {
        var copy = self
        copy.collectsPlainText = false
        return copy
    }

    private var options: Int32 {
        var options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS
        if smartPunctuation { options |= CMARK_OPT_SMART }
        return options
    }

    public func render(_ source: String) -> MarkdownDocument {
        var source = source
        let root: OpaquePointer? = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let root else {
            return MarkdownDocument(html: "", firstParagraph: "", plainText: "", firstImage: nil,
                                    headings: [], references: [], refusedURLs: [])
        }
        defer { cmark_node_free(root) }
        var collector = TreeCollector(refuseURL: refuseURL, rewriteURL: rewriteURL, collectsPlainText: collectsPlainText)
        collector.walk(root)
        // Render without SOURCEPOS: data-sourcepos attributes are noise in the published pages.
        let html = cmark_render_html(root, options & ~CMARK_OPT_SOURCEPOS).map(takeCString) ?? ""
        return MarkdownDocument(
            html: html,
            firstParagraph: collector.firstParagraph ?? "",
            plainText: collector.plainText,
            firstImage: collector.firstImage,
            headings: collector.headings,
            references: collector.references,
            refusedURLs: collector.refusedURLs
        )
    }
}

/// Copies a malloc'ed C string into Swift and frees it.
func takeCString(_ pointer: UnsafeMutablePointer<CChar>) -> String {
    defer { free(pointer) }
    return String(cString: pointer)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
