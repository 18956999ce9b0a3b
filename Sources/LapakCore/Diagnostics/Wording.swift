/// What a diagnostic says, before it is put in a language: the key of its entry in the message
/// tables and the values its placeholders take. Keys are the diagnostic's code, with a suffix
/// where one code has more than one wording (`unknown-field.suggested`).
public struct Wording: Sendable, Hashable {
    public let key: String
    public let values: [String: MessageValue]

    public init(_ key: String, _ values: [String: MessageValue] = [:]) {
        self.key = key
        self.values = values
    }
}

/// A placeholder's value. Most are text as written; the others are spelled per language.
public enum MessageValue: Sendable, Hashable {
    case text(String)
    case number(Int)
    /// A size in bytes, said in megabytes with one decimal (`1,5` in Indonesian, `1.5` in English).
    case megabytes(Int)
    /// Names in backticks, separated by commas.
    case names([String])
    /// What may be written instead: a suggestion if one is near, then the known names, or a word
    /// that there are none yet in `place`.
    case choices(suggestion: String?, known: [String], place: String)
}
