import Templates

/// The report for editors and CI: a JSON array with one object per diagnostic, keys always in the
/// same order and diagnostics sorted by file and position, so two runs give the same bytes.
public struct CheckJSONFormatter: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func format(_ report: CheckReport) -> String {
        var objects = report.entries.map { entry -> String in
            let d = entry.diagnostic
            var fields: [(String, String)] = [
                ("file", Self.string(d.location.file)),
                ("line", String(d.location.line)),
                ("column", String(d.location.column)),
                ("severity", Self.string(d.severity.rawValue)),
                ("code", Self.string(d.code)),
                ("message", Self.string(d.message(language))),
                ("hint", d.hint(language).map(Self.string) ?? "null"),
            ]
            // What Google's or Meta's rules say: the channels it concerns, and whether they would refuse the product.
            let channels = d.problem.channels
            if !channels.isEmpty {
                fields.insert(("channels", "[" + channels.map { Self.string($0.rawValue) }.joined(separator: ", ") + "]"), at: 5)
                fields.insert(("refused", d.problem.disapprovesForChannels ? "true" : "false"), at: 6)
            }
            return Self.object(fields)
        }
        // Files without a translation, as information after the diagnostics: severity "info",
        // which never fails a run.
        for (code, files) in report.untranslated {
            for file in files {
                objects.append(Self.object([
                    ("file", Self.string(file)), ("line", "0"), ("column", "0"), ("severity", Self.string("info")),
                    ("code", Self.string("untranslated")), ("language", Self.string(code)),
                    ("message", Self.string(language == .id ? "belum diterjemahkan ke `\(code)`" : "not yet translated into `\(code)`")),
                    ("hint", Self.string(language == .id
                        ? "Tulis terjemahannya di `\(Self.translationPath(of: file, language: code))`."
                        : "Write its translation in `\(Self.translationPath(of: file, language: code))`.")),
                ]))
            }
        }
        guard !objects.isEmpty else { return "[]\n" }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    private static func object(_ fields: [(String, String)]) -> String {
        "  {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// `content/products/tas.md` → `content/products/tas.en.md`.
    static func translationPath(of file: String, language: String) -> String {
        file.hasSuffix(".md") ? String(file.dropLast(3)) + ".\(language).md" : file
    }

    static func string(_ text: String) -> String { JSONText.quoted(text) }
}
