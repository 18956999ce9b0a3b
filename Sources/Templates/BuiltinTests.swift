// Built-in tests (`x is odd`), with Jinja2's semantics; `defined`/`undefined` live in the registry.

typealias BuiltinTest = @Sendable (Value, Arguments, FilterContext) throws -> Bool

let builtinTests: [String: BuiltinTest] = {
    var t: [String: BuiltinTest] = [
        "none": { v, _, _ in v.isNone },
        "number": { v, _, _ in v.number != nil },
        "integer": { v, _, _ in if case .int = v { return true } else { return false } },
        "float": { v, _, _ in if case .double = v { return true } else { return false } },
        "boolean": { v, _, _ in if case .bool = v { return true } else { return false } },
        "true": { v, _, _ in if case .bool(true) = v { return true } else { return false } },
        "false": { v, _, _ in if case .bool(false) = v { return true } else { return false } },
        "string": { v, _, _ in v.stringValue != nil },
        "mapping": { v, _, _ in
            switch v {
            case .dictionary: return true
            case .object(let o): return !(o is GroupTuple || o is LoopState)
            default: return false
            }
        },
        "sequence": { v, _, _ in
            switch v {
            case .string, .safe, .array, .dictionary, .object: return true
            default: return false
            }
        },
        "iterable": { v, _, _ in
            switch v {
            case .string, .safe, .array, .dictionary, .object: return true
            default: return false
            }
        },
        "callable": { v, _, _ in if case .callable = v { return true } else { return false } },
        "escaped": { v, _, _ in v.isSafe },
        "even": { v, a, _ in try parity(v) == 0 },
        "odd": { v, a, _ in try parity(v) == 1 },
        "divisibleby": { v, a, _ in
            guard let n = a.value(at: 0, named: "num")?.number else { throw FilterError("divisibleby needs a number") }
            guard let x = v.number else { throw FilterError("\(v.typeName) is not a number") }
            switch (x, n) {
            case (.int(let a), .int(let b)):
                if b == 0 { throw FilterError("integer modulo by zero") }
                return a.remainderReportingOverflow(dividingBy: b).partialValue == 0
            default:
                if n.asDouble == 0 { throw FilterError("float modulo by zero") }
                return x.asDouble.truncatingRemainder(dividingBy: n.asDouble) == 0
            }
        },
        "lower": { v, _, _ in
            guard let s = v.stringValue else { return false }
            return s != s.uppercased() || s == s.lowercased() ? (s == s.lowercased() && s != s.uppercased()) : false
        },
        "upper": { v, _, _ in
            guard let s = v.stringValue else { return false }
            return s == s.uppercased() && s != s.lowercased()
        },
        "sameas": { v, a, _ in
            guard let other = a.value(at: 0, named: "other") else { throw FilterError("sameas needs a value") }
            switch (v, other) {
            case (.none, .none): return true
            case (.bool(let x), .bool(let y)): return x == y
            default: return false
            }
        },
        "in": { v, a, _ in
            guard let seq = a.value(at: 0, named: "seq") else { throw FilterError("in needs a container") }
            return try contains(seq, v)
        },
        "filter": { v, _, c in v.stringValue.map { c.registry.filters[$0] != nil } ?? false },
        "test": { v, _, c in v.stringValue.map { c.registry.tests[$0] != nil } ?? false },
    ]
    let comparisons: [(names: [String], check: @Sendable (Int) -> Bool)] = [
        (["lt", "lessthan", "<"], { $0 < 0 }),
        (["le", "<="], { $0 <= 0 }),
        (["gt", "greaterthan", ">"], { $0 > 0 }),
        (["ge", ">="], { $0 >= 0 }),
    ]
    for (names, check) in comparisons {
        for name in names {
            t[name] = { v, a, _ in
                guard let other = a.value(at: 0, named: "b") else { throw FilterError("\(name) needs a value") }
                do {
                    return check(try v.compare(to: other))
                } catch let e as RenderFailure {
                    throw FilterError(e.message)
                }
            }
        }
    }
    for name in ["eq", "equalto", "=="] {
        t[name] = { v, a, _ in
            guard let other = a.value(at: 0, named: "b") else { throw FilterError("\(name) needs a value") }
            return v.isEqual(to: other)
        }
    }
    for name in ["ne", "!="] {
        t[name] = { v, a, _ in
            guard let other = a.value(at: 0, named: "b") else { throw FilterError("\(name) needs a value") }
            return !v.isEqual(to: other)
        }
    }
    return t
}()

private func parity(_ v: Value) throws -> Int {
    switch v.number {
    case .int(let i)?: return i & 1
    case .double(let d)?:
        let m = d.truncatingRemainder(dividingBy: 2)
        return m == 0 ? 0 : (abs(m) == 1 ? 1 : 2)
    case nil: throw FilterError("\(v.typeName) is not a number")
    }
}
