/// The name of a translation file: the original's name with a language code before `.md`
/// (`tas-anyaman.en.md` beside `tas-anyaman.md`). Slugs have no dots, so no original's name
/// reads as one.
struct TranslationName: Sendable, Hashable {
    /// The original's name without `.md`, and the language, lower case.
    let base: String
    let language: String

    init?(_ fileName: String) {
        guard fileName.hasSuffix(".md") else { return nil }
        let stem = fileName.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), dot != stem.startIndex else { return nil }
        let code = stem[stem.index(after: dot)...]
        // Two or three letters, as ISO 639 codes are.
        guard (2...3).contains(code.utf8.count), code.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
        base = String(stem[..<dot])
        language = code.lowercased()
    }

    /// The original's path, beside the translation's: `content/products/tas.en.md` → `content/products/tas.md`.
    func originalPath(besides path: String) -> String {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return (folder.isEmpty ? "" : folder + "/") + base + ".md"
    }
}
