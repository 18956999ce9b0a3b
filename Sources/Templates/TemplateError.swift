/// A problem in a template, located in its source.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    /// Where a runtime error passed through on its way out: an include, a macro call, an extends.
    public struct Frame: Sendable, Equatable {
        public let name: String
        public let line: Int
        public let column: Int
        /// How this frame led to the one before it ("included from", "called from", "extended by").
        public let relation: String

        public init(name: String, line: Int, column: Int, relation: String) {
            self.name = name
            self.line = line
            self.column = column
            self.relation = relation
        }
    }

    public let name: String
    /// 1-based; 0 when the error has no position in a template (a missing template).
    public let line: Int
    /// 1-based, counted in Unicode scalars.
    public let column: Int
    public let message: String
    /// The text of the offending line, without its newline.
    public let sourceLine: String
    public internal(set) var chain: [Frame]

    public init(
        name: String, line: Int, column: Int, message: String, sourceLine: String = "", chain: [Frame] = []
    ) {
        self.name = name
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
    public let errors: [TemplateError]

    public init(_ errors: [TemplateError]) { self.errors = errors }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// A plain message a host filter, test or function throws; the engine adds the location.
public struct FilterError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A runtime failure before the renderer has attached a location to it.
struct RenderFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

