// The few Python methods templates commonly call: `mapping.items()`, `text.startswith("x")`, …

func hasMethod(_ value: Value, _ name: String) -> Bool {
    switch value {
    case .dictionary, .object: return ["items", "keys", "values", "get"].contains(name)
    case .string, .safe:
        return ["upper", "lower", "strip", "lstrip", "rstrip", "startswith", "endswith", "split", "replace", "title",
            "capitalize", "count", "find"].contains(name)
    default: return false
    }
}

func callMethod(_ value: Value, _ name: String, _ a: Arguments) throws -> Value {
    switch value {
    case .dictionary, .object:
        let pairs = try itemPairs(value)
        switch name {
        case "items":
            try a.check(max: 0, names: [])
            return .array(pairs)
        case "keys":
            try a.check(max: 0, names: [])
            return .array(pairs.map { if case .array(let p) = $0 { return p[0] } else { return .none } })
        case "values":
            try a.check(max: 0, names: [])
            return .array(pairs.map { if case .array(let p) = $0 { return p[1] } else { return .none } })
        default:
            try a.check(max: 2, names: [])
            guard let key = try a.string(at: 0) else { throw FilterError("get needs a key") }
            let found: Value?
            switch value {
            case .dictionary(let m): found = m[key]
            case .object(let o): found = o.field(key)
            default: found = nil
            }
            return found ?? a.value(at: 1) ?? .none
        }
    default:
        let s = value.text
        switch name {
        case "upper": return mapText(value, upper)
        case "lower": return mapText(value, lower)
        case "title": return mapText(value, titleCase)
        case "capitalize": return mapText(value, capitalized)
        case "strip", "lstrip", "rstrip":
            try a.check(max: 1, names: [])
            let chars = try a.string(at: 0)
            return mapText(value) { pythonStrip($0, chars: chars, leading: name != "rstrip", trailing: name != "lstrip") }
        case "startswith", "endswith":
            try a.check(max: 1, names: [])
            let candidates: [String]
            switch a.value(at: 0) {
            case .array(let items)?: candidates = items.compactMap(\.stringValue)
            case let v?: candidates = [v.text]
            case nil: throw FilterError("\(name) needs an argument")
            }
            return .bool(candidates.contains { name == "startswith" ? s.utf8.starts(with: $0.utf8) : s.utf8.reversed().starts(with: $0.utf8.reversed()) })
        case "split":
            try a.check(max: 2, names: ["sep", "maxsplit"])
            let maxSplit = try a.int(at: 1, named: "maxsplit", default: -1)
            guard let sep = try a.string(at: 0, named: "sep") else {
                return .array(pythonSplitWhitespace(s).map { .string($0) })
            }
            guard !sep.isEmpty else { throw FilterError("empty separator") }
            var parts: [Value] = []
            var rest = Substring(s)
            while maxSplit < 0 || parts.count < maxSplit, let r = rest.firstRange(of: sep) {
                parts.append(.string(String(rest[..<r.lowerBound])))
                rest = rest[r.upperBound...]
            }
            parts.append(.string(String(rest)))
            return .array(parts)
        case "replace":
            try a.check(max: 3, names: [])
            guard let old = try a.string(at: 0), let new = try a.string(at: 1) else { throw FilterError("replace needs two strings") }
            return mapText(value) { pythonReplace($0, old, new, count: (try? a.int(at: 2, default: -1)) ?? -1) }
        case "count":
            guard let needle = try a.string(at: 0), !needle.isEmpty else { throw FilterError("count needs a string") }
            return .int(s.ranges(of: needle).count)
        case "find":
            guard let needle = try a.string(at: 0) else { throw FilterError("find needs a string") }
            guard let r = s.firstRange(of: needle) else { return .int(-1) }
            return .int(s.unicodeScalars[..<r.lowerBound].count)
        default:
            throw FilterError("no method '\(name)'")
        }
    }
}
