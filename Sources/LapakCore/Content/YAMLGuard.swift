import Yams

/// Front matter is data, not a program: anchors and aliases (the "billion laughs" bomb) and tags
/// (`!!python/object`, `!foo`) are refused before Yams reads the text, by a scan that costs one
/// pass over it.
enum YAMLGuard {
    enum Indicator {
        case anchor, alias, tag

        var problem: Problem { self == .tag ? .yamlTagNotAllowed : .yamlAliasesNotAllowed }
    }

    /// The first `&anchor`, `*alias` or `!tag` where YAML would read one (at the start of a
    /// node, outside quotes, comments and block scalars), as a YAML-relative mark.
    ///
    /// Where the scan cannot be sure (the continuation line of a long unquoted text that starts
    /// with `*`), it refuses: quoting the text is always the way out.
    static func firstRefusedIndicator(_ yaml: String) -> (line: Int, column: Int, indicator: Indicator)? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var lineNumber = 0
        var quote: UInt8?
        var flowDepth = 0
        var blockScalarIndent: Int?
        var yaml = yaml
        return yaml.withUTF8 { text -> (line: Int, column: Int, indicator: Indicator)? in
            var lineStart = 0
            // Line by line over the one buffer: no array per line.
            while lineStart <= text.count {
                var lineEnd = lineStart
                while lineEnd < text.count && text[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                let bytes = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
                var indent = 0
                while indent < bytes.count && bytes[indent] == space { indent += 1 }
                if let parent = blockScalarIndent {
                    if indent == bytes.count || indent > parent { continue }
                    blockScalarIndent = nil
                }
                var atNodeStart = quote == nil
                var previous = space
                var i = 0
                scan: while i < bytes.count {
                    let c = bytes[i]
                    if let open = quote {
                        if open == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") {
                            i += 2
                            continue
                        }
                        if c == open {
                            if open == UInt8(ascii: "'") && i + 1 < bytes.count && bytes[i + 1] == open {
                                i += 2
                                continue
                            }
                            quote = nil
                        }
                        previous = c
                        i += 1
                        continue
                    }
                    let next = i + 1 < bytes.count ? bytes[i + 1] : space
                    let endsIndicator = next == space || next == tab
                        || (flowDepth > 0 && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == UInt8(ascii: "}")))
                    if c == space || c == tab {
                        previous = c
                        i += 1
                        continue
                    }
                    if c == UInt8(ascii: "#") && (previous == space || previous == tab) { break scan }
                    if atNodeStart {
                        switch c {
                        case UInt8(ascii: "&"): return (lineNumber, i + 1, .anchor)
                        case UInt8(ascii: "*"): return (lineNumber, i + 1, .alias)
                        case UInt8(ascii: "!"): return (lineNumber, i + 1, .tag)
                        case UInt8(ascii: "\""), UInt8(ascii: "'"):
                            quote = c
                            atNodeStart = false
                        case UInt8(ascii: "|"), UInt8(ascii: ">"):
                            // A block scalar: its lines are text, whatever they start with.
                            blockScalarIndent = indent
                            break scan
                        case UInt8(ascii: "["), UInt8(ascii: "{"):
                            flowDepth += 1
                        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                            if !endsIndicator { atNodeStart = false }
                        case UInt8(ascii: ","):
                            break
                        case UInt8(ascii: "]"), UInt8(ascii: "}"):
                            flowDepth = max(0, flowDepth - 1)
                            atNodeStart = false
                        default:
                            atNodeStart = false
                        }
                    } else if c == UInt8(ascii: ":") && endsIndicator {
                        atNodeStart = true
                    } else if flowDepth > 0 {
                        switch c {
                        case UInt8(ascii: ","): atNodeStart = true
                        case UInt8(ascii: "["), UInt8(ascii: "{"):
                            flowDepth += 1
                            atNodeStart = true
                        case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth -= 1
                        default: break
                        }
                    }
                    previous = c
                    i += 1
                }
            }
            return nil
        }
    }

    /// Where the first refused indicator stands, whichever kind: for callers that only need to
    /// know whether the text may be composed at all.
    static func firstAnchorOrAlias(_ yaml: String) -> (line: Int, column: Int)? {
        firstRefusedIndicator(yaml).map { ($0.line, $0.column) }
    }

    /// Tags that only the standard schema uses; anything else (the scan is the first line of
    /// defence, this the second) is refused after composing.
    static let standardTags: Set<String> = [
        "", "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
    ]

    /// The mark of the first node with a tag outside the standard schema.
    static func firstCustomTag(_ node: Node) -> Mark? {
        if !standardTags.contains(node.tag.rawValue) { return node.mark }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let mark = firstCustomTag(key) ?? firstCustomTag(value) { return mark }
            }
        case .sequence(let sequence):
            for item in sequence {
                if let mark = firstCustomTag(item) { return mark }
            }
        default:
            break
        }
        return nil
    }

    /// Where `key` is written again after the mapping entry at `first`: Yams points at the first
    /// of two equal keys, but the mistake is the second.
    static func repeatedKey(_ key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index]
            let column = line.unicodeScalars.prefix { $0 == " " || $0 == "-" }.count
            guard column + 1 == first.column else { continue }
            let rest = line.dropFirst(column)
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    return (index + 1, column + 1)
                }
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
            let key = duplicates.first ?? "?"
            if let second = YAMLGuard.repeatedKey(key, after: context.mark, in: context.text) {
                return .error(.duplicateKey(field: key),
                              at: SourceLocation(file: file, line: second.line + lineOffset - 1, column: second.column))
            }
            return .error(.duplicateKey(field: key), at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error(.yamlSyntax(detail: problem), at: at(nil))
        default:
            return .error(.yamlSyntax(detail: "\(error)"), at: at(nil))
        }
    }
}
