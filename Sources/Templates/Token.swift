/// One token inside a `{{ }}` or `{% %}` tag.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case name(String)
        case string(String)
        case int(Int)
        case double(Double)
        case symbol(Symbol)
        /// The closing `}}` or `%}`.
        case end
    }

    var kind: Kind
    /// Byte offset in the normalised source.
    var offset: Int
}

enum Symbol: String, Sendable {
    case plus = "+", minus = "-", star = "*", slash = "/", slashSlash = "//", percent = "%", starStar = "**"
    case tilde = "~", equal = "=", equalEqual = "==", notEqual = "!=", less = "<", greater = ">"
    case lessEqual = "<=", greaterEqual = ">="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}", comma = ",", dot = ".", colon = ":", pipe = "|"
}

extension Token.Kind {
    var describe: String {
        switch self {
        case .name(let n): return "'\(n)'"
        case .string: return "string literal"
        case .int, .double: return "number"
        case .symbol(let s): return "'\(s.rawValue)'"
        case .end: return "end of tag"
        }
    }
}

/// The lexer's output: template text and tags, with comments already dropped.
enum Segment: Sendable {
    /// Literal text; offset is that of its first byte, for errors found in HTML analysis.
    case text([UInt8], offset: Int)
    /// `{{ … }}`; offset is that of `{{`.
    case output([Token], offset: Int)
    /// `{% … %}`; offset is that of `{%`.
    case statement([Token], offset: Int)
}
