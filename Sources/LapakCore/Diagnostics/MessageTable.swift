/// One language's words for every diagnostic, keyed by `Wording.key`. A table is one file in
/// `Messages/`; adding a language is adding a table and naming it in `MessageTable.for`.
public struct MessageTable: Sendable {
    public struct Message: Sendable {
        public let message: String
        public let hint: String?

        public init(_ message: String, hint: String?) {
            self.message = message
            self.hint = hint
        }
    }

    public let language: Language
    /// Between whole and tenth in a size (`1,5 MB` or `1.5 MB`).
    let decimalSeparator: Character
    public let entries: [String: Message]

    public static func `for`(_ language: Language) -> MessageTable {
        switch language {
        case .id: .indonesian
        case .en: .english
        }
    }

    /// The message and hint of `wording` in this language, placeholders filled.
    /// A key missing from the table is a defect the message-table tests catch; it still reads.
    public func text(_ wording: Wording) -> (message: String, hint: String?) {
        guard let entry = entries[wording.key] else { return (wording.key, nil) }
        return (fill(entry.message, wording.values), entry.hint.map { fill($0, wording.values) })
    }

    /// The names of the `{placeholders}` a text uses, for the tests.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private func fill(_ text: String, _ values: [String: MessageValue]) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { out += spell(value) } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private func spell(_ value: MessageValue) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number): return String(number)
        case .megabytes(let bytes):
            let tenths = (bytes * 10 + 524_288) / 1_048_576
            return "\(tenths / 10)\(decimalSeparator)\(tenths % 10)"
        case .names(let names): return names.map { "`\($0)`" }.joined(separator: ", ")
        case .choices(let suggestion, let known, let place):
            return choices(suggestion: suggestion, known: known, place: place)
        }
    }

    /// How many known names a hint lists before it says how many more there are.
    private static let namesShown = 12

    private func choices(suggestion: String?, known: [String], place: String) -> String {
        var hint = suggestion.map { text(Wording("choices.suggestion", ["name": .text($0)])).message + " " } ?? ""
        if known.isEmpty {
            hint += text(Wording("choices.none", ["place": .text(place)])).message
        } else {
            let shown = Array(known.prefix(Self.namesShown))
            let more = known.count > shown.count
                ? text(Wording("choices.more", ["count": .number(known.count - shown.count)])).message : ""
            hint += text(Wording("choices.known", ["names": .names(shown), "more": .text(more)])).message
        }
        return hint
    }
}
