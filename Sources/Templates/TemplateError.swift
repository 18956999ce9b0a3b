/// A problem in a template, located in its source.
///
/// `kind` says what went wrong for a host to switch on (say, to word its own message); `message`
/// says it for a person, with a suggestion where one helps.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem this is.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The template cannot be parsed: a broken tag or expression, an unclosed block.
        case syntax
        /// HTML-context escaping refused the template: data where it could become markup, script or
        /// a tag name, or a template whose branches leave the HTML in different states.
        case unsafeContext
        /// A name, attribute, item or macro argument that is not there, or an undefined value used.
        case undefined
        /// A filter the environment does not have.
        case unknownFilter
        /// A test the environment does not have.
        case unknownTest
        /// A template named by `extends`, `include`, `import` or the host that does not exist.
        case templateNotFound
        /// A template that exists but cannot be read.
        case unreadable
        /// A filter, test or function (built-in or the host's) refused its input.
        case filter
        /// An operation the value does not allow: arithmetic on text, iterating a number, calling
        /// what is not a function, a wrong number of macro arguments.
        case invalidOperation
        /// A limit that keeps rendering bounded: nesting depth, `range` length, string repetition.
        case limit
    }

    /// A template's place in the chain of includes, macro calls and extends an error passed through.
    /// Where a runtime error passed through on its way out: an include, a macro call, an extends.
    public struct Frame: Sendable, Equatable {
        /// The template that included, called or extended.
        public let name: String
        /// 1-based line of the `include`, call or `extends` in that template.
        public let line: Int
        /// 1-based column, counted in Unicode scalars.
        public let column: Int
        /// How this frame led to the one before it ("included from", "called from", "extended by").
        public let relation: String

        /// A frame of `name` at `line`:`column`; `relation` is said before it ("included from").
        public init(name: String, line: Int, column: Int, relation: String) {
            self.name = name
            self.line = line
            self.column = column
            self.relation = relation
        }
    }

    /// The template the error is in.
    public let name: String
    /// What kind of problem this is.
    public let kind: Kind
    /// 1-based; 0 when the error has no position in a template (a missing template).
    public let line: Int
    /// 1-based, counted in Unicode scalars.
    public let column: Int
    /// What is wrong and, where it helps, how to write it or the nearest existing name.
    public let message: String
    /// The text of the offending line, without its newline.
    public let sourceLine: String
    /// The includes, macro calls and extends the error passed through, innermost first.
    public internal(set) var chain: [Frame]

    /// An error at `line`:`column` of template `name`.
    public init(
        name: String, line: Int, column: Int, message: String, sourceLine: String = "", chain: [Frame] = [],
        kind: Kind = .invalidOperation
    ) {
        self.name = name
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
        self.chain = chain
    }

    /// `card.html:4:9, included from list.html:20:5`
    public var location: String {
        var s = line > 0 ? "\(name):\(line):\(column)" : name
        for frame in chain {
            s += ", \(frame.relation) \(frame.name):\(frame.line):\(frame.column)"
        }
        return s
    }

    /// The location, the message, and the offending line with a caret under the column.
    public var description: String {
        var s = "\(location): \(message)"
        if line > 0 && !sourceLine.isEmpty {
            s += "\n  " + sourceLine + "\n  "
            var caret = ""
            var col = 1
            for scalar in sourceLine.unicodeScalars {
                if col >= column { break }
                caret.append(scalar == "\t" ? "\t" : " ")
                col += 1
            }
            s += caret + "^"
        }
        return s
    }
}

/// Every error found while loading templates, not only the first.
public struct TemplateErrors: Error, CustomStringConvertible, Sendable {
    /// In the order found: by template, then by position.
    public let errors: [TemplateError]

    /// Several errors reported together.
    public init(_ errors: [TemplateError]) { self.errors = errors }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// A plain message a host filter, test or function throws; the engine adds the location.
public struct FilterError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, said to the template's author ("not a date").
    public let message: String
    /// A failure with `message`; the error reaching the host has kind `.filter`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// A runtime failure before the renderer has attached a location to it.
struct RenderFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}


