// Equality and ordering with Python's rules: numbers compare by value across int, float and
// bool; markup compares as the string it is; unlike kinds are unequal and unordered.

enum Number {
    case int(Int)
    case double(Double)

    var asDouble: Double {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }
}

extension Value {
    var number: Number? {
        switch self {
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .bool(let b): return .int(b ? 1 : 0)
        default: return nil
        }
    }

    func isEqual(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.string(let a), .string(let b)), (.string(let a), .safe(let b)),
            (.safe(let a), .string(let b)), (.safe(let a), .safe(let b)):
            return a == b
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for i in a.indices where !a[i].isEqual(to: b[i]) { return false }
            return true
        case (.dictionary(let a), .dictionary(let b)):
            guard a.count == b.count else { return false }
            for i in a.keys.indices {
                guard let v = b[a.keys[i]], v.isEqual(to: a.values[i]) else { return false }
            }
            return true
        case (.object(let a), .object(let b)):
            let names = a.fieldNames
            guard names == b.fieldNames else { return false }
            for n in names where !(a.field(n) ?? .none).isEqual(to: b.field(n) ?? .none) { return false }
            return true
        default:
            if let x = number, let y = other.number {
                switch (x, y) {
                case (.int(let a), .int(let b)): return a == b
                default: return x.asDouble == y.asDouble
                }
            }
            return false
        }
    }

    /// -1, 0 or 1; throws for kinds Python cannot order.
    func compare(to other: Value) throws -> Int {
        switch (self, other) {
        case (.string(let a), .string(let b)), (.string(let a), .safe(let b)),
            (.safe(let a), .string(let b)), (.safe(let a), .safe(let b)):
            return compareScalars(a, b)
        case (.array(let a), .array(let b)):
            for i in 0..<min(a.count, b.count) {
                let c = try a[i].compare(to: b[i])
                if c != 0 { return c }
            }
            return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
        default:
            if let x = number, let y = other.number {
                switch (x, y) {
                case (.int(let a), .int(let b)): return a < b ? -1 : (a > b ? 1 : 0)
                default:
                    let a = x.asDouble, b = y.asDouble
                    return a < b ? -1 : (a > b ? 1 : 0)
                }
            }
            throw RenderFailure("cannot compare \(typeName) with \(other.typeName)")
        }
    }
}

/// Orders by code point, as Python does (Swift's own `<` orders by normalised form).
func compareScalars(_ a: String, _ b: String) -> Int {
    var i = a.unicodeScalars.makeIterator()
    var j = b.unicodeScalars.makeIterator()
    while true {
        switch (i.next(), j.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?):
            if x.value != y.value { return x.value < y.value ? -1 : 1 }
        }
    }
}
