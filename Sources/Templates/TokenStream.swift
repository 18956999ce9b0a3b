/// A cursor over one tag's tokens; the last token is always `.end`.
struct TokenStream {
    let tokens: [Token]
    var index = 0

    init(_ tokens: [Token]) {
        self.tokens = tokens.isEmpty ? [Token(kind: .end, offset: 0)] : tokens
    }

    var current: Token { tokens[min(index, tokens.count - 1)] }
    var kind: Token.Kind { current.kind }
    var offset: Int { current.offset }

    func peek(_ ahead: Int = 1) -> Token.Kind {
        tokens[min(index + ahead, tokens.count - 1)].kind
    }

    var atEnd: Bool {
        if case .end = kind { return true }
        return false
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func isName(_ name: String) -> Bool {
        if case .name(let n) = kind { return n == name }
        return false
    }

    func isSymbol(_ symbol: Symbol) -> Bool {
        if case .symbol(let s) = kind { return s == symbol }
        return false
    }

    mutating func skipName(_ name: String) -> Bool {
        guard isName(name) else { return false }
        advance()
        return true
    }

    mutating func skipSymbol(_ symbol: Symbol) -> Bool {
        guard isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expectSymbol(_ symbol: Symbol) throws(ParseFailure) {
        guard skipSymbol(symbol) else {
            throw ParseFailure("expected '\(symbol.rawValue)', found \(kind.describe)", at: offset)
        }
    }

    mutating func expectName(_ what: String = "a name") throws(ParseFailure) -> String {
        guard case .name(let n) = kind else {
            throw ParseFailure("expected \(what), found \(kind.describe)", at: offset)
        }
        advance()
        return n
    }

    mutating func expectKeyword(_ word: String) throws(ParseFailure) {
        guard skipName(word) else {
            throw ParseFailure("expected '\(word)', found \(kind.describe)", at: offset)
        }
    }

    func expectEnd() throws(ParseFailure) {
        guard atEnd else {
            throw ParseFailure("expected end of tag, found \(kind.describe)", at: offset)
        }
    }
}

struct ParseFailure: Error {
    let message: String
    let offset: Int
    let kind: TemplateError.Kind
    init(_ message: String, at offset: Int, kind: TemplateError.Kind = .syntax) {
        self.message = message
        self.offset = offset
        self.kind = kind
    }
}
