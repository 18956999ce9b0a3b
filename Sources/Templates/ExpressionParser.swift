/// Recursive-descent parser for expressions, with Jinja2's operator precedence.
struct ExpressionParser {
    var stream: TokenStream
    let registry: Registry
    private var depth = 0

    static let maxDepth = 200

    init(_ stream: TokenStream, registry: Registry) {
        self.stream = stream
        self.registry = registry
    }

    mutating func parseExpression(allowConditional: Bool = true) throws(ParseFailure) -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            throw ParseFailure("expression nested too deeply (more than \(Self.maxDepth) levels)", at: stream.offset)
        }
        let start = stream.offset
        let value = try parseOr()
        guard allowConditional, stream.isName("if") else { return value }
        stream.advance()
        let condition = try parseOr()
        var otherwise: Expression? = nil
        if stream.skipName("else") { otherwise = try parseExpression() }
        return .conditional(then: value, condition: condition, otherwise: otherwise, at: start)
    }

    private mutating func parseOr() throws(ParseFailure) -> Expression {
        var lhs = try parseAnd()
        var added = 0
        defer { depth -= added }
        while stream.skipName("or") {
            try grow(&added)
            lhs = .or(lhs, try parseAnd())
        }
        return lhs
    }

    private mutating func parseAnd() throws(ParseFailure) -> Expression {
        var lhs = try parseNot()
        var added = 0
        defer { depth -= added }
        while stream.skipName("and") {
            try grow(&added)
            lhs = .and(lhs, try parseNot())
        }
        return lhs
    }

    /// Left-leaning chains (`a + b + c`, `x.a.b`, `x | f | g`) deepen the tree as much as
    /// nesting does, and evaluating or freeing it recurses as deep: they count too.
    private mutating func grow(_ added: inout Int) throws(ParseFailure) {
        added += 1
        depth += 1
        if depth > Self.maxDepth {
            throw ParseFailure("expression nested too deeply (more than \(Self.maxDepth) levels)", at: stream.offset)
        }
    }

    private mutating func parseNot() throws(ParseFailure) -> Expression {
        if stream.isName("not") {
            stream.advance()
            try enter()
            defer { depth -= 1 }
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    private mutating func enter() throws(ParseFailure) {
        depth += 1
        if depth > Self.maxDepth {
            throw ParseFailure("expression nested too deeply (more than \(Self.maxDepth) levels)", at: stream.offset)
        }
    }

    private mutating func parseComparison() throws(ParseFailure) -> Expression {
        let start = stream.offset
        let lhs = try parseSum()
        var rest: [(ComparisonOperator, Expression)] = []
        while true {
            let op: ComparisonOperator
            switch stream.kind {
            case .symbol(.equalEqual): op = .equal
            case .symbol(.notEqual): op = .notEqual
            case .symbol(.less): op = .less
            case .symbol(.greater): op = .greater
            case .symbol(.lessEqual): op = .lessEqual
            case .symbol(.greaterEqual): op = .greaterEqual
            case .name("in"): op = .isIn
            case .name("not") where stream.peek() == .name("in"):
                stream.advance()
                op = .notIn
            default:
                return rest.isEmpty ? lhs : .compare(lhs, rest, at: start)
            }
            stream.advance()
            rest.append((op, try parseSum()))
        }
    }

    private mutating func parseSum() throws(ParseFailure) -> Expression {
        var lhs = try parseConcat()
        var added = 0
        defer { depth -= added }
        while true {
            let at = stream.offset
            if stream.isSymbol(.plus) || stream.isSymbol(.minus) { try grow(&added) }
            if stream.skipSymbol(.plus) {
                lhs = .arithmetic(.add, lhs, try parseConcat(), at: at)
            } else if stream.skipSymbol(.minus) {
                lhs = .arithmetic(.subtract, lhs, try parseConcat(), at: at)
            } else {
                return lhs
            }
        }
    }

    private mutating func parseConcat() throws(ParseFailure) -> Expression {
        var lhs = try parseProduct()
        var added = 0
        defer { depth -= added }
        while stream.skipSymbol(.tilde) {
            try grow(&added)
            lhs = .concat(lhs, try parseProduct())
        }
        return lhs
    }

    private mutating func parseProduct() throws(ParseFailure) -> Expression {
        var lhs = try parsePower()
        var added = 0
        defer { depth -= added }
        while true {
            let at = stream.offset
            let op: ArithmeticOperator
            switch stream.kind {
            case .symbol(.star): op = .multiply
            case .symbol(.slash): op = .divide
            case .symbol(.slashSlash): op = .floorDivide
            case .symbol(.percent): op = .modulo
            default: return lhs
            }
            try grow(&added)
            stream.advance()
            lhs = .arithmetic(op, lhs, try parsePower(), at: at)
        }
    }

    private mutating func parsePower() throws(ParseFailure) -> Expression {
        var lhs = try parseUnary(withFilters: true)
        var added = 0
        defer { depth -= added }
        while true {
            let at = stream.offset
            guard stream.skipSymbol(.starStar) else { return lhs }
            try grow(&added)
            lhs = .arithmetic(.power, lhs, try parseUnary(withFilters: true), at: at)
        }
    }

    private mutating func parseUnary(withFilters: Bool) throws(ParseFailure) -> Expression {
        let at = stream.offset
        var node: Expression
        if stream.skipSymbol(.minus) {
            try enter()
            defer { depth -= 1 }
            node = .negate(try parseUnary(withFilters: false), at: at)
        } else if stream.skipSymbol(.plus) {
            try enter()
            defer { depth -= 1 }
            node = .plus(try parseUnary(withFilters: false), at: at)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        if withFilters { node = try parseFiltersAndTests(node) }
        return node
    }

    private mutating func parsePrimary() throws(ParseFailure) -> Expression {
        let token = stream.current
        switch token.kind {
        case .name(let n):
            stream.advance()
            switch n {
            case "true", "True": return .literal(.bool(true))
            case "false", "False": return .literal(.bool(false))
            case "none", "None": return .literal(.none)
            default: return .name(Name(n), at: token.offset)
            }
        case .string(var s):
            stream.advance()
            while case .string(let more) = stream.kind {
                s += more
                stream.advance()
            }
            return .literal(.string(s))
        case .int(let i):
            stream.advance()
            return .literal(.int(i))
        case .double(let d):
            stream.advance()
            return .literal(.double(d))
        case .symbol(.leftParen):
            stream.advance()
            if stream.skipSymbol(.rightParen) { return .list([]) }
            let first = try parseExpression()
            if stream.skipSymbol(.rightParen) { return first }
            // A tuple: Jinja2 treats it as a sequence, and so do we.
            var items = [first]
            while stream.skipSymbol(.comma) {
                if stream.isSymbol(.rightParen) { break }
                items.append(try parseExpression())
            }
            try stream.expectSymbol(.rightParen)
            return .list(items)
        case .symbol(.leftBracket):
            stream.advance()
            var items: [Expression] = []
            while !stream.isSymbol(.rightBracket) {
                if !items.isEmpty {
                    try stream.expectSymbol(.comma)
                    if stream.isSymbol(.rightBracket) { break }
                }
                items.append(try parseExpression())
            }
            stream.advance()
            return .list(items)
        case .symbol(.leftBrace):
            stream.advance()
            var pairs: [(Expression, Expression)] = []
            while !stream.isSymbol(.rightBrace) {
                if !pairs.isEmpty {
                    try stream.expectSymbol(.comma)
                    if stream.isSymbol(.rightBrace) { break }
                }
                let key = try parseExpression()
                try stream.expectSymbol(.colon)
                pairs.append((key, try parseExpression()))
            }
            stream.advance()
            return .mapping(pairs)
        case .end:
            throw ParseFailure("expected an expression, found end of tag", at: token.offset)
        default:
            throw ParseFailure("unexpected \(token.kind.describe)", at: token.offset)
        }
    }

    private mutating func parsePostfix(_ base: Expression) throws(ParseFailure) -> Expression {
        var node = base
        var added = 0
        defer { depth -= added }
        while true {
            let at = stream.offset
            if stream.skipSymbol(.dot) {
                switch stream.kind {
                case .name(let n):
                    stream.advance()
                    node = .attribute(node, n, at: at)
                case .int(let i):
                    stream.advance()
                    node = .item(node, .literal(.int(i)), at: at)
                default:
                    throw ParseFailure("expected an attribute name after '.', found \(stream.kind.describe)", at: stream.offset)
                }
            } else if stream.skipSymbol(.leftBracket) {
                node = try parseSubscript(node, at: at)
            } else if stream.isSymbol(.leftParen) {
                node = .call(node, try parseCallArguments(), at: at)
            } else {
                return node
            }
            try grow(&added)
        }
    }

    private mutating func parseSubscript(_ base: Expression, at: Int) throws(ParseFailure) -> Expression {
        var parts: [Expression?] = []
        var current: Expression? = nil
        var sawColon = false
        while !stream.isSymbol(.rightBracket) {
            if stream.skipSymbol(.colon) {
                sawColon = true
                parts.append(current)
                current = nil
                if parts.count > 2 { throw ParseFailure("too many ':' in subscript", at: stream.offset) }
                continue
            }
            if current != nil { throw ParseFailure("expected ']' or ':', found \(stream.kind.describe)", at: stream.offset) }
            current = try parseExpression()
        }
        stream.advance()
        parts.append(current)
        if !sawColon {
            guard let index = current else { throw ParseFailure("expected an index inside '[]'", at: at) }
            return .item(base, index, at: at)
        }
        return .slice(
            base, start: parts[0], stop: parts.count > 1 ? parts[1] : nil, step: parts.count > 2 ? parts[2] : nil, at: at)
    }

    mutating func parseCallArguments() throws(ParseFailure) -> CallArguments {
        try stream.expectSymbol(.leftParen)
        var args = CallArguments()
        while !stream.isSymbol(.rightParen) {
            if !(args.positional.isEmpty && args.keyword.isEmpty) {
                try stream.expectSymbol(.comma)
                if stream.isSymbol(.rightParen) { break }
            }
            if case .name(let n) = stream.kind, stream.peek() == .symbol(.equal) {
                stream.advance()
                stream.advance()
                args.keyword.append((n, try parseExpression()))
            } else {
                if !args.keyword.isEmpty {
                    throw ParseFailure("positional argument follows keyword argument", at: stream.offset)
                }
                args.positional.append(try parseExpression())
            }
        }
        stream.advance()
        return args
    }

    private mutating func parseFiltersAndTests(_ base: Expression) throws(ParseFailure) -> Expression {
        var node = base
        var added = 0
        defer { depth -= added }
        while true {
            let at = stream.offset
            if stream.skipSymbol(.pipe) {
                let (name, args, _) = try parseFilterCall()
                node = .filter(node, try registry.filterReference(name, at: at), args, at: at)
            } else if stream.isName("is") {
                stream.advance()
                let negated = stream.skipName("not")
                let nameAt = stream.offset
                var name = try stream.expectName("a test name")
                while stream.isSymbol(.dot), case .name(let more) = stream.peek() {
                    stream.advance()
                    stream.advance()
                    name += "." + more
                }
                var args = CallArguments.none
                if stream.isSymbol(.leftParen) {
                    args = try parseCallArguments()
                } else if startsBareTestArgument {
                    args.positional = [try parsePostfix(try parsePrimary())]
                }
                node = .test(node, try registry.testReference(name, at: nameAt), args, negated: negated, at: at)
            } else if stream.isSymbol(.leftParen) {
                node = .call(node, try parseCallArguments(), at: at)
            } else {
                return node
            }
            try grow(&added)
        }
    }

    /// `x is divisibleby 3`: a test may take one argument without parentheses.
    private var startsBareTestArgument: Bool {
        switch stream.kind {
        case .string, .int, .double, .symbol(.leftBracket), .symbol(.leftBrace): return true
        case .name(let n): return !["else", "or", "and", "if", "is", "not", "in"].contains(n)
        default: return false
        }
    }

    mutating func parseFilterCall() throws(ParseFailure) -> (String, CallArguments, Int) {
        let at = stream.offset
        var name = try stream.expectName("a filter name")
        while stream.isSymbol(.dot), case .name(let more) = stream.peek() {
            stream.advance()
            stream.advance()
            name += "." + more
        }
        let args = stream.isSymbol(.leftParen) ? try parseCallArguments() : CallArguments.none
        return (name, args, at)
    }
}
