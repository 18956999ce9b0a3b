/// Where an HTML template's literal text has got to, as far as escaping needs to know: in text,
/// inside a tag, in a quoted attribute value (and of which kind), or in the raw text of a
/// `<script>` or `<style>`.
///
/// The states are those of the WHATWG tokenizer, folded where escaping cannot tell them apart
/// (a `/` inside a tag, and the end of a quoted value, both lead back to "between attributes").
/// The template's own text is trusted; the point is to know what a `{{ }}` at a given spot
/// could become, so it is decided once, when the template is loaded.
struct HTMLContext: Sendable, Equatable {
    enum State: Sendable, Equatable {
        case text
        case tagOpen
        case endTagOpen
        case tagName
        case beforeAttributeName
        case attributeName
        case afterAttributeName
        case beforeAttributeValue
        case attributeValue
        case unquotedAttributeValue
        case markupDeclarationOpen
        case comment
        case bogusComment
        case rawText
    }

    var state: State = .text
    var tag = HTMLTag()
    var attribute = HTMLAttribute()
    var raw = RawTextElement()
    /// `-` seen in a row, after `<!` and inside a comment; `--!` counts as closing too.
    var dashes = 0
    var commentBang = false

    /// Whether a template included here may start in text, as every template does.
    var acceptsInclude: Bool {
        state == .text || (state == .rawText && raw.kind == .escapable)
    }

    /// Said in errors: where the template's text stands.
    var describe: String {
        switch state {
        case .text: return "text"
        case .tagOpen: return "the name of a tag, just after '<'"
        case .endTagOpen: return "the name of an end tag, just after '</'"
        case .tagName: return "the name of the tag <\(tag.nameText)"
        case .beforeAttributeName, .attributeName, .afterAttributeName:
            return "the tag <\(tag.nameText)>, between attributes"
        case .beforeAttributeValue, .unquotedAttributeValue:
            return "the unquoted value of the attribute '\(attribute.nameText)'"
        case .attributeValue: return "the value of the attribute '\(attribute.nameText)'"
        case .markupDeclarationOpen, .bogusComment: return "a <!…> declaration"
        case .comment: return "an HTML comment"
        case .rawText: return "a <\(raw.nameText)> element"
        }
    }

    /// The one context that covers both, when two paths through a template meet (the branches
    /// of an `if`, a loop's body and what follows it); nil when they disagree on what the
    /// text is. Where they differ only in what is still unknown, the cautious side wins.
    func joined(with other: HTMLContext) -> HTMLContext? {
        var a = self.settled
        let b = other.settled
        guard a.state == b.state, a.dashes == b.dashes, a.commentBang == b.commentBang, a.raw == b.raw else { return nil }
        switch a.state {
        case .text, .comment, .bogusComment, .markupDeclarationOpen, .rawText: return a
        default: break
        }
        guard a.tag.name == b.tag.name, a.tag.isEnd == b.tag.isEnd else { return nil }
        for (key, value) in b.tag.facts where a.tag.facts[key] != value { a.tag.facts[key] = .fromData }
        for key in a.tag.facts.keys where b.tag.facts[key] == nil { a.tag.facts[key] = .fromData }
        for p in b.tag.pending where !a.tag.pending.contains(where: { $0.offset == p.offset }) { a.tag.pending.append(p) }
        switch a.state {
        case .beforeAttributeValue, .attributeValue, .unquotedAttributeValue, .attributeName:
            guard a.attribute.name == b.attribute.name, a.attribute.kind == b.attribute.kind,
                  a.attribute.quote == b.attribute.quote else { return nil }
            a.attribute.fromData = a.attribute.fromData || b.attribute.fromData || a.attribute.value != b.attribute.value
            a.attribute.url = a.attribute.url.joined(with: b.attribute.url)
            a.attribute.srcset = a.attribute.srcset.joined(with: b.attribute.srcset)
        default:
            break
        }
        return a
    }

    /// A tag or attribute name cut short by the end of a branch is as complete as it will get:
    /// `<img`, `<img hidden` and `<img class="x"` all stand between attributes of an `img`.
    private var settled: HTMLContext {
        var c = self
        switch c.state {
        case .tagName, .attributeName, .afterAttributeName:
            c.state = .beforeAttributeName
            c.attribute = HTMLAttribute()
        case .beforeAttributeName:
            c.attribute = HTMLAttribute()
        default:
            break
        }
        return c
    }

    static func == (a: HTMLContext, b: HTMLContext) -> Bool {
        a.state == b.state && a.tag == b.tag && a.attribute == b.attribute && a.raw == b.raw
            && a.dashes == b.dashes && a.commentBang == b.commentBang
    }
}

/// The tag being read: its name and the few attribute values escaping depends on.
struct HTMLTag: Sendable, Equatable {
    enum Fact: Sendable, Equatable {
        case value(String)
        case fromData
    }

    /// A `{{ }}` in a `<meta content="…">` whose kind (a URL or not) depends on the meta's
    /// `property` or `name`, which may come later in the tag.
    struct PendingOutput: Sendable, Equatable {
        let offset: Int
        var checksScheme: Bool
        /// Where a `:` right after the value would turn it into a scheme, if the meta is a URL.
        var colonAfterData: Int?
    }

    var name: [UInt8] = []
    var isEnd = false
    /// Where `<` stood, for "the template ends inside the tag opened at …".
    var start = 0
    /// `type`, `property`, `name` and `http-equiv`, as the template wrote them.
    var facts: [String: Fact] = [:]
    var pending: [PendingOutput] = []

    static let factNames: Set<String> = ["type", "property", "name", "http-equiv"]

    var nameText: String { String(decoding: name, as: UTF8.self) }

    static func == (a: HTMLTag, b: HTMLTag) -> Bool {
        a.name == b.name && a.isEnd == b.isEnd && a.facts == b.facts
    }
}

/// The attribute being read.
struct HTMLAttribute: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case plain
        case url
        case srcset
        /// `content` of a `<meta>`: a URL for Open Graph and Twitter image, video and page metas.
        case metaContent
        /// `on…` event handlers: their value is script.
        case script
        case style
        /// `srcdoc`: its value is a whole HTML document.
        case markup
    }

    var name: [UInt8] = []
    var kind = Kind.plain
    var quote: UInt8 = 0
    /// The value's literal text, kept (up to a few hundred bytes) for `HTMLTag.facts`.
    var value: [UInt8] = []
    /// Whether the value is one of `HTMLTag.factNames`, so its text is kept.
    var isFact = false
    var fromData = false
    var url = URLPosition.start
    var srcset = SrcsetPosition.candidateStart

    var nameText: String { String(decoding: name, as: UTF8.self) }
}

/// How far into a URL attribute value the text has got.
enum URLPosition: Sendable, Equatable {
    /// Nothing but spaces yet: a value here decides the scheme.
    case start
    /// Only values and spaces so far: the scheme may still be forming, so literal scheme
    /// characters keep it open and a literal `:` would let data choose the scheme.
    case afterData
    /// Past the point where a scheme could start.
    case rest

    func joined(with other: URLPosition) -> URLPosition {
        if self == .afterData || other == .afterData { return .afterData }
        if self == .start || other == .start { return .start }
        return .rest
    }
}

/// How far into one image candidate of a `srcset` the text has got.
enum SrcsetPosition: Sendable, Equatable {
    case candidateStart
    case afterData
    case url
    case descriptor

    func joined(with other: SrcsetPosition) -> SrcsetPosition {
        if self == other { return self }
        if self == .afterData || other == .afterData { return .afterData }
        return .candidateStart
    }
}

/// An element whose content the tokenizer reads as raw text up to its end tag.
struct RawTextElement: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case none
        /// `<script>` of any type but JSON-LD.
        case script
        case jsonLD
        case style
        /// `title`, `textarea`, `iframe`, `noscript`, …: escaped text stays inert there.
        case escapable
        /// `<plaintext>`: never ends.
        case plaintext
    }

    var kind = Kind.none
    var name: [UInt8] = []
    /// How much of `</name` has been seen.
    var endMatch = 0
    /// Inside a JSON string, and just after a backslash in it.
    var jsonString = false
    var jsonEscape = false

    var nameText: String { String(decoding: name, as: UTF8.self) }
}
