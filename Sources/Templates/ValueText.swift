// How values turn into text, following Python's str() and repr() so output matches Jinja2.

extension Value {
    var typeName: String {
        switch self {
        case .none: return "none"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "float"
        case .string: return "string"
        case .safe: return "markup"
        case .array: return "list"
        case .dictionary: return "mapping"
        case .object: return "object"
        case .callable: return "function"
        }
    }

    var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s), .safe(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .dictionary(let m): return !m.isEmpty
        case .object(let o): return type(of: o) != UndefinedValue.self
        case .callable: return true
        }
    }

    var isSafe: Bool {
        if case .safe = self { return true }
        return false
    }

    /// Python's `str(value)`.
    var text: String {
        switch self {
        case .string(let s), .safe(let s): return s
        case .int(let i): return String(i)
        default:
            var out = ""
            writeText(into: &out)
            return out
        }
    }

    func writeText(into out: inout String) {
        switch self {
        case .none: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .double(let d): out += formatDouble(d)
        case .string(let s), .safe(let s): out += s
        case .array, .dictionary, .object: writeRepr(into: &out)
        case .callable(let c): out += "<function \(c.name)>"
        }
    }

    /// Python's `repr(value)`, as lists and mappings print their elements.
    func writeRepr(into out: inout String) {
        switch self {
        case .string(let s), .safe(let s): writePythonStringRepr(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.writeRepr(into: &out)
            }
            out += "]"
        case .dictionary(let m):
            out += "{"
            for i in m.keys.indices {
                if i > 0 { out += ", " }
                writePythonStringRepr(m.keys[i], into: &out)
                out += ": "
                m.values[i].writeRepr(into: &out)
            }
            out += "}"
        case .object(let o):
            if o is UndefinedValue {
                out += "Undefined"
                return
            }
            if let group = o as? GroupTuple {
                out += "("
                group.grouper.writeRepr(into: &out)
                out += ", "
                Value.array(group.list).writeRepr(into: &out)
                out += ")"
                return
            }
            out += "{"
            for (i, name) in o.fieldNames.enumerated() {
                if i > 0 { out += ", " }
                writePythonStringRepr(name, into: &out)
                out += ": "
                (o.field(name) ?? .none).writeRepr(into: &out)
            }
            out += "}"
        default: writeText(into: &out)
        }
    }
}

func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    // Swift's shortest round-trip form is the same as Python's repr for finite doubles.
    return d.description
}

private func writePythonStringRepr(_ s: String, into out: inout String) {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    out.append(quote)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(scalar) == quote {
                out += "\\"
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7f {
                out += "\\x" + hex2(UInt8(scalar.value))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out.append(quote)
}

func hex2(_ b: UInt8) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
}
