// `json` (also `tojson`): HTML-safe JSON, so the output can sit inside `<script>` or an attribute.

let structureFilters: [String: BuiltinFilter] = [
    "json": jsonFilter, "tojson": jsonFilter,
]

private let jsonFilter: BuiltinFilter = { v, a, _ in
    try a.check(max: 1, names: ["indent"])
    var indent: String? = nil
    switch a.value(at: 0, named: "indent") {
    case .int(let n)?: indent = String(repeating: " ", count: max(0, min(n, 100)))
    case .string(let s)?: indent = s
    case nil, .none?: indent = nil
    case let other?: throw FilterError("indent must be an integer or a string, not \(other.typeName)")
    }
    var out = ""
    try writeJSON(v, indent: indent, level: 0, into: &out, depth: 0)
    return .safe(out)
}

/// Python's `json.dumps` layout: `,`/`:` when compact, `,`+newline and `: ` when indented.
func writeJSON(_ value: Value, indent: String?, level: Int, into out: inout String, depth: Int) throws {
    guard depth < 200 else { throw FilterError("value nested too deeply for JSON") }
    func newline(_ level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }
    switch value {
    case .none: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d):
        if d.isNaN { out += "NaN" } else if d.isInfinite { out += d < 0 ? "-Infinity" : "Infinity" } else {
            out += formatDouble(d)
        }
    case .string(let s), .safe(let s):
        out += "\""
        out += escapeJSONString(s)
        out += "\""
    case .array(let items):
        if items.isEmpty {
            out += "[]"
            return
        }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            newline(level + 1)
            try writeJSON(item, indent: indent, level: level + 1, into: &out, depth: depth + 1)
        }
        newline(level)
        out += "]"
    case .dictionary(let m):
        try writeJSONObject(m.keys.indices.map { (m.keys[$0], m.values[$0]) }, indent: indent, level: level, into: &out, depth: depth)
    case .object(let o):
        if let g = o as? GroupTuple {
            try writeJSON(.array(g.pair), indent: indent, level: level, into: &out, depth: depth)
            return
        }
        try writeJSONObject(o.fieldNames.map { ($0, o.field($0) ?? .none) }, indent: indent, level: level, into: &out, depth: depth)
    case .callable(let c):
        throw FilterError("function '\(c.name)' cannot be written as JSON")
    }
}

private func writeJSONObject(_ pairs: [(String, Value)], indent: String?, level: Int, into out: inout String, depth: Int) throws {
    if pairs.isEmpty {
        out += "{}"
        return
    }
    func newline(_ level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }
    out += "{"
    for (i, (k, v)) in pairs.enumerated() {
        if i > 0 { out += "," }
        newline(level + 1)
        out += "\""
        out += escapeJSONString(k)
        out += indent == nil ? "\":" : "\": "
        try writeJSON(v, indent: indent, level: level + 1, into: &out, depth: depth + 1)
    }
    newline(level)
    out += "}"
}
