/// Values written into new front matter, so what `lapak new` writes reads back exactly.
enum YAMLText {
    /// A double-quoted YAML scalar: any title, even one with `:`, `#`, quotes or a leading `*`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// Line breaks, tabs and other control characters become single spaces; a title is one line.
    static func singleLine(_ text: String) -> String {
        text.unicodeScalars.split { $0.properties.generalCategory == .control || $0.properties.isWhitespace }
            .map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }
}
