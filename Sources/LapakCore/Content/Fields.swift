
/// Typed, located access to one file's front matter.
///
/// Reading a field never throws: a problem becomes a diagnostic at the field's line, and the
/// reader returns nil so loading goes on and every problem of the file is reported at once.
struct Fields {
    let file: String
    private let pairs: [(key: String, keyMark: YAMLMark?, value: YAMLNode)]
    private let lineOffset: Int
    var diagnostics: [Diagnostic] = []
    private(set) var used: Set<String> = []

    init(file: String, mapping: YAMLNode.Mapping, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyMark: $0.key.mark, value: $0.value) }
    }

    var names: [String] { pairs.map(\.key) }

    func location(of field: String) -> SourceLocation {
        guard let pair = pairs.first(where: { $0.key == field }) else {
            return SourceLocation(file: file, line: max(lineOffset - 1, 1), column: 1)
        }
        return location(pair.keyMark)
    }

    func location(_ mark: YAMLMark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset - 1, column: mark.column)
    }

    mutating func report(_ problem: Problem, field: String, severity: Severity = .error) {
        diagnostics.append(Diagnostic(severity, problem, at: location(of: field)))
    }

    mutating func report(_ problem: Problem, at mark: YAMLMark?, severity: Severity = .error) {
        diagnostics.append(Diagnostic(severity, problem, at: location(mark)))
    }

    /// The raw node of a field, marking it as known. A `null` value counts as absent.
    mutating func node(_ field: String) -> YAMLNode? {
        used.insert(field)
        // By index: `first(where:)` would copy every pair it passes.
        guard let index = pairs.indices.first(where: { pairs[$0].key == field }) else { return nil }
        let node = pairs[index].value
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return node
    }

    // MARK: Typed readers

    mutating func text(_ field: String) -> String? {
        guard let node = node(field) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.notText(field: field), field: field)
            return nil
        }
        let value = scalar.string.trimmed
        // Phones and word processors turn "…" into “…”, which YAML keeps as part of the text.
        if let inner = TypographicQuotes.unwrapped(value) {
            diagnostics.append(.warning(.typographicQuotes(field: field, value: inner), at: location(scalar.mark)))
            return inner
        }
        return value
    }

    mutating func requiredText(_ field: String, example: String) -> String? {
        guard let value = text(field) else {
            if !diagnostics.contains(where: { $0.location == location(of: field) }) {
                report(.missingField(field: field, example: example), field: field)
            }
            return nil
        }
        if value.isEmpty {
            report(.emptyField(field: field, example: example), field: field)
            return nil
        }
        return value
    }

    mutating func wholeNumber(_ field: String, example: String) -> Int? {
        guard let node = node(field) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.notWholeNumber(field: field, value: "…", example: example), field: field)
            return nil
        }
        let raw = scalar.string.trimmed
        if let value = Int(raw), value >= 0, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            return value
        }
        if let grouped = Self.thousandsGrouped(raw) {
            report(.priceWithSeparators(field: field, value: raw, suggestion: String(grouped)), field: field)
        } else {
            report(.notWholeNumber(field: field, value: raw, example: example), field: field)
        }
        return nil
    }

    /// `85.000`, `85,000`, `Rp 85.000` and `Rp85.000,-`: the ways people write Rupiah by hand.
    static func thousandsGrouped(_ raw: String) -> Int? {
        var text = Substring(raw)
        if text.lowercased().hasPrefix("rp") { text = text.dropFirst(2) }
        text = Substring(text.trimmed)
        if text.hasSuffix(",-") { text = text.dropLast(2) }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        let commaGroups = text.split(separator: ",", omittingEmptySubsequences: false)
        for parts in [groups, commaGroups] where parts.count > 1 {
            guard let head = parts.first, (1...3).contains(head.count),
                  parts.dropFirst().allSatisfy({ $0.count == 3 }),
                  parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }) else { continue }
            return Int(parts.joined())
        }
        return nil
    }

    /// `true`, `yes`, `ya` and their opposites, in any case; nil for anything else.
    static func booleanValue(_ text: String) -> Bool? {
        switch text.trimmed.lowercased() {
        case "true", "yes", "ya": true
        case "false", "no", "tidak": false
        default: nil
        }
    }

    /// A boolean read ahead of its turn, without marking it used or reporting anything.
    func peekBoolean(_ field: String) -> Bool? {
        guard let pair = pairs.first(where: { $0.key == field }), case .scalar(let scalar) = pair.value else { return nil }
        return Self.booleanValue(scalar.string)
    }

    mutating func boolean(_ field: String) -> Bool? {
        guard let node = node(field) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.notBoolean(field: field, value: "…"), field: field)
            return nil
        }
        guard let value = Self.booleanValue(scalar.string) else {
            report(.notBoolean(field: field, value: scalar.string), field: field)
            return nil
        }
        return value
    }

    mutating func date(_ field: String) -> ContentDate? {
        guard let node = node(field) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.badDate(field: field, value: "…"), field: field)
            return nil
        }
        let raw = scalar.string.trimmed
        switch ContentDate.parse(raw) {
        case .success(let date): return date
        case .failure(.malformed): report(.badDate(field: field, value: raw), field: field)
        case .failure(.impossible): report(.impossibleDate(field: field, value: raw), field: field)
        }
        return nil
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func textList(_ field: String) -> [String] {
        guard let node = node(field) else { return [] }
        switch node {
        case .scalar(let scalar):
            return scalar.string.trimmed.isEmpty ? [] : [scalar.string.trimmed]
        case .sequence(let sequence):
            var out: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    report(.notText(field: field), at: item.mark)
                    continue
                }
                let value = scalar.string.trimmed
                if !value.isEmpty { out.append(value) }
            }
            return out
        default:
            report(.notList(field: field), field: field)
            return []
        }
    }

    /// Sequence items of a field, each with its mark, for structured lists (variants, images).
    mutating func sequence(_ field: String) -> [YAMLNode] {
        guard let node = node(field) else { return [] }
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar: return [node]
        default:
            report(.notList(field: field), field: field)
            return []
        }
    }

    mutating func mapping(_ field: String) -> [(key: String, value: YAMLNode, mark: YAMLMark?)] {
        guard let node = node(field) else { return [] }
        guard case .mapping(let mapping) = node else {
            report(.frontMatterNotMapping, field: field)
            return []
        }
        return mapping.map { (key: $0.key.string ?? "", value: $0.value, mark: $0.key.mark) }
    }

    /// Fields present in the file that no reader asked for.
    var unusedFields: [(name: String, location: SourceLocation)] {
        pairs.filter { !used.contains($0.key) }.map { ($0.key, location($0.keyMark)) }
    }
}

extension StringProtocol {
    /// Without leading and trailing white space. Most values have none: they are returned as they are.
    var trimmed: String {
        let string = String(self)
        if let first = string.utf8.first, let last = string.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return string
        }
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
