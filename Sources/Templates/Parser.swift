/// Builds a template's tree from the lexer's segments, collecting every syntax error it can.
///
/// After an error inside a tag the parser skips that tag and goes on, so one pass reports
/// all independent mistakes; block structure is kept so a broken `for` header does not
/// also produce a stray `endfor` error.
struct Parser {
    let name: String
    let source: SourceText
    let registry: Registry
    let escape: EscapeMode
    private let segments: [Segment]
    private var index = 0
    private var nesting = 0
    private(set) var errors: [TemplateError] = []
    private(set) var blocks: [String: BlockDefinition] = [:]
    /// Templates named by literal strings, for load-time checking: (name, offset, ignore if missing).
    private(set) var references: [(String, Int, Bool)] = []
    private(set) var parent: Expression? = nil
    /// The variables of the `for` loops being parsed, innermost last, with `loop` itself.
    private var loopNames: [String] = []
    /// Whether the template reads `loop` outside a loop of its own: included inside a loop, it
    /// must not see the includer's (Jinja2 does not pass it), and only then is it hidden.
    private(set) var readsOuterLoop = false
    /// A lexer error ends the segments early; block-closing errors at the end would only repeat it.
    let truncated: Bool

    static let maxNesting = 200

    init(name: String, source: SourceText, segments: [Segment], truncated: Bool, registry: Registry) {
        self.name = name
        self.source = source
        self.segments = segments
        self.truncated = truncated
        self.registry = registry
        self.escape = EscapeMode(templateName: name)
    }

    private struct Closer {
        let keyword: String
        var tokens: TokenStream
        let offset: Int
    }

    mutating func parseTemplate() -> [Node] {
        let (nodes, closer) = parseBody(until: [], opener: nil)
        if let closer {
            record(ParseFailure("unexpected '\(closer.keyword)'", at: closer.offset))
        }
        return nodes
    }

    private mutating func record(_ failure: ParseFailure) {
        errors.append(source.error(failure.message, at: failure.offset, in: name, kind: failure.kind))
    }

    private func describe(_ offset: Int) -> String {
        let p = source.position(of: offset)
        return "\(name):\(p.line):\(p.column)"
    }

    /// Parses nodes until a statement whose keyword is in `enders`, which is returned unconsumed-by-body.
    private mutating func parseBody(until enders: Set<String>, opener: (String, Int)?) -> ([Node], Closer?) {
        var nodes: [Node] = []
        while index < segments.count {
            let segment = segments[index]
            index += 1
            switch segment {
            case .text(let bytes, let offset):
                nodes.append(.text(bytes, at: offset))
            case .output(let tokens, let offset):
                noteLoopRead(tokens)
                var parser = ExpressionParser(TokenStream(tokens), registry: registry)
                do throws(ParseFailure) {
                    if parser.stream.atEnd { throw ParseFailure("expected an expression inside '{{ }}'", at: offset) }
                    let expression = try parser.parseExpression()
                    try parser.stream.expectEnd()
                    nodes.append(.output(expression, escape, at: tokens.first?.offset ?? offset))
                } catch {
                    record(error)
                }
            case .statement(let tokens, let offset):
                noteLoopRead(tokens)
                var stream = TokenStream(tokens)
                guard case .name(let keyword) = stream.kind else {
                    record(ParseFailure("expected a statement name after '{%'", at: offset))
                    continue
                }
                if enders.contains(keyword) {
                    stream.advance()
                    return (nodes, Closer(keyword: keyword, tokens: stream, offset: tokens.first?.offset ?? offset))
                }
                stream.advance()
                if let node = parseStatement(keyword, &stream, at: tokens.first?.offset ?? offset) {
                    nodes.append(node)
                }
            }
        }
        if let opener, !truncated {
            let wanted = enders.sorted().map { "'\($0)'" }.joined(separator: " or ")
            let closing = enders.first { $0.hasPrefix("end") } ?? wanted
            record(
                ParseFailure(
                    "expected '\(closing)' to close '\(opener.0)' opened at \(describe(opener.1))",
                    at: source.bytes.count))
        }
        return (nodes, nil)
    }

    private mutating func noteLoopRead(_ tokens: [Token]) {
        guard loopNames.isEmpty, !readsOuterLoop else { return }
        for (i, token) in tokens.enumerated() where token.kind == .name("loop") {
            if i == 0 || tokens[i - 1].kind != .symbol(.dot) { readsOuterLoop = true }
        }
    }

    private mutating func parseStatement(_ keyword: String, _ stream: inout TokenStream, at offset: Int) -> Node? {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting {
            record(ParseFailure("statements nested too deeply (more than \(Self.maxNesting) levels)", at: offset))
            index = segments.count
            return nil
        }
        switch keyword {
        case "if": return parseIf(&stream, at: offset)
        case "for": return parseFor(&stream, at: offset)
        case "set": return parseSet(&stream, at: offset)
        case "include": return parseSimple(&stream, at: offset) { p, s, at throws(ParseFailure) in try p.parseInclude(&s, at: at) }
        case "extends": return parseSimple(&stream, at: offset) { p, s, at throws(ParseFailure) in try p.parseExtends(&s, at: at) }
        case "block": return parseBlock(&stream, at: offset)
        case "macro": return parseMacro(&stream, at: offset)
        case "import": return parseSimple(&stream, at: offset) { p, s, at throws(ParseFailure) in try p.parseImport(&s, at: at) }
        case "from": return parseSimple(&stream, at: offset) { p, s, at throws(ParseFailure) in try p.parseFromImport(&s, at: at) }
        case "with": return parseWith(&stream, at: offset)
        case "filter": return parseFilterBlock(&stream, at: offset)
        case "cache": return parseCache(&stream, at: offset)
        default:
            if keyword.hasPrefix("end") || keyword == "else" || keyword == "elif" {
                record(ParseFailure("unexpected '\(keyword)'", at: offset))
            } else {
                record(ParseFailure("unknown statement '\(keyword)'", at: offset))
            }
            return nil
        }
    }

    private mutating func parseSimple(
        _ stream: inout TokenStream, at offset: Int,
        _ body: (inout Parser, inout TokenStream, Int) throws(ParseFailure) -> Node
    ) -> Node? {
        do {
            return try body(&self, &stream, offset)
        } catch {
            record(error)
            return nil
        }
    }

    private mutating func expression(_ stream: inout TokenStream, allowConditional: Bool = true) throws(ParseFailure)
        -> Expression
    {
        var parser = ExpressionParser(stream, registry: registry)
        let e = try parser.parseExpression(allowConditional: allowConditional)
        stream = parser.stream
        return e
    }

    /// Parses a header; on failure records it and returns nil so the body is still consumed.
    private mutating func header<T>(_ stream: inout TokenStream, _ body: (inout Parser, inout TokenStream) throws(ParseFailure) -> T) -> T? {
        do {
            return try body(&self, &stream)
        } catch {
            record(error)
            return nil
        }
    }

    private mutating func expectEndTag(_ closer: Closer?) {
        guard let closer else { return }
        var s = closer.tokens
        // `{% endblock name %}` and `{% endmacro name %}` may repeat the name.
        if closer.keyword == "endblock" || closer.keyword == "endmacro", case .name = s.kind { s.advance() }
        do { try s.expectEnd() } catch { record(error) }
    }

    private mutating func parseIf(_ stream: inout TokenStream, at offset: Int) -> Node? {
        var branches: [(Expression, [Node])] = []
        var condition = header(&stream) { p, s throws(ParseFailure) in
            let e = try p.expression(&s)
            try s.expectEnd()
            return e
        }
        var otherwise: [Node] = []
        var (body, closer) = parseBody(until: ["elif", "else", "endif"], opener: ("if", offset))
        while true {
            if let c = condition { branches.append((c, body)) }
            guard var c = closer else { break }
            if c.keyword == "elif" {
                condition = header(&c.tokens) { p, s throws(ParseFailure) in
                    let e = try p.expression(&s)
                    try s.expectEnd()
                    return e
                }
                (body, closer) = parseBody(until: ["elif", "else", "endif"], opener: ("if", offset))
                continue
            }
            if c.keyword == "else" {
                expectEndTag(c)
                let (elseBody, endCloser) = parseBody(until: ["endif"], opener: ("if", offset))
                otherwise = elseBody
                expectEndTag(endCloser)
                break
            }
            expectEndTag(c)
            break
        }
        return .conditional(branches, otherwise: otherwise, at: offset)
    }

    private mutating func parseFor(_ stream: inout TokenStream, at offset: Int) -> Node? {
        let head = header(&stream) { p, s throws(ParseFailure) -> ([String], Expression, Expression?) in
            var targets: [String] = []
            let parenthesised = s.skipSymbol(.leftParen)
            repeat {
                targets.append(try s.expectName("a loop variable"))
            } while s.skipSymbol(.comma) && !s.isName("in")
            if parenthesised { try s.expectSymbol(.rightParen) }
            try s.expectKeyword("in")
            let iterable = try p.expression(&s, allowConditional: false)
            var condition: Expression? = nil
            if s.skipName("if") { condition = try p.expression(&s, allowConditional: false) }
            if s.skipName("recursive") {
                throw ParseFailure("recursive loops are not supported", at: s.offset)
            }
            try s.expectEnd()
            return (targets, iterable, condition)
        }
        let outerLoopNames = loopNames
        loopNames += (head?.0 ?? []) + ["loop"]
        let (body, closer) = parseBody(until: ["else", "endfor"], opener: ("for", offset))
        loopNames = outerLoopNames
        var otherwise: [Node] = []
        if let closer, closer.keyword == "else" {
            expectEndTag(closer)
            let (elseBody, end) = parseBody(until: ["endfor"], opener: ("for", offset))
            otherwise = elseBody
            expectEndTag(end)
        } else {
            expectEndTag(closer)
        }
        guard let head else { return nil }
        return .loop(
            Loop(targets: head.0, iterable: head.1, condition: head.2, body: body, otherwise: otherwise, at: offset))
    }

    private mutating func parseSet(_ stream: inout TokenStream, at offset: Int) -> Node? {
        // `{% set x %}…{% endset %}` captures; anything with '=' assigns.
        let isCapture: Bool = {
            var s = stream
            while !s.atEnd {
                if s.isSymbol(.equal) { return false }
                s.advance()
            }
            return true
        }()
        if isCapture {
            let head = header(&stream) { p, s throws(ParseFailure) -> (String, [(FilterReference, CallArguments, Int)]) in
                let name = try s.expectName("a variable name")
                var filters: [(FilterReference, CallArguments, Int)] = []
                while s.skipSymbol(.pipe) {
                    var ep = ExpressionParser(s, registry: p.registry)
                    let (fname, args, at) = try ep.parseFilterCall()
                    s = ep.stream
                    filters.append((try p.registry.filterReference(fname, at: at), args, at))
                }
                try s.expectEnd()
                return (name, filters)
            }
            let (body, closer) = parseBody(until: ["endset"], opener: ("set", offset))
            expectEndTag(closer)
            guard let head else { return nil }
            return .capture(head.0, body, filters: head.1, at: offset)
        }
        return parseSimple(&stream, at: offset) { p, s, at throws(ParseFailure) in
            let first = try s.expectName("a variable name")
            if s.skipSymbol(.dot) {
                let attribute = try s.expectName("an attribute name")
                try s.expectSymbol(.equal)
                let value = try p.expression(&s)
                try s.expectEnd()
                return .assignAttribute(first, attribute, value, at: at)
            }
            var names = [first]
            while s.skipSymbol(.comma) { names.append(try s.expectName("a variable name")) }
            try s.expectSymbol(.equal)
            var value = try p.expression(&s)
            if s.isSymbol(.comma) {
                // `{% set a, b = 1, 2 %}`: Jinja2's tuple, which is a list here.
                var items = [value]
                while s.skipSymbol(.comma) && !s.atEnd { items.append(try p.expression(&s)) }
                value = .list(items)
            }
            try s.expectEnd()
            return .assign(names, value, at: at)
        }
    }

    private mutating func parseContextModifier(_ s: inout TokenStream, default value: Bool) throws(ParseFailure) -> Bool {
        if s.isName("with") || s.isName("without") {
            let with = s.isName("with")
            s.advance()
            try s.expectKeyword("context")
            return with
        }
        return value
    }

    private mutating func noteReference(_ e: Expression, at offset: Int, optional: Bool) {
        switch e {
        case .literal(.string(let n)): references.append((n, offset, optional))
        case .list(let items):
            // A list of candidates only needs one of them to exist.
            if items.count == 1, case .literal(.string(let n)) = items[0] { references.append((n, offset, optional)) }
        default: break
        }
    }

    private mutating func parseInclude(_ s: inout TokenStream, at offset: Int) throws(ParseFailure) -> Node {
        let nameOffset = s.offset
        let target = try expression(&s)
        var ignoreMissing = false
        if s.isName("ignore") {
            s.advance()
            try s.expectKeyword("missing")
            ignoreMissing = true
        }
        let withContext = try parseContextModifier(&s, default: true)
        try s.expectEnd()
        noteReference(target, at: nameOffset, optional: ignoreMissing)
        return .include(Include(name: target, ignoreMissing: ignoreMissing, withContext: withContext, at: offset))
    }

    private mutating func parseExtends(_ s: inout TokenStream, at offset: Int) throws(ParseFailure) -> Node {
        let nameOffset = s.offset
        let target = try expression(&s)
        try s.expectEnd()
        if nesting == 1 {
            if parent != nil { throw ParseFailure("template extends more than one template", at: offset) }
            parent = target
        }
        noteReference(target, at: nameOffset, optional: false)
        return .extends(target, at: offset)
    }

    private mutating func parseImport(_ s: inout TokenStream, at offset: Int) throws(ParseFailure) -> Node {
        let nameOffset = s.offset
        let target = try expression(&s)
        try s.expectKeyword("as")
        let alias = try s.expectName("a name for the imported template")
        let withContext = try parseContextModifier(&s, default: false)
        try s.expectEnd()
        noteReference(target, at: nameOffset, optional: false)
        return .importAll(target, as: alias, withContext: withContext, at: offset)
    }

    private mutating func parseFromImport(_ s: inout TokenStream, at offset: Int) throws(ParseFailure) -> Node {
        let nameOffset = s.offset
        let target = try expression(&s)
        try s.expectKeyword("import")
        var names: [(String, String)] = []
        repeat {
            if s.isName("with") || s.isName("without"), !names.isEmpty { break }
            let n = try s.expectName("a name to import")
            var alias = n
            if s.skipName("as") { alias = try s.expectName("an alias") }
            names.append((n, alias))
        } while s.skipSymbol(.comma)
        let withContext = try parseContextModifier(&s, default: false)
        try s.expectEnd()
        noteReference(target, at: nameOffset, optional: false)
        return .importNames(target, names, withContext: withContext, at: offset)
    }

    private mutating func parseBlock(_ stream: inout TokenStream, at offset: Int) -> Node? {
        var scoped = false
        let blockName = header(&stream) { p, s throws(ParseFailure) -> String in
            let n = try s.expectName("a block name")
            scoped = s.skipName("scoped")
            _ = s.skipName("required")
            try s.expectEnd()
            return n
        }
        let (body, closer) = parseBody(until: ["endblock"], opener: ("block", offset))
        if let closer, let blockName, case .name(let endName) = closer.tokens.kind, endName != blockName {
            record(ParseFailure("'endblock \(endName)' closes block '\(blockName)'", at: closer.offset))
        }
        expectEndTag(closer)
        guard let blockName else { return nil }
        if blocks[blockName] != nil {
            record(ParseFailure("block '\(blockName)' defined twice", at: offset))
            return nil
        }
        var seen = Set<String>()
        let hidden = scoped ? [] : loopNames.filter { seen.insert($0).inserted }
        blocks[blockName] = BlockDefinition(name: blockName, body: body, at: offset, loopNames: hidden)
        return .block(blockName, at: offset)
    }

    private mutating func parseMacro(_ stream: inout TokenStream, at offset: Int) -> Node? {
        let head = header(&stream) { p, s throws(ParseFailure) -> (String, [(String, Expression?)]) in
            let n = try s.expectName("a macro name")
            var params: [(String, Expression?)] = []
            try s.expectSymbol(.leftParen)
            while !s.isSymbol(.rightParen) {
                if !params.isEmpty { try s.expectSymbol(.comma) }
                if s.isSymbol(.rightParen) { break }
                let at = s.offset
                let param = try s.expectName("a parameter name")
                if params.contains(where: { $0.0 == param }) {
                    throw ParseFailure("duplicate parameter '\(param)'", at: at)
                }
                var defaultValue: Expression? = nil
                if s.skipSymbol(.equal) {
                    defaultValue = try p.expression(&s)
                } else if params.contains(where: { $0.1 != nil }) {
                    throw ParseFailure("parameter '\(param)' without a default follows one with a default", at: at)
                }
                params.append((param, defaultValue))
            }
            s.advance()
            try s.expectEnd()
            return (n, params)
        }
        let (body, closer) = parseBody(until: ["endmacro"], opener: ("macro", offset))
        expectEndTag(closer)
        guard let head else { return nil }
        return .macro(MacroDefinition(name: head.0, parameters: head.1, body: body, at: offset))
    }

    private mutating func parseWith(_ stream: inout TokenStream, at offset: Int) -> Node? {
        let assignments = header(&stream) { p, s throws(ParseFailure) -> [Node] in
            var nodes: [Node] = []
            while !s.atEnd {
                if !nodes.isEmpty { try s.expectSymbol(.comma) }
                let at = s.offset
                let n = try s.expectName("a variable name")
                try s.expectSymbol(.equal)
                nodes.append(.assign([n], try p.expression(&s), at: at))
            }
            return nodes
        }
        let (body, closer) = parseBody(until: ["endwith"], opener: ("with", offset))
        expectEndTag(closer)
        guard let assignments else { return nil }
        return .scope(assignments + body)
    }

    /// `{% cache a, b %}`: at least one key, since a fragment shared by every page is still keyed
    /// by what it shows (`{% cache 'footer' %}`).
    private mutating func parseCache(_ stream: inout TokenStream, at offset: Int) -> Node? {
        let keys = header(&stream) { p, s throws(ParseFailure) -> [Expression] in
            if s.atEnd { throw ParseFailure("'cache' needs a key: what the fragment depends on, e.g. {% cache item.url %}", at: offset) }
            var keys: [Expression] = []
            while !s.atEnd {
                if !keys.isEmpty { try s.expectSymbol(.comma) }
                keys.append(try p.expression(&s))
            }
            return keys
        }
        let (body, closer) = parseBody(until: ["endcache"], opener: ("cache", offset))
        expectEndTag(closer)
        guard let keys else { return nil }
        return .cached(keys, body, at: offset)
    }

    private mutating func parseFilterBlock(_ stream: inout TokenStream, at offset: Int) -> Node? {
        let filters = header(&stream) { p, s throws(ParseFailure) -> [(FilterReference, CallArguments, Int)] in
            var filters: [(FilterReference, CallArguments, Int)] = []
            repeat {
                var ep = ExpressionParser(s, registry: p.registry)
                let (fname, args, at) = try ep.parseFilterCall()
                s = ep.stream
                filters.append((try p.registry.filterReference(fname, at: at), args, at))
            } while s.skipSymbol(.pipe)
            try s.expectEnd()
            return filters
        }
        let (body, closer) = parseBody(until: ["endfilter"], opener: ("filter", offset))
        expectEndTag(closer)
        guard let filters else { return nil }
        // A filter block is a capture into a hidden name, printed at once.
        let hidden = "\u{0}filter\(offset)"
        return .scope([
            .capture(hidden, body, filters: filters, at: offset),
            .output(.name(Name(hidden), at: offset), escape, at: offset),
        ])
    }
}
