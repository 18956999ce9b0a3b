/// Text put into a new Markdown body: punctuation escaped so a title such as `*Promo* [baru]`
/// reads as written instead of becoming emphasis or a link.
enum MarkdownText {
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isASCII, character.isPunctuation || character.isSymbol { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
