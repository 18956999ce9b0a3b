/// Splits template source into text and tags, applying whitespace control and `raw`.
struct Lexer {
    private let bytes: [UInt8]
    private var pos = 0
    private(set) var segments: [Segment] = []
    /// Set by a tag ending in `-%}`, `-}}` or `-#}`: the next text loses its leading whitespace.
    private var stripNext = false

    struct Failure: Error {
        let message: String
        let offset: Int
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Lexes everything; on failure the segments before the error remain available.
    mutating func run() throws(Failure) {
        let n = bytes.count
        var textStart = 0
        while pos < n {
            guard let open = nextTagOpen(from: pos) else { break }
            let marker = bytes[open + 1]
            let stripBefore = open + 2 < n && bytes[open + 2] == UInt8(ascii: "-")
            emitText(textStart, open, stripTrailing: stripBefore)
            pos = open + 2
            if stripBefore || (marker != UInt8(ascii: "{") && pos < n && bytes[pos] == UInt8(ascii: "+")) { pos += 1 }
            switch marker {
            case UInt8(ascii: "#"): try skipComment(openedAt: open)
            case UInt8(ascii: "{"):
                let tokens = try lexTag(closer: UInt8(ascii: "}"), openedAt: open)
                segments.append(.output(tokens, offset: open))
            default:
                let tokens = try lexTag(closer: UInt8(ascii: "%"), openedAt: open)
                if tokens.count == 2, case .name("raw") = tokens[0].kind {
                    try lexRawBody(openedAt: open)
                } else {
                    segments.append(.statement(tokens, offset: open))
                }
            }
            textStart = pos
        }
        emitText(textStart, n, stripTrailing: false)
    }

    private func nextTagOpen(from start: Int) -> Int? {
        let n = bytes.count
        var i = start
        while i + 1 < n {
            if bytes[i] == UInt8(ascii: "{") {
                let c = bytes[i + 1]
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "%") || c == UInt8(ascii: "#") { return i }
            }
            i += 1
        }
        return nil
    }

    private mutating func emitText(_ start: Int, _ end: Int, stripTrailing: Bool) {
        var s = start
        var e = end
        if stripNext {
            s = firstNonSpace(from: s, to: e)
            stripNext = false
        }
        if stripTrailing {
            e = lastNonSpaceEnd(from: s, to: e)
        }
        if s < e { segments.append(.text(Array(bytes[s..<e]), offset: s)) }
    }

    /// Whitespace control strips what Python's `str.strip` strips: ASCII and Unicode spaces
    /// (no-break space, ideographic space…), read as UTF-8 scalars.
    private func firstNonSpace(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            if isSpace(bytes[i]) { i += 1; continue }
            guard bytes[i] >= 0x80, let (scalar, length) = scalar(at: i, end: end), isPythonSpace(scalar) else { break }
            i += length
        }
        return i
    }

    private func lastNonSpaceEnd(from start: Int, to end: Int) -> Int {
        var e = end
        while e > start {
            if isSpace(bytes[e - 1]) { e -= 1; continue }
            guard bytes[e - 1] >= 0x80 else { break }
            // Back to the first byte of the scalar that ends here.
            var lead = e - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard let (scalar, length) = scalar(at: lead, end: e), lead + length == e, isPythonSpace(scalar) else { break }
            e = lead
        }
        return e
    }

    /// The UTF-8 scalar starting at `i` and its length in bytes.
    private func scalar(at i: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var iterator = bytes[i..<end].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let s) = decoder.decode(&iterator) else { return nil }
        return (s, UTF8.width(s))
    }

    private mutating func skipComment(openedAt open: Int) throws(Failure) {
        let n = bytes.count
        var i = pos
        while i + 1 < n {
            if bytes[i] == UInt8(ascii: "#") && bytes[i + 1] == UInt8(ascii: "}") {
                stripNext = i > pos && bytes[i - 1] == UInt8(ascii: "-")
                pos = i + 2
                return
            }
            i += 1
        }
        throw Failure(message: "unterminated comment: expected '#}'", offset: open)
    }

    /// Content up to `{% endraw %}` is text, tags included.
    private mutating func lexRawBody(openedAt open: Int) throws(Failure) {
        let n = bytes.count
        var i = pos
        while let tag = nextTagOpen(from: i) {
            i = tag + 1
            guard bytes[tag + 1] == UInt8(ascii: "%") else { continue }
            var j = tag + 2
            let stripBefore = j < n && bytes[j] == UInt8(ascii: "-")
            if j < n && (bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+")) { j += 1 }
            while j < n && isSpace(bytes[j]) { j += 1 }
            let word = Array("endraw".utf8)
            guard j + word.count <= n, Array(bytes[j..<j + word.count]) == word else { continue }
            j += word.count
            while j < n && isSpace(bytes[j]) { j += 1 }
            var stripAfter = false
            if j < n && (bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+")) {
                stripAfter = bytes[j] == UInt8(ascii: "-")
                j += 1
            }
            guard j + 1 < n, bytes[j] == UInt8(ascii: "%"), bytes[j + 1] == UInt8(ascii: "}") else { continue }
            emitText(pos, tag, stripTrailing: stripBefore)
            stripNext = stripAfter
            pos = j + 2
            return
        }
        throw Failure(message: "expected '{% endraw %}' to close 'raw'", offset: open)
    }

    /// Tokens up to the closing `}}` / `%}`; braces inside the expression are balanced first.
    private mutating func lexTag(closer: UInt8, openedAt open: Int) throws(Failure) -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        let n = bytes.count
        let tagName = closer == UInt8(ascii: "%") ? "%}" : "}}"
        while true {
            while pos < n && isSpace(bytes[pos]) { pos += 1 }
            guard pos < n else {
                throw Failure(message: "unexpected end of template: expected '\(tagName)'", offset: open)
            }
            let b = bytes[pos]
            if depth == 0 {
                if b == UInt8(ascii: "-") && pos + 2 < n && bytes[pos + 1] == closer && bytes[pos + 2] == UInt8(ascii: "}") {
                    tokens.append(Token(kind: .end, offset: pos))
                    pos += 3
                    stripNext = true
                    return tokens
                }
                if b == UInt8(ascii: "+") && closer == UInt8(ascii: "%") && pos + 2 < n && bytes[pos + 1] == closer
                    && bytes[pos + 2] == UInt8(ascii: "}")
                {
                    tokens.append(Token(kind: .end, offset: pos))
                    pos += 3
                    return tokens
                }
                if b == closer && pos + 1 < n && bytes[pos + 1] == UInt8(ascii: "}") {
                    tokens.append(Token(kind: .end, offset: pos))
                    pos += 2
                    return tokens
                }
            }
            let start = pos
            if isNameStart(b) {
                while pos < n && isNameContinue(bytes[pos]) { pos += 1 }
                tokens.append(Token(kind: .name(String(decoding: bytes[start..<pos], as: UTF8.self)), offset: start))
            } else if isDigit(b) {
                tokens.append(Token(kind: try lexNumber(), offset: start))
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                tokens.append(Token(kind: .string(try lexString(quote: b)), offset: start))
            } else {
                let symbol = try lexSymbol()
                switch symbol {
                case .leftParen, .leftBracket, .leftBrace: depth += 1
                case .rightParen, .rightBracket, .rightBrace: depth = max(0, depth - 1)
                default: break
                }
                tokens.append(Token(kind: .symbol(symbol), offset: start))
            }
        }
    }

    private mutating func lexNumber() throws(Failure) -> Token.Kind {
        let n = bytes.count
        let start = pos
        var digits: [UInt8] = []
        var isFloat = false
        func takeDigits(_ lexer: inout Lexer) {
            while lexer.pos < n && (isDigit(lexer.bytes[lexer.pos]) || lexer.bytes[lexer.pos] == UInt8(ascii: "_")) {
                if lexer.bytes[lexer.pos] != UInt8(ascii: "_") { digits.append(lexer.bytes[lexer.pos]) }
                lexer.pos += 1
            }
        }
        takeDigits(&self)
        if pos + 1 < n && bytes[pos] == UInt8(ascii: ".") && isDigit(bytes[pos + 1]) {
            isFloat = true
            digits.append(UInt8(ascii: "."))
            pos += 1
            takeDigits(&self)
        }
        if pos < n && (bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E")) {
            var j = pos + 1
            if j < n && (bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")) { j += 1 }
            if j < n && isDigit(bytes[j]) {
                isFloat = true
                digits.append(UInt8(ascii: "e"))
                digits.append(contentsOf: bytes[(pos + 1)..<j])
                pos = j
                takeDigits(&self)
            }
        }
        let text = String(decoding: digits, as: UTF8.self)
        if isFloat {
            guard let d = Double(text) else { throw Failure(message: "invalid number '\(text)'", offset: start) }
            return .double(d)
        }
        guard let i = Int(text) else { throw Failure(message: "integer literal '\(text)' is too large", offset: start) }
        return .int(i)
    }

    private mutating func lexString(quote: UInt8) throws(Failure) -> String {
        let n = bytes.count
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while pos < n {
            let b = bytes[pos]
            if b == quote {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") && pos + 1 < n {
                pos += 1
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "0"): out.append(0x00)
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "u"), UInt8(ascii: "x"):
                    let width = e == UInt8(ascii: "u") ? 4 : 2
                    guard pos + width <= n,
                        let code = UInt32(String(decoding: bytes[pos..<pos + width], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { throw Failure(message: "invalid escape in string literal", offset: pos - 2) }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    pos += width
                default:
                    out.append(UInt8(ascii: "\\"))
                    out.append(e)
                }
                continue
            }
            out.append(b)
            pos += 1
        }
        throw Failure(message: "unterminated string literal", offset: start)
    }

    private mutating func lexSymbol() throws(Failure) -> Symbol {
        let n = bytes.count
        if pos + 1 < n {
            let two = String(decoding: bytes[pos..<pos + 2], as: UTF8.self)
            if let s = Symbol(rawValue: two), two.utf8.count == 2 {
                pos += 2
                return s
            }
        }
        let one = String(decoding: bytes[pos..<pos + 1], as: UTF8.self)
        if let s = Symbol(rawValue: one) {
            pos += 1
            return s
        }
        throw Failure(message: "unexpected character '\(one)'", offset: pos)
    }
}

@inline(__always) func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

@inline(__always) private func isNameStart(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
}

@inline(__always) private func isNameContinue(_ b: UInt8) -> Bool { isNameStart(b) || isDigit(b) }
