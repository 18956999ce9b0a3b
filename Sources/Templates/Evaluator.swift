// Expression evaluation. Undefined names and attributes are errors (StrictUndefined), except
// where a template asks about them: `is defined`, `is undefined`, `default(…)`.

extension Renderer {
    mutating func evaluate(_ expression: Expression) throws -> Value {
        switch expression {
        case .literal(let v):
            return v
        case .name(let name, let at):
            if let v = scope.lookup(name) { return v }
            if let v = special(name.text) { return v }
            throw fail("'\(name.text)' is undefined" + suggestion(name.text, among: visibleNames()), at: at, kind: .undefined)
        case .attribute(let base, let name, let at):
            let b = try evaluate(base)
            if let v = attribute(of: b, name) { return v }
            throw fail(missing(base, b, attribute: name), at: at, kind: .undefined)
        case .item(let base, let key, let at):
            let b = try evaluate(base)
            let k = try evaluate(key)
            if let v = try item(of: b, k, at: at) { return v }
            if case .array(let a) = b, case .int(let i)? = k.number {
                // Jinja2: an index past the end is undefined, an error only where it is used.
                return .undefined("\(describe(base, b)) has no item \(i): it has \(a.count)")
            }
            throw fail(missing(base, b, item: k), at: at, kind: .undefined)
        case .slice(let base, let start, let stop, let step, let at):
            let b = try evaluate(base)
            let lo = try start.map { e throws -> Value in try evaluate(e) }
            let hi = try stop.map { e throws -> Value in try evaluate(e) }
            let st = try step.map { e throws -> Value in try evaluate(e) }
            return try slice(b, start: lo, stop: hi, step: st, at: at)
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item)) }
            return .array(values)
        case .mapping(let pairs):
            var m = OrderedMapping()
            for (k, v) in pairs {
                let key = try evaluate(k)
                guard let s = key.stringValue else {
                    throw fail("mapping keys must be strings, not \(key.typeName)", at: k.offset ?? 0)
                }
                m[s] = try evaluate(v)
            }
            return .dictionary(m)
        case .not(let e):
            return .bool(!(try evaluate(e).isTruthy))
        case .negate(let e, let at):
            let v = try evaluate(e)
            switch v.number {
            case .int(let i)?:
                let r = (0).subtractingReportingOverflow(i)
                if r.overflow { throw fail("integer overflow in -\(i)", at: at) }
                return .int(r.partialValue)
            case .double(let d)?: return .double(-d)
            case nil: throw fail("cannot negate \(v.typeName)", at: at)
            }
        case .plus(let e, let at):
            let v = try evaluate(e)
            guard let n = v.number else { throw fail("cannot apply unary '+' to \(v.typeName)", at: at) }
            switch n {
            case .int(let i): return .int(i)
            case .double(let d): return .double(d)
            }
        case .arithmetic(let op, let l, let r, let at):
            let a = try evaluate(l)
            let b = try evaluate(r)
            do {
                return try arithmetic(op, a, b)
            } catch let e as RenderFailure {
                throw fail(e.message, at: at)
            }
        case .concat(let l, let r):
            return concatenate(try evaluate(l), try evaluate(r))
        case .compare(let first, let rest, let at):
            var lhs = try evaluate(first)
            for (op, e) in rest {
                let rhs = try evaluate(e)
                if !(try compare(lhs, op, rhs, at: at)) { return .bool(false) }
                lhs = rhs
            }
            return .bool(true)
        case .and(let l, let r):
            let a = try evaluate(l)
            return a.isTruthy ? try evaluate(r) : a
        case .or(let l, let r):
            let a = try evaluate(l)
            return a.isTruthy ? a : try evaluate(r)
        case .conditional(let then, let condition, let otherwise, let at):
            if try truth(condition) { return try evaluate(then) }
            guard let otherwise else { return .silentUndefined }
            return try evaluate(otherwise)
        case .filter(let input, let filter, let args, let at):
            let value: Value
            if case .defaultValue = filter.body {
                value = try evaluateIfDefined(input) ?? .none
            } else {
                value = try evaluate(input)
            }
            return try applyFilter(filter, to: value, arguments: try evaluate(args), at: at)
        case .test(let input, let test, let args, let negated, let at):
            let result: Bool
            switch test.body {
            case .defined: result = try evaluateIfDefined(input) != nil
            case .undefined: result = try evaluateIfDefined(input) == nil
            default:
                let value: Value
                if test.acceptsUndefined {
                    // Python's isinstance checks are false for an undefined value rather than an error.
                    guard let v = try evaluateIfDefined(input) else { return .bool(negated) }
                    value = v
                } else {
                    value = try evaluate(input)
                }
                result = try applyTest(test, to: value, arguments: try evaluate(args), at: at)
            }
            return .bool(result != negated)
        case .call(let callee, let args, let at):
            return try evaluateCall(callee, args, at: at)
        }
    }

    /// Like `evaluate`, but an undefined name, attribute or item gives nil instead of an error.
    /// Only the last step may be undefined: `a.b.c` still fails when `a.b` is missing.
    /// An undefined value (`[] | first`, a name set to one) counts as undefined too.
    mutating func evaluateIfDefined(_ expression: Expression) throws -> Value? {
        let value: Value?
        switch expression {
        case .name(let name, _):
            value = scope.lookup(name) ?? special(name.text)
        case .attribute(let base, let name, _):
            value = attribute(of: try evaluate(base), name)
        case .item(let base, let key, let at):
            value = try item(of: try evaluate(base), try evaluate(key), at: at)
        case .conditional(let then, let condition, let otherwise, _):
            if try truth(condition) { return try evaluateIfDefined(then) }
            guard let otherwise else { return nil }
            return try evaluateIfDefined(otherwise)
        default:
            value = try evaluate(expression)
        }
        guard let value, value.undefined == nil else { return nil }
        return value
    }

    /// Names that exist without being assigned: `super` inside a block.
    private mutating func special(_ name: String) -> Value? {
        if name == "super", let block = currentBlock {
            return .callable(Callable(name: "super", body: .superBlock(block)))
        }
        return nil
    }

    mutating func evaluate(_ args: CallArguments) throws -> Arguments {
        if args.isEmpty { return .empty }
        var positional: [Value] = []
        positional.reserveCapacity(args.positional.count)
        for e in args.positional { positional.append(try evaluate(e)) }
        var keyword: [String: Value] = [:]
        for (k, e) in args.keyword { keyword[k] = try evaluate(e) }
        return Arguments(positional: positional, keyword: keyword)
    }

    /// Names the thing that lacks an attribute, for messages: `'product'` or `mapping`.
    private mutating func describe(_ expression: Expression, _ value: Value) -> String {
        switch expression {
        case .name(let n, _): return "'\(n.text)'"
        case .attribute(let base, let n, _):
            if case .name(let b, _) = base { return "'\(b.text).\(n)'" }
            return value.typeName
        default: return value.typeName
        }
    }

    /// The message for a missing attribute or item, with the nearest existing one; reading into an
    /// undefined value says why it is undefined.
    private mutating func missing(_ base: Expression, _ value: Value, attribute: String? = nil, item: Value? = nil) -> String {
        if let undefined = value.undefined { return undefined.reason }
        let key = attribute ?? item?.stringValue
        let what = attribute.map { "has no attribute '\($0)'" } ?? "has no item \(repr(item ?? .none))"
        let known: [String]
        switch value {
        case .dictionary(let m): known = m.keys
        case .object(let o): known = o.fieldNames
        default: known = []
        }
        return "\(describe(base, value)) \(what)" + (key.map { suggestion($0, among: known) } ?? "")
    }

    private mutating func repr(_ value: Value) -> String {
        var s = ""
        value.writeRepr(into: &s)
        return s
    }

    mutating func attribute(of value: Value, _ name: String) -> Value? {
        switch value {
        case .dictionary(let m): return m[name]
        case .object(let o): return o.field(name)
        default: return nil
        }
    }

    mutating func item(of value: Value, _ key: Value, at offset: Int) throws -> Value? {
        switch (value, key) {
        case (.array(let a), _):
            guard case .int(let i) = key.number else {
                throw fail("list indices must be integers, not \(key.typeName)", at: offset)
            }
            let index = i < 0 ? a.count + i : i
            // Not `cond ? a[index] : nil`: that `nil` would be the value none, not an absent item.
            guard index >= 0 && index < a.count else { return nil }
            return a[index]
        case (.string(let s), _), (.safe(let s), _):
            guard case .int(let i) = key.number else {
                throw fail("string indices must be integers, not \(key.typeName)", at: offset)
            }
            let scalars = Array(s.unicodeScalars)
            let index = i < 0 ? scalars.count + i : i
            guard index >= 0 && index < scalars.count else { return nil }
            return .string(String(Character(scalars[index])))
        case (.dictionary(let m), .string(let k)), (.dictionary(let m), .safe(let k)):
            return m[k]
        case (.object(let o), .string(let k)), (.object(let o), .safe(let k)):
            return o.field(k)
        case (.object(let o as GroupTuple), .int(let i)):
            let pair = o.pair
            let index = i < 0 ? 2 + i : i
            guard index >= 0 && index < 2 else { return nil }
            return pair[index]
        default:
            return nil
        }
    }

    private mutating func slice(_ value: Value, start: Value?, stop: Value?, step: Value?, at offset: Int) throws -> Value {
        func bound(_ v: Value?) throws -> Int? {
            guard let v, !v.isNone else { return nil }
            guard case .int(let i) = v.number else {
                throw fail("slice indices must be integers, not \(v.typeName)", at: offset)
            }
            return i
        }
        let s = try bound(start), e = try bound(stop)
        let st = try bound(step) ?? 1
        if st == 0 { throw fail("slice step cannot be zero", at: offset) }
        func indices(_ count: Int) -> [Int] {
            pythonSliceIndices(count: count, start: s, stop: e, step: st)
        }
        switch value {
        case .array(let a):
            return .array(indices(a.count).map { a[$0] })
        case .string(let str), .safe(let str):
            let scalars = Array(str.unicodeScalars)
            var out = String.UnicodeScalarView()
            for i in indices(scalars.count) { out.append(scalars[i]) }
            return value.isSafe ? .safe(String(out)) : .string(String(out))
        default:
            throw fail("cannot slice \(value.typeName)", at: offset)
        }
    }

    private mutating func compare(_ a: Value, _ op: ComparisonOperator, _ b: Value, at offset: Int) throws -> Bool {
        do {
            switch op {
            case .equal: return a.isEqual(to: b)
            case .notEqual: return !a.isEqual(to: b)
            case .less: return try a.compare(to: b) < 0
            case .greater: return try a.compare(to: b) > 0
            case .lessEqual: return try a.compare(to: b) <= 0
            case .greaterEqual: return try a.compare(to: b) >= 0
            case .isIn: return try contains(b, a)
            case .notIn: return !(try contains(b, a))
            }
        } catch let e as RenderFailure {
            throw fail(e.message, at: offset)
        }
    }

    private mutating func evaluateCall(_ callee: Expression, _ args: CallArguments, at offset: Int) throws -> Value {
        let function: Value
        if case .attribute(let base, let name, let attributeAt) = callee {
            let b = try evaluate(base)
            if let f = attribute(of: b, name) {
                function = f
            } else if b.undefined == nil, hasMethod(b, name) {
                function = .callable(Callable(name: name, body: .method(b, name)))
            } else {
                throw fail(missing(base, b, attribute: name), at: attributeAt, kind: .undefined)
            }
        } else {
            function = try evaluate(callee)
        }
        guard case .callable(let callable) = function else {
            throw fail("\(function.typeName) is not callable", at: offset)
        }
        let arguments = try evaluate(args)
        return try call(callable, arguments, at: offset)
    }

    mutating func call(_ callable: Callable, _ arguments: Arguments, at offset: Int) throws -> Value {
        switch callable.body {
        case .macro(let macro):
            return try callMacro(macro, arguments, at: offset)
        case .superBlock(let block):
            let mark = out.count
            try renderBlock(block.name, position: block.position + 1, at: offset)
            return .safe(out.take(from: mark))
        case .host(let body), .builtin(let body):
            do {
                return try body(arguments)
            } catch let e as TemplateError {
                throw e
            } catch {
                throw fail("\(callable.name)(): \(message(of: error))", at: offset, kind: .filter)
            }
        case .method(let base, let name):
            do {
                return try callMethod(base, name, arguments)
            } catch {
                throw fail("\(name)(): \(message(of: error))", at: offset, kind: .filter)
            }
        }
    }

    private mutating func callMacro(_ macro: Macro, _ arguments: Arguments, at offset: Int) throws -> Value {
        let definition = macro.definition
        let parameters = definition.parameters
        if arguments.positional.count > parameters.count {
            throw fail(
                "macro '\(definition.name)' takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), got \(arguments.positional.count)",
                at: offset)
        }
        for key in arguments.keyword.keys.sorted() where !parameters.contains(where: { $0.0 == key }) {
            throw fail(
                "macro '\(definition.name)' has no parameter '\(key)'" + suggestion(key, among: parameters.map(\.0)), at: offset)
        }
        try enter(at: offset)
        let savedScope = scope
        let savedTemplate = template
        let caller = template
        let mark = out.count
        defer {
            depth -= 1
            scope = savedScope
            template = savedTemplate
        }
        scope = macro.scope
        template = macro.template
        // The macro can call itself even when defined inside a loop or include.
        scope.locals.append(Frame(capacity: 1 + parameters.count))
        let frame = scope.locals.count - 1
        scope.locals[frame].bindNew(definition.boundNames.macro, .callable(Callable(name: definition.name, body: .macro(macro))))
        for (i, (name, defaultValue)) in parameters.enumerated() {
            var value: Value? = i < arguments.positional.count ? arguments.positional[i] : arguments.keyword[name]
            if value == nil, let defaultValue {
                // A default sees the parameters bound before it.
                value = try evaluate(defaultValue)
            }
            // Set in place: a copy of the frame would make every later set copy its arrays.
            if let value { scope.locals[frame].set(definition.boundNames.parameters[i], value) }
        }
        do {
            try render(definition.body)
        } catch var error as TemplateError {
            let p = caller.source.position(of: offset)
            error.chain.append(.init(name: caller.name, line: p.line, column: p.column, relation: "called from"))
            out.discard(from: mark)
            throw error
        }
        return .safe(out.take(from: mark))
    }

    mutating func applyFilter(_ filter: FilterReference, to value: Value, arguments: Arguments, at offset: Int) throws -> Value {
        if let undefined = value.undefined, !filter.acceptsUndefined {
            // Jinja2's lenient undefined (an inline `if` without `else`) filters as an empty string.
            guard undefined.silent else { throw fail(undefined.reason, at: offset, kind: .undefined) }
            return try applyFilter(filter, to: .string(""), arguments: arguments, at: offset)
        }
        do {
            return try environment.registry.apply(filter.body, value, arguments)
        } catch let e as TemplateError {
            throw e
        } catch {
            throw fail("filter '\(filter.name)': \(message(of: error))", at: offset, kind: .filter)
        }
    }

    mutating func applyTest(_ test: TestReference, to value: Value, arguments: Arguments, at offset: Int) throws -> Bool {
        do {
            return try environment.registry.apply(test.body, value, arguments, name: test.name)
        } catch let e as TemplateError {
            throw e
        } catch {
            throw fail("test '\(test.name)': \(message(of: error))", at: offset, kind: .filter)
        }
    }
}

func message(of error: any Error) -> String {
    switch error {
    case let e as FilterError: return e.message
    case let e as RenderFailure: return e.message
    case let e as TemplateError: return e.message
    default: return "\(error)"
    }
}

/// Python's `slice.indices` followed by `range`.
func pythonSliceIndices(count: Int, start: Int?, stop: Int?, step: Int) -> [Int] {
    func clamp(_ v: Int?, _ defaultValue: Int, low: Int, high: Int) -> Int {
        guard var v else { return defaultValue }
        if v < 0 { v += count }
        return min(max(v, low), high)
    }
    var out: [Int] = []
    if step > 0 {
        let s = clamp(start, 0, low: 0, high: count)
        let e = clamp(stop, count, low: 0, high: count)
        var i = s
        while i < e {
            out.append(i)
            i += step
        }
    } else {
        let s = clamp(start, count - 1, low: -1, high: count - 1)
        let e = clamp(stop, -1, low: -1, high: count - 1)
        var i = s
        while i > e {
            out.append(i)
            i += step
        }
    }
    return out
}

/// `item in container`, as Python's `in`.
func contains(_ container: Value, _ item: Value) throws -> Bool {
    switch container {
    case .string(let s), .safe(let s):
        guard let needle = item.stringValue else {
            throw RenderFailure("'in <string>' requires a string as left operand, not \(item.typeName)")
        }
        return needle.isEmpty || s.contains(needle)
    case .array(let a): return a.contains { $0.isEqual(to: item) }
    case .dictionary(let m):
        guard let k = item.stringValue else { return false }
        return m[k] != nil
    case .object(let o):
        guard let k = item.stringValue else { return false }
        return o.field(k) != nil
    default:
        throw RenderFailure("argument of type \(container.typeName) is not iterable")
    }
}
