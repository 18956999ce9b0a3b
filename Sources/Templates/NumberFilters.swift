// Numeric filters, with Jinja2's (Python's) semantics.

let numberFilters: [String: BuiltinFilter] = [
    "round": { v, a, _ in
        try a.check(max: 2, names: ["precision", "method"])
        let precision = try a.int(at: 0, named: "precision", default: 0)
        let method = try a.string(at: 1, named: "method", default: "common")
        guard ["common", "ceil", "floor"].contains(method) else {
            throw FilterError("method must be 'common', 'ceil' or 'floor'")
        }
        guard let n = v.number else { throw FilterError("cannot round \(v.typeName)") }
        if method == "common", case .int(let i) = n, precision >= 0 { return .int(i) }
        return .double(round(n.asDouble, precision: precision, method: method))
    },
    "int": { v, a, _ in
        try a.check(max: 2, names: ["default", "base"])
        let fallback = a.value(at: 0, named: "default") ?? .int(0)
        let base = try a.int(at: 1, named: "base", default: 10)
        return toInt(v, base: base) ?? fallback
    },
    "float": { v, a, _ in
        try a.check(max: 1, names: ["default"])
        let fallback = a.value(at: 0, named: "default") ?? .double(0)
        return toDouble(v).map(Value.double) ?? fallback
    },
    "abs": { v, a, _ in
        try a.check(max: 0, names: [])
        switch v.number {
        case .int(let i)?:
            guard i != Int.min else { throw FilterError("integer overflow in abs") }
            return .int(abs(i))
        case .double(let d)?: return .double(abs(d))
        case nil: throw FilterError("bad operand type for abs(): \(v.typeName)")
        }
    },
]

/// Python's `round(x, n)` (halves to even, judged on the exact binary value), or ceil/floor
/// at that precision as Jinja2 computes them.
func round(_ x: Double, precision: Int, method: String) -> Double {
    guard x.isFinite else { return x }
    let p = max(-308, min(precision, 308))
    let scale = power(10, Double(abs(p)))
    let scaled = p >= 0 ? x * scale : x / scale
    guard scaled.isFinite else { return x }
    var r: Double
    switch method {
    case "ceil": r = scaled.rounded(.up)
    case "floor": r = scaled.rounded(.down)
    default:
        r = scaled.rounded(.toNearestOrEven)
        // The product may have rounded onto an exact half; the exact remainder decides.
        if p >= 0 && p <= 22 && abs(scaled - scaled.rounded(.towardZero)) == 0.5 {
            let error = (-scaled).addingProduct(x, scale)
            if error > 0 { r = scaled.rounded(.up) } else if error < 0 { r = scaled.rounded(.down) }
        }
    }
    return p >= 0 ? r / scale : r * scale
}

/// Jinja2's `int`: numbers truncate, strings parse as integers, else as floats; nil if neither.
func toInt(_ v: Value, base: Int) -> Value? {
    switch v {
    case .int(let i): return .int(i)
    case .bool(let b): return .int(b ? 1 : 0)
    case .double(let d):
        guard d.isFinite, d > -9.2e18, d < 9.2e18 else { return nil }
        return .int(Int(d))
    case .string(let s), .safe(let s):
        var text = pythonStrip(s).replacingUnderscores()
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("+") {
            negative = text.hasPrefix("-")
            text.removeFirst()
        }
        var radix = base
        let lower = text.lowercased()
        if base == 16 && lower.hasPrefix("0x") || base == 8 && lower.hasPrefix("0o") || base == 2 && lower.hasPrefix("0b") {
            text.removeFirst(2)
        } else if base == 0 {
            radix = 10
            if lower.hasPrefix("0x") { radix = 16; text.removeFirst(2) }
            else if lower.hasPrefix("0o") { radix = 8; text.removeFirst(2) }
            else if lower.hasPrefix("0b") { radix = 2; text.removeFirst(2) }
        }
        if radix >= 2 && radix <= 36, !text.isEmpty, let i = Int(text, radix: radix) { return .int(negative ? -i : i) }
        if let d = toDouble(v), d.isFinite, d > -9.2e18, d < 9.2e18 { return .int(Int(d)) }
        return nil
    default:
        return nil
    }
}

/// Python's `float(x)`, or nil when it would raise.
func toDouble(_ v: Value) -> Double? {
    switch v {
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .double(let d): return d
    case .string(let s), .safe(let s):
        let text = pythonStrip(s).replacingUnderscores()
        switch text.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ isDigit($0) || "+-.eE".utf8.contains($0) }) else { return nil }
        return Double(text)
    default:
        return nil
    }
}

extension String {
    /// Python's numeric literals allow '_' between digits.
    fileprivate func replacingUnderscores() -> String {
        guard utf8.contains(UInt8(ascii: "_")) else { return self }
        return String(decoding: utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
    }
}
