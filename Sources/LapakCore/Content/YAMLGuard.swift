import Yams

/// Front matter is data, not a program: anchors and aliases (the "billion laughs" bomb) are
/// refused before Yams expands them.
enum YAMLGuard {
    /// The first `&anchor` or `*alias` outside quotes, as a YAML-relative mark.
    static func firstAnchorOrAlias(_ yaml: String) -> (line: Int, column: Int)? {
        var line = 1
        for text in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            var quote: UInt8?
            var previous: UInt8 = UInt8(ascii: " ")
            var beforePrevious: UInt8 = UInt8(ascii: " ")
            var column = 0
            var atValueStart = true
            for byte in text.utf8 {
                column += 1
                if let open = quote {
                    if byte == open { quote = nil }
                    previous = byte
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if atValueStart { quote = byte }
                case UInt8(ascii: "&"), UInt8(ascii: "*"):
                    if atValueStart { return (line, column) }
                default:
                    break
                }
                if byte == UInt8(ascii: "#") && (previous == UInt8(ascii: " ") || column == 1) { break }
                let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                if isSpace {
                    // A value starts after `key: `, `- `, and at the start of a line.
                    if previous == UInt8(ascii: ":") || (previous == UInt8(ascii: "-") && (beforePrevious == UInt8(ascii: " ") || column == 2)) {
                        atValueStart = true
                    }
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ",") {
                    atValueStart = true
                } else if byte != UInt8(ascii: "-") || !atValueStart {
                    atValueStart = false
                }
                beforePrevious = previous
                previous = byte
            }
        }
        return nil
    }
}

/// Turns a Yams error into a diagnostic at the right line of the content file.
enum YAMLErrors {
    static func diagnostic(_ error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: file, line: lineOffset) }
            return SourceLocation(file: file, line: mark.line + lineOffset - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return .error(.yamlSyntax(detail: detail), at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(.duplicateKey(field: duplicates.first ?? "?"), at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error(.yamlSyntax(detail: problem), at: at(nil))
        default:
            return .error(.yamlSyntax(detail: "\(error)"), at: at(nil))
        }
    }
}
