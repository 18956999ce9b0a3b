/// Front matter is data, not a program: anchors and aliases (the "billion laughs" bomb) and tags
/// (`!!python/object`, `!foo`) are refused before the YAML is composed, by a scan that costs one
/// pass over it and points at the indicator; `YAMLComposer` refuses them again from libyaml's
/// events, as a second line of defence.
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
}
