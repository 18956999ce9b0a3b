// Filters on lists and mappings, with Jinja2's semantics.

let sequenceFilters: [String: BuiltinFilter] = [
    "length": lengthFilter, "count": lengthFilter,
    "join": { v, a, _ in
        try a.check(max: 2, names: ["d", "attribute"])
        let separator = a.value(at: 0, named: "d") ?? .string("")
        var items = try elements(of: v)
        if let attribute = a.value(at: 1, named: "attribute") {
            let get = try attributeGetter(attribute)
            items = try items.map(get)
        }
        // Markup anywhere makes the result markup, with the plain parts escaped.
        if separator.isSafe || items.contains(where: \.isSafe) {
            let sep = separator.isSafe ? separator.text : escapeHTML(separator.text)
            return .safe(items.map { $0.isSafe ? $0.text : escapeHTML($0.text) }.joined(separator: sep))
        }
        return .string(items.map(\.text).joined(separator: separator.text))
    },
    "first": { v, a, _ in
        try a.check(max: 0, names: [])
        return try elements(of: v).first ?? .undefined("the sequence is empty: it has no first item")
    },
    "last": { v, a, _ in
        try a.check(max: 0, names: [])
        return try elements(of: v).last ?? .undefined("the sequence is empty: it has no last item")
    },
    "reverse": { v, a, _ in
        try a.check(max: 0, names: [])
        switch v {
        case .string(let s): return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
        case .safe(let s): return .safe(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
        default: return .array(try elements(of: v).reversed())
        }
    },
    "sort": { v, a, _ in
        try a.check(max: 3, names: ["reverse", "case_sensitive", "attribute"])
        let reverse = a.bool(at: 0, named: "reverse", default: false)
        let caseSensitive = a.bool(at: 1, named: "case_sensitive", default: false)
        let key = try attributeGetter(a.value(at: 2, named: "attribute"), lowercase: !caseSensitive)
        return .array(try stableSorted(try elements(of: v), key: key, reverse: reverse))
    },
    "dictsort": { v, a, _ in
        try a.check(max: 3, names: ["case_sensitive", "by", "reverse"])
        let caseSensitive = a.bool(at: 0, named: "case_sensitive", default: false)
        let by = try a.string(at: 1, named: "by", default: "key")
        let reverse = a.bool(at: 2, named: "reverse", default: false)
        guard by == "key" || by == "value" else { throw FilterError("you can only sort by either 'key' or 'value'") }
        let pairs = try itemPairs(v)
        let index = by == "key" ? 0 : 1
        return .array(
            try stableSorted(
                pairs,
                key: { pair in
                    guard case .array(let p) = pair else { return pair }
                    return caseSensitive ? p[index] : foldCase(p[index])
                }, reverse: reverse))
    },
    "unique": { v, a, _ in
        try a.check(max: 2, names: ["case_sensitive", "attribute"])
        let caseSensitive = a.bool(at: 0, named: "case_sensitive", default: false)
        let key = try attributeGetter(a.value(at: 1, named: "attribute"), lowercase: !caseSensitive)
        var seen: [Value] = []
        var out: [Value] = []
        for item in try elements(of: v) {
            let k = try key(item)
            if !seen.contains(where: { $0.isEqual(to: k) }) {
                seen.append(k)
                out.append(item)
            }
        }
        return .array(out)
    },
    "min": { v, a, _ in try extreme(v, a, wantMax: false) },
    "max": { v, a, _ in try extreme(v, a, wantMax: true) },
    "sum": { v, a, _ in
        try a.check(max: 2, names: ["attribute", "start"])
        var total = a.value(at: 1, named: "start") ?? .int(0)
        let get = try attributeGetter(a.value(at: 0, named: "attribute"))
        for item in try elements(of: v) {
            do {
                total = try arithmetic(.add, total, try get(item))
            } catch let e as RenderFailure {
                throw FilterError(e.message)
            }
        }
        return total
    },
    "map": { v, a, context in
        let items = try elements(of: v)
        if let name = a.positional.first {
            guard let filterName = name.stringValue else { throw FilterError("map needs a filter name") }
            let filter = try context.filter(named: filterName)
            let rest = Arguments(positional: Array(a.positional.dropFirst()), keyword: a.keyword)
            return .array(try items.map { try context.registry.apply(filter, $0, rest) })
        }
        try a.check(max: 0, names: ["attribute", "default"])
        // Without a default, an item lacking the attribute maps to an undefined value, as in Jinja2.
        let missing = Value.undefined("an item has no attribute '\(a.keyword["attribute"]?.text ?? "")'")
        let get = try attributeGetter(a.keyword["attribute"], default: a.keyword["default"] ?? missing)
        return .array(try items.map(get))
    },
    "select": { v, a, c in try selectItems(v, a, c, attribute: false, keep: true) },
    "reject": { v, a, c in try selectItems(v, a, c, attribute: false, keep: false) },
    "selectattr": { v, a, c in try selectItems(v, a, c, attribute: true, keep: true) },
    "rejectattr": { v, a, c in try selectItems(v, a, c, attribute: true, keep: false) },
    "groupby": { v, a, _ in
        try a.check(max: 3, names: ["attribute", "default", "case_sensitive"])
        guard let attribute = a.value(at: 0, named: "attribute") else { throw FilterError("groupby needs an attribute") }
        let fallback = a.value(at: 1, named: "default")
        let caseSensitive = a.bool(at: 2, named: "case_sensitive", default: false)
        let key = try attributeGetter(attribute, default: fallback, lowercase: !caseSensitive)
        let original = try attributeGetter(attribute, default: fallback)
        let sorted = try stableSorted(try elements(of: v), key: key, reverse: false)
        var groups: [Value] = []
        var currentKey: Value? = nil
        var members: [Value] = []
        func flush() throws {
            guard let first = members.first else { return }
            groups.append(.object(GroupTuple(grouper: try original(first), list: members)))
        }
        for item in sorted {
            let k = try key(item)
            if let c = currentKey, c.isEqual(to: k) {
                members.append(item)
            } else {
                try flush()
                currentKey = k
                members = [item]
            }
        }
        try flush()
        return .array(groups)
    },
    "batch": { v, a, _ in
        try a.check(max: 2, names: ["linecount", "fill_with"])
        let size = try a.int(at: 0, named: "linecount") ?? 0
        guard size > 0 else { throw FilterError("batch size must be positive") }
        let fill = a.value(at: 1, named: "fill_with")
        var out: [Value] = []
        var current: [Value] = []
        for item in try elements(of: v) {
            if current.count == size {
                out.append(.array(current))
                current = []
            }
            current.append(item)
        }
        if !current.isEmpty {
            if let fill, !fill.isNone, current.count < size {
                current += Array(repeating: fill, count: size - current.count)
            }
            out.append(.array(current))
        }
        return .array(out)
    },
    "slice": { v, a, _ in
        try a.check(max: 2, names: ["slices", "fill_with"])
        let slices = try a.int(at: 0, named: "slices") ?? 0
        guard slices > 0 && slices <= 100_000 else { throw FilterError("number of slices must be between 1 and 100000") }
        let fill = a.value(at: 1, named: "fill_with")
        let seq = try elements(of: v)
        let perSlice = seq.count / slices
        let withExtra = seq.count % slices
        var offset = 0
        var out: [Value] = []
        for number in 0..<slices {
            let start = offset + number * perSlice
            if number < withExtra { offset += 1 }
            let end = offset + (number + 1) * perSlice
            var part = Array(seq[start..<end])
            if let fill, !fill.isNone, number >= withExtra { part.append(fill) }
            out.append(.array(part))
        }
        return .array(out)
    },
    "items": { v, a, _ in
        try a.check(max: 0, names: [])
        if v.isNone { return .array([]) }
        return .array(try itemPairs(v))
    },
    "list": { v, a, _ in
        try a.check(max: 0, names: [])
        return .array(try elements(of: v))
    },
    "attr": { v, a, _ in
        try a.check(max: 1, names: ["name"])
        guard let name = try a.string(at: 0, named: "name") else { throw FilterError("attr needs a name") }
        switch v {
        case .dictionary(let m): return m[name] ?? .undefined("\(v.typeName) has no attribute '\(name)'")
        case .object(let o): return o.field(name) ?? .undefined("\(v.typeName) has no attribute '\(name)'")
        default: return .undefined("\(v.typeName) has no attribute '\(name)'")
        }
    },
]

private let lengthFilter: BuiltinFilter = { v, a, _ in
    try a.check(max: 0, names: [])
    switch v {
    case .string(let s), .safe(let s): return .int(scalarCount(s))
    case .array(let items): return .int(items.count)
    case .dictionary(let m): return .int(m.count)
    case .object(let o): return .int(o is GroupTuple ? 2 : o.fieldNames.count)
    default: throw FilterError("\(v.typeName) has no length")
    }
}

/// (key, value) pairs of a mapping or object.
func itemPairs(_ v: Value) throws -> [Value] {
    switch v {
    case .dictionary(let m): return m.keys.indices.map { .array([.string(m.keys[$0]), m.values[$0]]) }
    case .object(let o): return o.fieldNames.map { .array([.string($0), o.field($0) ?? .none]) }
    default: throw FilterError("can only get items of a mapping, not \(v.typeName)")
    }
}

private func extreme(_ v: Value, _ a: Arguments, wantMax: Bool) throws -> Value {
    try a.check(max: 2, names: ["case_sensitive", "attribute"])
    let caseSensitive = a.bool(at: 0, named: "case_sensitive", default: false)
    let key = try attributeGetter(a.value(at: 1, named: "attribute"), lowercase: !caseSensitive)
    var best: (Value, Value)? = nil
    for item in try elements(of: v) {
        let k = try key(item)
        if let (bestKey, _) = best {
            let c = try k.compare(to: bestKey)
            if wantMax ? c > 0 : c < 0 { best = (k, item) }
        } else {
            best = (k, item)
        }
    }
    return best?.1 ?? .undefined("the sequence is empty: it has no \(wantMax ? "largest" : "smallest") item")
}

/// `select`, `reject`, `selectattr`, `rejectattr`.
private func selectItems(_ v: Value, _ a: Arguments, _ context: FilterContext, attribute: Bool, keep: Bool) throws -> Value {
    var positional = a.positional[...]
    var get: (Value) throws -> Value = { $0 }
    if attribute {
        guard let name = positional.popFirst() else { throw FilterError("missing attribute name") }
        let getter = try attributeGetter(name)
        get = { item in (try? getter(item)) ?? .none }
        if let path = name.stringValue {
            // An absent attribute is undefined: only `defined`/`undefined` tests see it as such.
            let missing = Value.undefined("an item has no attribute '\(path)'")
            get = { item in lookupPath(item, path) ?? missing }
            if let testName = positional.first?.stringValue, testName == "defined" || testName == "undefined" {
                let wantDefined = testName == "defined"
                return .array(try elements(of: v).filter { (lookupPath($0, path) != nil) == wantDefined ? keep : !keep })
            }
        }
    }
    var test: ((Value) throws -> Bool) = { value in
        // Whether a missing attribute is true cannot be said: Jinja2 (strict) refuses too.
        if let undefined = value.undefined, !undefined.silent { throw FilterError(undefined.reason) }
        return value.isTruthy
    }
    if let testValue = positional.popFirst() {
        guard let testName = testValue.stringValue else { throw FilterError("test name must be a string") }
        let body = try context.test(named: testName)
        let args = Arguments(positional: Array(positional), keyword: a.keyword)
        test = { try context.registry.apply(body, $0, args, name: testName) }
    }
    var out: [Value] = []
    for item in try elements(of: v) where try test(try get(item)) == keep {
        out.append(item)
    }
    return .array(out)
}
