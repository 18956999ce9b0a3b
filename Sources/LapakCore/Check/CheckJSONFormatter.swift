import Templates

/// The report for editors and CI: a JSON array with one object per diagnostic, keys always in the
/// same order and diagnostics sorted by file and position, so two runs give the same bytes.
public struct CheckJSONFormatter: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func format(_ report: CheckReport) -> String {
        guard !report.entries.isEmpty else { return "[]\n" }
        let objects = report.entries.map { entry -> String in
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
            return "  {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func string(_ text: String) -> String { JSONText.quoted(text) }
}
