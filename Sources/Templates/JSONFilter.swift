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
    var out = OutputBuffer()
    try writeJSON(v, indent: indent, level: 0, into: &out, depth: 0)
    return .safe(out.string)
}

/// Python's `json.dumps` layout: `,`/`:` when compact, `,`+newline and `: ` when indented.
/// Written as bytes: JSON-LD on every page makes this one of the busiest paths of a build.
func writeJSON(_ value: Value, indent: String?, level: Int, into out: inout OutputBuffer, depth: Int) throws {
    guard depth < 200 else { throw FilterError("value nested too deeply for JSON") }
    switch value {
    case .none: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .int(let i): out.append(String(i))
    case .double(let d):
        if d.isNaN { out.append("NaN") } else if d.isInfinite { out.append(d < 0 ? "-Infinity" : "Infinity") } else {
            out.append(formatDouble(d))
        }
    case .string(let s), .safe(let s):
        out.bytes.append(0x22)
        out.appendEscaped(s, mode: .jsonString)
        out.bytes.append(0x22)
    case .array(let items):
        if items.isEmpty {
            out.append("[]")
            return
        }
        out.bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.bytes.append(UInt8(ascii: ",")) }
            jsonNewline(indent, level + 1, into: &out)
            try writeJSON(item, indent: indent, level: level + 1, into: &out, depth: depth + 1)
        }
        jsonNewline(indent, level, into: &out)
        out.bytes.append(UInt8(ascii: "]"))
    case .dictionary(let m):
        try writeJSONObject(count: m.keys.count, key: { m.keys[$0] }, value: { m.values[$0] },
                            indent: indent, level: level, into: &out, depth: depth)
    case .object(let o):
        if let g = o as? GroupTuple {
            try writeJSON(.array(g.pair), indent: indent, level: level, into: &out, depth: depth)
            return
        }
        let names = o.fieldNames
        try writeJSONObject(count: names.count, key: { names[$0] }, value: { o.field(names[$0]) ?? .none },
                            indent: indent, level: level, into: &out, depth: depth)
    case .callable(let c):
        throw FilterError("function '\(c.name)' cannot be written as JSON")
    }
}

private func jsonNewline(_ indent: String?, _ level: Int, into out: inout OutputBuffer) {
    guard let indent else { return }
    out.bytes.append(0x0A)
    for _ in 0..<level { out.append(indent) }
}

private func writeJSONObject(count: Int, key: (Int) -> String, value: (Int) -> Value, indent: String?, level: Int,
                             into out: inout OutputBuffer, depth: Int) throws {
    if count == 0 {
        out.append("{}")
        return
    }
    out.bytes.append(UInt8(ascii: "{"))
    for i in 0..<count {
        if i > 0 { out.bytes.append(UInt8(ascii: ",")) }
        jsonNewline(indent, level + 1, into: &out)
        out.bytes.append(0x22)
        out.appendEscaped(key(i), mode: .jsonString)
        out.append(indent == nil ? "\":" : "\": ")
        try writeJSON(value(i), indent: indent, level: level + 1, into: &out, depth: depth + 1)
    }
    jsonNewline(indent, level, into: &out)
    out.bytes.append(UInt8(ascii: "}"))
}
