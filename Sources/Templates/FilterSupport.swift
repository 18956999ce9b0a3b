// Helpers shared by the built-in filters.

/// Applies a string transformation; markup stays markup, as with markupsafe's string methods.
func mapText(_ value: Value, _ transform: (String) -> String) -> Value {
    switch value {
    case .safe(let s): return .safe(transform(s))
    default: return .string(transform(value.text))
    }
}

/// The items of anything a filter can walk over.
func elements(of value: Value) throws -> [Value] {
    switch value {
    case .array(let a): return a
    case .dictionary(let m): return m.keys.map { .string($0) }
    case .string(let s), .safe(let s): return s.unicodeScalars.map { .string(String($0)) }
    case .object(let o):
        if let g = o as? GroupTuple { return g.pair }
        return o.fieldNames.map { .string($0) }
    default: throw FilterError("\(value.typeName) is not iterable")
    }
}

/// Looks up `attribute` in `value`: dotted paths (`author.name`) and integer parts index lists.
func lookupPath(_ value: Value, _ path: String) -> Value? {
    var current = value
    for part in path.split(separator: ".", omittingEmptySubsequences: false) {
        let key = String(part)
        switch current {
        case .dictionary(let m):
            guard let v = m[key] else { return nil }
            current = v
        case .object(let o):
            if let i = Int(key), let g = o as? GroupTuple {
                guard i >= 0 && i < 2 else { return nil }
                current = g.pair[i]
            } else {
                guard let v = o.field(key) else { return nil }
                current = v
            }
        case .array(let a):
            guard let i = Int(key), i >= -a.count, i < a.count else { return nil }
            current = a[i < 0 ? a.count + i : i]
        default:
            return nil
        }
    }
    return current
}

/// Jinja2's `make_attrgetter`: a function reading `attribute` (comma-separated for several).
func attributeGetter(_ attribute: Value?, default fallback: Value? = nil, lowercase: Bool = false) throws -> (Value) throws -> Value {
    let fold: (Value) -> Value = lowercase ? { v in foldCase(v) } : { v in v }
    guard let attribute, !attribute.isNone else { return { (v: Value) throws -> Value in fold(v) } }
    let paths: [String]
    switch attribute {
    case .int(let i): paths = [String(i)]
    case .string(let s), .safe(let s): paths = s.split(separator: ",").map { String($0) }
    default: throw FilterError("attribute must be a string or an integer")
    }
    if paths.count == 1 {
        let path = paths[0]
        return { item in
            guard let v = lookupPath(item, path) ?? fallback else {
                throw FilterError("\(item.typeName) has no attribute '\(path)'")
            }
            return fold(v)
        }
    }
    return { item in
        var parts: [Value] = []
        for path in paths {
            guard let v = lookupPath(item, path) ?? fallback else {
                throw FilterError("\(item.typeName) has no attribute '\(path)'")
            }
            parts.append(fold(v))
        }
        return .array(parts)
    }
}

/// Jinja2's `ignore_case`: strings compare lower-cased when not case-sensitive.
func foldCase(_ value: Value) -> Value {
    switch value {
    case .string(let s), .safe(let s): return .string(s.lowercased())
    default: return value
    }
}

/// A stable sort that reports incomparable items instead of trapping.
func stableSorted(_ items: [Value], key: (Value) throws -> Value, reverse: Bool) throws -> [Value] {
    var keyed: [(Value, Value, Int)] = []
    keyed.reserveCapacity(items.count)
    for (i, item) in items.enumerated() { keyed.append((try key(item), item, i)) }
    var failure: (any Error)? = nil
    keyed.sort { a, b in
        if failure != nil { return a.2 < b.2 }
        do {
            let c = try a.0.compare(to: b.0)
            if c != 0 { return reverse ? c > 0 : c < 0 }
        } catch {
            failure = error
        }
        return a.2 < b.2
    }
    if let failure { throw failure }
    return keyed.map { $0.1 }
}

/// Counts Unicode scalars, as Python's `len` counts code points.
func scalarCount(_ s: String) -> Int { s.unicodeScalars.count }

func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true
    default:
        return false
    }
}

func pythonStrip(_ s: String, chars: String? = nil, leading: Bool = true, trailing: Bool = true) -> String {
    let scalars = Array(s.unicodeScalars)
    let set = chars.map { Set($0.unicodeScalars) }
    func strip(_ c: Unicode.Scalar) -> Bool { set?.contains(c) ?? isPythonSpace(c) }
    var start = 0
    var end = scalars.count
    if leading { while start < end && strip(scalars[start]) { start += 1 } }
    if trailing { while end > start && strip(scalars[end - 1]) { end -= 1 } }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[start..<end])
    return String(out)
}

/// Python's `str.split()` without a separator: runs of whitespace split, ends ignored.
func pythonSplitWhitespace(_ s: String) -> [String] {
    var parts: [String] = []
    var current = String.UnicodeScalarView()
    for c in s.unicodeScalars {
        if isPythonSpace(c) {
            if !current.isEmpty {
                parts.append(String(current))
                current = String.UnicodeScalarView()
            }
        } else {
            current.append(c)
        }
    }
    if !current.isEmpty { parts.append(String(current)) }
    return parts
}

/// Python's `str.replace`, including the empty-pattern case.
func pythonReplace(_ s: String, _ old: String, _ new: String, count: Int = -1) -> String {
    if count == 0 { return s }
    if old.isEmpty {
        var out = ""
        var done = 0
        for c in s.unicodeScalars {
            if count < 0 || done < count {
                out += new
                done += 1
            }
            out.unicodeScalars.append(c)
        }
        if count < 0 || done < count { out += new }
        return out
    }
    let source = Array(s.utf8)
    let pattern = Array(old.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(source.count)
    var i = 0
    var done = 0
    while i < source.count {
        if (count < 0 || done < count) && i + pattern.count <= source.count && source[i] == pattern[0]
            && Array(source[i..<i + pattern.count]) == pattern
        {
            out.append(contentsOf: new.utf8)
            i += pattern.count
            done += 1
        } else {
            out.append(source[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}
