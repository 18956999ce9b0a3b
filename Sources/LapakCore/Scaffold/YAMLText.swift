/// Values written into front matter, so what `lapak new` and the editor write reads back exactly.
enum YAMLText {
    /// A double-quoted YAML scalar: any text, even one with `:`, `#`, quotes, a leading `*` or a
    /// line break, which is written as an escape so the value stays on its line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                // Other control characters, YAML's own line breaks (NEL, U+2028, U+2029) and a
                // stray byte order mark: as escapes, which YAML reads back as the same character.
                if scalar.properties.generalCategory == .control || [0x85, 0x2028, 0x2029, 0xFEFF].contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The value as a person would write it: plain when that reads back as the same text
    /// (`85000`, `tas-anyaman`, `Kopi Bubuk`), otherwise quoted.
    static func scalar(_ text: String, preferPlain: Bool) -> String {
        preferPlain && isSafePlain(text) ? text : quoted(text)
    }

    /// Letters, digits, spaces and a few marks, starting with a letter or digit, never `:` or `#`
    /// and never a word YAML reads as "empty": such a text means the same without quotes.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isAlphabetic || ("0"..."9").contains(first),
              !last.properties.isWhitespace,
              !["null", "Null", "NULL"].contains(text) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar == " " || "-_.,/()+&'!?%".unicodeScalars.contains(scalar) || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil && scalar.isASCII
        }
    }

    /// Line breaks, tabs and other control characters become single spaces; a title is one line.
    static func singleLine(_ text: String) -> String {
        text.unicodeScalars.split { $0.properties.generalCategory == .control || $0.properties.isWhitespace }
            .map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }
}
