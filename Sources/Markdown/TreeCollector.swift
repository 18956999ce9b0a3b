import CMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One pass over cmark's tree: rewrites URLs and gathers what templates and checks need.
struct TreeCollector {
    let refuseURL: MarkdownRenderer.URLRewriter?
    let rewriteURL: MarkdownRenderer.URLRewriter?
    /// Whether to gather the document's plain text (only what a caller uses is kept).
    let collectsPlainText: Bool
    var firstParagraph: String?
    var firstImage: MarkdownDocument.Image?
    var headings: [MarkdownDocument.Heading] = []
    var references: [MarkdownDocument.Reference] = []
    var refusedURLs: [MarkdownDocument.Reference] = []
    /// Gathered as bytes and made a String once at the end: appending to a String grows its
    /// buffer by doubling, and at 10,000 products that spare capacity came to tens of megabytes.
    private var plainBytes: [UInt8] = []
    /// A paragraph whose text went to `plainBytes` already rewritten (a pipe table): its own
    /// literals are not added again until it is left.
    private var rewrittenParagraph: OpaquePointer?
    /// The numbers of numbered list items met so far.
    private var itemNumbers: [OpaquePointer: Int] = [:]

    var plainText: String { String(decoding: plainBytes, as: UTF8.self) }

    init(refuseURL: MarkdownRenderer.URLRewriter?, rewriteURL: MarkdownRenderer.URLRewriter?, collectsPlainText: Bool = true) {
        self.refuseURL = refuseURL
        self.rewriteURL = rewriteURL
        self.collectsPlainText = collectsPlainText
    }

    mutating func walk(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_EXIT, let node = cmark_iter_get_node(iterator), node == rewrittenParagraph {
                rewrittenParagraph = nil
            }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            visit(node)
        }
    }

    private mutating func visit(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if let literal = cmark_node_get_literal(node) { appendPlain(literal) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if collectsPlainText, rewrittenParagraph == nil { plainBytes.append(UInt8(ascii: " ")) }
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK:
            let type = cmark_node_get_type(node)
            // An item's first paragraph continues the line its marker started.
            let continuesItem = type == CMARK_NODE_PARAGRAPH && cmark_node_parent(node).map {
                cmark_node_get_type($0) == CMARK_NODE_ITEM && cmark_node_first_child($0) == node
            } ?? false
            if collectsPlainText, !continuesItem, let last = plainBytes.last, last != UInt8(ascii: "\n") {
                plainBytes.append(UInt8(ascii: "\n"))
            }
            if collectsPlainText, type == CMARK_NODE_ITEM {
                plainBytes.append(contentsOf: PlainText.itemMarker(node, numbers: &itemNumbers).utf8)
            }
            if collectsPlainText, type == CMARK_NODE_PARAGRAPH, PlainText.startsWithPipe(node),
               let rows = PlainText.pipeTableRows(Self.text(of: node, breaks: "\n")) {
                plainBytes.append(contentsOf: rows.joined(separator: "\n").utf8)
                rewrittenParagraph = node
            }
            if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, let literal = cmark_node_get_literal(node) {
                appendPlain(literal)
            }
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, firstParagraph == nil,
               !isInsideListOrQuote(node) {
                let text = Self.text(of: node)
                if !text.isEmpty { firstParagraph = text }
            }
            if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: Self.text(of: node)))
            }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            var url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if let replacement = refuseURL?(url) {
                refusedURLs.append(.init(kind: isImage ? .image : .link, url: url,
                                         line: Int(cmark_node_get_start_line(node)),
                                         column: Int(cmark_node_get_start_column(node))))
                cmark_node_set_url(node, replacement)
                return
            }
            if let rewritten = rewriteURL?(url) {
                url = rewritten
                cmark_node_set_url(node, rewritten)
            }
            references.append(.init(kind: isImage ? .image : .link, url: url,
                                    line: Int(cmark_node_get_start_line(node)),
                                    column: Int(cmark_node_get_start_column(node))))
            if isImage && firstImage == nil {
                firstImage = .init(url: url, alt: Self.text(of: node))
            }
        default:
            break
        }
    }

    private mutating func appendPlain(_ literal: UnsafePointer<CChar>) {
        guard collectsPlainText, rewrittenParagraph == nil else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            plainBytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: strlen(literal)))
        }
    }

    private func isInsideListOrQuote(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// The plain text under a node: literals joined, breaks as spaces.
    ///
    /// Walked with cmark's iterator rather than by recursion: inline nesting is as deep as the
    /// input makes it (65,000 levels of emphasis fit in a body), and threads have small stacks.
    static func text(of node: OpaquePointer, breaks: String = " ") -> String {
        var out = ""
        guard let iterator = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { out += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += breaks
            default:
                break
            }
        }
        return out
    }
}
