/// Every producer id with its name, for when `lapak new` refuses a producer: the hint shows a
/// dozen ids, this shows them all, so the contributor can copy the right one.
public enum ProducerList {
    public static func text(sourceDirectory: String, language: Language) -> String? {
        let ids = self.ids(sourceDirectory: sourceDirectory)
        guard !ids.isEmpty else { return nil }
        let names = Dictionary((ContentLoader(sourceDirectory: sourceDirectory).load().content?.producers ?? []).map { ($0.id, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        let width = ids.map(\.count).max() ?? 0
        let lines = ids.map { id in
            "  " + id + (names[id].map { String(repeating: " ", count: width - id.count) + "  " + $0 } ?? "")
        }
        return (language == .id ? "Kelompok yang tersedia (--producer):" : "Known producers (--producer):") + "\n"
            + lines.joined(separator: "\n")
    }

    /// Producer ids are the file names in content/producers/, whether or not each file loads.
    static func ids(sourceDirectory: String) -> [String] {
        FileSystem.list(sourceDirectory + "/content/producers")
            .filter { !$0.isDirectory && $0.name.hasSuffix(".md") && !$0.name.hasPrefix(".") }
            .map { String($0.name.dropLast(3)) }
    }

    /// Whether a refusal concerns the producer, so the full list helps.
    public static func isAbout(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.location.file == "--producer" }
    }
}
