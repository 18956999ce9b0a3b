// Arithmetic with Jinja2's (Python's) semantics. Integers are fixed-width here, so every
// integer operation reports overflow and fails instead of trapping.

enum ArithmeticOperator: Sendable {
    case add, subtract, multiply, divide, floorDivide, modulo, power

    var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .floorDivide: return "//"
        case .modulo: return "%"
        case .power: return "**"
        }
    }
}

/// Caps results that a short template could otherwise blow up (`"x" * 10**12`).
let maxRepeatedLength = 10_000_000

func arithmetic(_ op: ArithmeticOperator, _ lhs: Value, _ rhs: Value) throws -> Value {
    if let a = lhs.number, let b = rhs.number {
        switch (a, b) {
        case (.int(let x), .int(let y)): return try intArithmetic(op, x, y)
        default: return try doubleArithmetic(op, a.asDouble, b.asDouble)
        }
    }
    switch (op, lhs, rhs) {
    case (.add, .array(let a), .array(let b)):
        return .array(a + b)
    case (.add, _, _) where lhs.stringValue != nil && rhs.stringValue != nil:
        return concatenate(lhs, rhs)
    case (.multiply, _, .int(let n)) where lhs.stringValue != nil:
        return try repeatString(lhs, n)
    case (.multiply, .int(let n), _) where rhs.stringValue != nil:
        return try repeatString(rhs, n)
    case (.multiply, .array(let a), .int(let n)), (.multiply, .int(let n), .array(let a)):
        guard n <= 0 || a.count <= maxRepeatedLength / n else { throw RenderFailure("list repetition too large") }
        if n <= 0 { return .array([]) }
        var out: [Value] = []
        out.reserveCapacity(a.count * n)
        for _ in 0..<n { out += a }
        return .array(out)
    default:
        throw RenderFailure("unsupported operand types for \(op.symbol): \(lhs.typeName) and \(rhs.typeName)")
    }
}

/// `~` and `+` on text: markup stays markup, and the plain side is escaped to join it.
func concatenate(_ lhs: Value, _ rhs: Value) -> Value {
    switch (lhs, rhs) {
    case (.safe(let a), .safe(let b)): return .safe(a + b)
    case (.safe(let a), _): return .safe(a + escapeHTML(rhs.text))
    case (_, .safe(let b)): return .safe(escapeHTML(lhs.text) + b)
    default: return .string(lhs.text + rhs.text)
    }
}

private func repeatString(_ s: Value, _ n: Int) throws -> Value {
    let text = s.stringValue ?? ""
    if n <= 0 || text.isEmpty { return s.isSafe ? .safe("") : .string("") }
    guard text.utf8.count <= maxRepeatedLength / n else { throw RenderFailure("string repetition too large") }
    let out = String(repeating: text, count: n)
    return s.isSafe ? .safe(out) : .string(out)
}

private func intArithmetic(_ op: ArithmeticOperator, _ x: Int, _ y: Int) throws -> Value {
    func checked(_ r: (partialValue: Int, overflow: Bool)) throws -> Value {
        if r.overflow { throw RenderFailure("integer overflow in \(x) \(op.symbol) \(y)") }
        return .int(r.partialValue)
    }
    switch op {
    case .add: return try checked(x.addingReportingOverflow(y))
    case .subtract: return try checked(x.subtractingReportingOverflow(y))
    case .multiply: return try checked(x.multipliedReportingOverflow(by: y))
    case .divide:
        if y == 0 { throw RenderFailure("division by zero") }
        return .double(Double(x) / Double(y))
    case .floorDivide:
        if y == 0 { throw RenderFailure("integer division by zero") }
        let r = x.dividedReportingOverflow(by: y)
        if r.overflow { throw RenderFailure("integer overflow in \(x) // \(y)") }
        var q = r.partialValue
        if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
        return .int(q)
    case .modulo:
        if y == 0 { throw RenderFailure("integer modulo by zero") }
        let r = x.remainderReportingOverflow(dividingBy: y)
        if r.overflow { return .int(0) }
        var m = r.partialValue
        if m != 0 && ((m < 0) != (y < 0)) { m += y }
        return .int(m)
    case .power:
        if y < 0 { return try doubleArithmetic(.power, Double(x), Double(y)) }
        var result = 1
        var base = x
        var e = y
        while e > 0 {
            if e & 1 == 1 {
                let r = result.multipliedReportingOverflow(by: base)
                if r.overflow { throw RenderFailure("integer overflow in \(x) ** \(y)") }
                result = r.partialValue
            }
            e >>= 1
            if e > 0 {
                let r = base.multipliedReportingOverflow(by: base)
                if r.overflow { throw RenderFailure("integer overflow in \(x) ** \(y)") }
                base = r.partialValue
            }
        }
        return .int(result)
    }
}

private func doubleArithmetic(_ op: ArithmeticOperator, _ x: Double, _ y: Double) throws -> Value {
    switch op {
    case .add: return .double(x + y)
    case .subtract: return .double(x - y)
    case .multiply: return .double(x * y)
    case .divide:
        if y == 0 { throw RenderFailure("float division by zero") }
        return .double(x / y)
    case .floorDivide:
        if y == 0 { throw RenderFailure("float floor division by zero") }
        return .double(pythonFloatMod(x, y).quotient)
    case .modulo:
        if y == 0 { throw RenderFailure("float modulo by zero") }
        return .double(pythonFloatMod(x, y).remainder)
    case .power:
        if x == 0 && y < 0 { throw RenderFailure("zero cannot be raised to a negative power") }
        return .double(power(x, y))
    }
}

/// Python's float divmod: the remainder takes the divisor's sign.
private func pythonFloatMod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
    var mod = x.truncatingRemainder(dividingBy: y)
    var div = (x - mod) / y
    if mod != 0 {
        if (y < 0) != (mod < 0) {
            mod += y
            div -= 1
        }
    } else {
        mod = y < 0 ? -0.0 : 0.0
    }
    var floordiv: Double
    if div != 0 {
        floordiv = div.rounded(.down)
        if div - floordiv > 0.5 { floordiv += 1 }
    } else {
        floordiv = x / y < 0 ? -0.0 : 0.0
    }
    return (floordiv, mod)
}

/// `pow` without Foundation: exact for integral exponents, exp/log otherwise.
func power(_ x: Double, _ y: Double) -> Double {
    if y == y.rounded(), abs(y) < 2_147_483_648.0 {
        var result = 1.0
        var base = x
        var e = Int(abs(y))
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return y < 0 ? 1 / result : result
    }
    if x < 0 { return .nan }
    return exponential(y * logarithm(x))
}

private func logarithm(_ x: Double) -> Double {
    if x <= 0 { return x == 0 ? -.infinity : .nan }
    // Reduce to m * 2^e with m in [1, 2), then a fast-converging atanh series for ln(m).
    let e = Double(x.exponent)
    let m = x.significand
    let t = (m - 1) / (m + 1)
    let t2 = t * t
    var term = t
    var sum = 0.0
    var k = 1.0
    while k < 200 {
        let add = term / k
        sum += add
        if abs(add) < 1e-18 { break }
        term *= t2
        k += 2
    }
    return 2 * sum + e * 0.693_147_180_559_945_309_417_232_121_458
}

private func exponential(_ x: Double) -> Double {
    if x > 709.8 { return .infinity }
    if x < -745.2 { return 0 }
    let ln2 = 0.693_147_180_559_945_309_417_232_121_458
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    for n in 1..<40 {
        term *= r / Double(n)
        sum += term
        if abs(term) < 1e-18 { break }
    }
    return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
}
