/// What a content file's Markdown body becomes: trusted HTML from cmark, plus the
/// facts templates and feeds need from the tree (summary text, first image, headings, links).
public struct MarkdownDocument: Sendable, Equatable {
    /// HTML rendered by cmark in safe mode: raw HTML dropped, unsafe link schemes emptied.
    public let html: String
    /// Plain text of the first paragraph, for cards, feeds and link previews.
    public let firstParagraph: String
    /// All text of the document, without markup, one block a line (for the product catalogs);
    /// empty when the renderer was asked not to keep it.
    public let plainText: String
    /// The first image in the body, as written (after URL rewriting).
    public let firstImage: Image?
    public let headings: [Heading]
    /// Every link and image destination, with the line it stands on, for link checking.
    public let references: [Reference]
    /// Destinations the renderer's `refuseURL` replaced, as written, where they stand.
    public let refusedURLs: [Reference]

    /// The same document without its plain text, once whatever needed it has been made.
    public func droppingPlainText() -> MarkdownDocument {
        MarkdownDocument(html: html, firstParagraph: firstParagraph, plainText: "", firstImage: firstImage,
                         headings: headings, references: references, refusedURLs: refusedURLs)
    }

    public struct Image: Sendable, Equatable {
        public let url: String
        public let alt: String

        public init(url: String, alt: String) {
            self.url = url
            self.alt = alt
        }
    }

    public struct Heading: Sendable, Equatable {
        public let level: Int
        public let text: String

        public init(level: Int, text: String) {
            self.level = level
            self.text = text
        }
    }

    public struct Reference: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case link, image }
        public let kind: Kind
        public let url: String
        public let line: Int
        public let column: Int
    }
}
