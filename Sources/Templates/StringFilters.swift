// Filters on text, with Jinja2's semantics.

let stringFilters: [String: BuiltinFilter] = [
    "escape": escapeFilter, "e": escapeFilter,
    "forceescape": { v, a, _ in
        try a.check(max: 0, names: [])
        return .safe(escapeHTML(v.text))
    },
    "safe": { v, a, _ in
        try a.check(max: 0, names: [])
        if case .safe = v { return v }
        return .safe(v.text)
    },
    "string": { v, a, _ in
        try a.check(max: 0, names: [])
        if case .safe = v { return v }
        return .string(v.text)
    },
    "upper": { v, a, _ in
        try a.check(max: 0, names: [])
        return mapText(v, upper)
    },
    "lower": { v, a, _ in
        try a.check(max: 0, names: [])
        return mapText(v, lower)
    },
    "title": { v, a, _ in
        try a.check(max: 0, names: [])
        return mapText(v, titleCase)
    },
    "capitalize": { v, a, _ in
        try a.check(max: 0, names: [])
        return mapText(v, capitalized)
    },
    "trim": { v, a, _ in
        try a.check(max: 1, names: ["chars"])
        let chars = try a.string(at: 0, named: "chars")
        return mapText(v) { pythonStrip($0, chars: chars) }
    },
    "truncate": { v, a, _ in
        try a.check(max: 4, names: ["length", "killwords", "end", "leeway"])
        let length = try a.int(at: 0, named: "length", default: 255)
        let killwords = a.bool(at: 1, named: "killwords", default: false)
        let end = try a.string(at: 2, named: "end", default: "...")
        let leeway = try a.int(at: 3, named: "leeway", default: 5)
        return try mapTextThrowing(v) { try truncate($0, length: length, killwords: killwords, end: end, leeway: leeway) }
    },
    "wordcount": { v, a, _ in
        try a.check(max: 0, names: [])
        return .int(wordCount(v.text))
    },
    "replace": { v, a, _ in
        try a.check(max: 3, names: ["old", "new", "count"])
        guard let old = a.value(at: 0, named: "old"), let new = a.value(at: 1, named: "new") else {
            throw FilterError("replace needs the old and new text")
        }
        let count = try a.int(at: 2, named: "count", default: -1)
        if v.isSafe || old.isSafe || new.isSafe {
            let base = v.isSafe ? v.text : escapeHTML(v.text)
            let o = old.isSafe ? old.text : escapeHTML(old.text)
            let n = new.isSafe ? new.text : escapeHTML(new.text)
            return .safe(pythonReplace(base, o, n, count: count))
        }
        return .string(pythonReplace(v.text, old.text, new.text, count: count))
    },
    "striptags": { v, a, _ in
        try a.check(max: 0, names: [])
        return .string(stripTags(v.text))
    },
    "urlencode": { v, a, _ in
        try a.check(max: 0, names: [])
        return .string(try urlencode(v))
    },
    "center": { v, a, _ in
        try a.check(max: 1, names: ["width"])
        let width = try a.int(at: 0, named: "width", default: 80)
        return mapText(v) { center($0, width: width) }
    },
    "indent": { v, a, _ in
        try a.check(max: 3, names: ["width", "first", "blank"])
        let width: String
        switch a.value(at: 0, named: "width") {
        case .string(let s)?, .safe(let s)?: width = s
        case let other?: width = String(repeating: " ", count: max(0, min(try Arguments(positional: [other]).int(at: 0) ?? 4, 1000)))
        case nil: width = "    "
        }
        let first = a.bool(at: 1, named: "first", default: false)
        let blank = a.bool(at: 2, named: "blank", default: false)
        return mapText(v) { indent($0, with: width, first: first, blank: blank) }
    },
]

private let escapeFilter: BuiltinFilter = { v, a, _ in
    try a.check(max: 0, names: [])
    if case .safe = v { return v }
    return .safe(escapeHTML(v.text))
}

func mapTextThrowing(_ value: Value, _ transform: (String) throws -> String) throws -> Value {
    switch value {
    case .safe(let s): return .safe(try transform(s))
    default: return .string(try transform(value.text))
    }
}

/// Jinja2's `title`: each word starts upper-case, words split at whitespace, '-', and brackets.
func titleCase(_ s: String) -> String {
    var out = ""
    var atWordStart = true
    for c in s.unicodeScalars {
        if isPythonSpace(c) || c == "-" || c == "(" || c == "{" || c == "[" || c == "<" {
            out.unicodeScalars.append(c)
            atWordStart = true
        } else if atWordStart {
            out += String(c).uppercased()
            atWordStart = false
        } else {
            out += String(c).lowercased()
        }
    }
    return out
}

/// Jinja2's `truncate`, counting code points as Python does.
func truncate(_ s: String, length: Int, killwords: Bool, end: String, leeway: Int) throws -> String {
    let scalars = Array(s.unicodeScalars)
    let endCount = scalarCount(end)
    if length < endCount { throw FilterError("expected length >= \(endCount), got \(length)") }
    if leeway < 0 { throw FilterError("expected leeway >= 0, got \(leeway)") }
    if scalars.count <= length + leeway { return s }
    var head = String.UnicodeScalarView()
    head.append(contentsOf: scalars[0..<(length - endCount)])
    if killwords { return String(head) + end }
    var kept = Array(head)
    if let space = kept.lastIndex(of: " ") { kept.removeSubrange(space...) }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: kept)
    return String(out) + end
}

/// Counts runs of word characters, as Python's `\w+` does.
func wordCount(_ s: String) -> Int {
    var count = 0
    var inWord = false
    for c in s.unicodeScalars {
        let isWord = c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil
        if isWord && !inWord { count += 1 }
        inWord = isWord
    }
    return count
}

/// markupsafe's `striptags`: drops comments and tags, unescapes entities, collapses whitespace.
func stripTags(_ s: String) -> String {
    var bytes = Array(s.utf8)
    func removeSpans(open: [UInt8], close: [UInt8]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == open[0], i + open.count <= bytes.count, Array(bytes[i..<i + open.count]) == open {
                var j = i + open.count
                var found = false
                while j + close.count <= bytes.count {
                    if Array(bytes[j..<j + close.count]) == close {
                        found = true
                        break
                    }
                    j += 1
                }
                if found {
                    i = j + close.count
                    continue
                }
                out.append(contentsOf: bytes[i...])
                break
            }
            out.append(bytes[i])
            i += 1
        }
        bytes = out
    }
    removeSpans(open: Array("<!--".utf8), close: Array("-->".utf8))
    removeSpans(open: Array("<".utf8), close: Array(">".utf8))
    let collapsed = pythonSplitWhitespace(String(decoding: bytes, as: UTF8.self)).joined(separator: " ")
    return unescapeEntities(collapsed)
}

private let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
    "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    "laquo": "«", "raquo": "»", "middot": "·", "euro": "€", "times": "×", "deg": "°",
]

/// Replaces character references (`&amp;`, `&#39;`, `&#x27;`, common names) by their characters.
func unescapeEntities(_ s: String) -> String {
    guard s.contains("&") else { return s }
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
        if scalars[i] == "&", let semi = scalars[i...].prefix(34).firstIndex(of: ";") {
            var name = String.UnicodeScalarView()
            name.append(contentsOf: scalars[(i + 1)..<semi])
            let entity = String(name)
            var replacement: String? = namedEntities[entity]
            if entity.hasPrefix("#") {
                let digits = entity.dropFirst()
                let code = digits.hasPrefix("x") || digits.hasPrefix("X")
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                if let code, let scalar = Unicode.Scalar(code) { replacement = String(scalar) }
            }
            if let replacement {
                out.append(contentsOf: replacement.unicodeScalars)
                i = semi + 1
                continue
            }
        }
        out.append(scalars[i])
        i += 1
    }
    return String(out)
}

/// Percent-encodes UTF-8, keeping unreserved characters (and '/' outside query strings).
func urlQuote(_ s: String, forQuery: Bool) -> String {
    // Written as bytes and made a string once (appending to a string byte by byte costs
    // hundreds of instructions a byte); the result is ASCII.
    func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x41 + v - 10 }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for b in s.utf8 {
        let keep = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == 0x5F || b == 0x2E || b == 0x2D || b == 0x7E || (!forQuery && b == 0x2F)
        if keep {
            out.append(b)
        } else if forQuery && b == 0x20 {
            out.append(UInt8(ascii: "+"))
        } else {
            out.append(UInt8(ascii: "%"))
            out.append(hexDigit(b >> 4))
            out.append(hexDigit(b & 0x0F))
        }
    }
    return String(decoding: out, as: UTF8.self)
}

func urlencode(_ value: Value) throws -> String {
    switch value {
    case .string(let s), .safe(let s): return urlQuote(s, forQuery: false)
    case .dictionary(let m):
        return m.keys.indices.map { urlQuote(m.keys[$0], forQuery: true) + "=" + urlQuote(m.values[$0].text, forQuery: true) }
            .joined(separator: "&")
    case .array(let items):
        return try items.map { item in
            guard case .array(let pair) = item, pair.count == 2 else {
                throw FilterError("urlencode needs a string, a mapping or a list of pairs")
            }
            return urlQuote(pair[0].text, forQuery: true) + "=" + urlQuote(pair[1].text, forQuery: true)
        }.joined(separator: "&")
    default: return urlQuote(value.text, forQuery: false)
    }
}

func center(_ s: String, width: Int) -> String {
    let n = scalarCount(s)
    let width = min(width, 100_000)
    guard width > n else { return s }
    let total = width - n
    // Python's rule for where the odd extra space goes.
    let left = total / 2 + (total & width & 1)
    return String(repeating: " ", count: left) + s + String(repeating: " ", count: total - left)
}

func indent(_ s: String, with prefix: String, first: Bool, blank: Bool) -> String {
    let text = s + "\n"
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeLast()
    var out = ""
    for (i, line) in lines.enumerated() {
        if i > 0 { out += "\n" }
        if i == 0 ? first : (blank || !line.isEmpty) { out += prefix }
        out += line
    }
    return out
}
