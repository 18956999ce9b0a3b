/// Writing a value in the modes the HTML context analysis chose: each one makes the value
/// inert where it lands, and a URL that would run or load something else is replaced.
extension Renderer {
    mutating func writeInContext(_ value: Value, mode: EscapeMode, at offset: Int) throws {
        if try isSilentUndefined(value, at: offset) { return }
        let trusted: Bool
        let text: String
        switch value {
        case .safe(let s): (trusted, text) = (true, s)
        case .string(let s): (trusted, text) = (false, s)
        case .int(let i): (trusted, text) = (true, String(i))
        default: (trusted, text) = (false, value.text)
        }
        switch mode {
        case .attribute:
            appendAttribute(text, trusted: trusted)
        case .url:
            guard trusted ? URLPolicy.allowsMarkup(text) : URLPolicy.allows(text) else {
                refuseURL(text, at: offset)
                return
            }
            appendAttribute(text, trusted: trusted)
        case .srcset(let candidateStart):
            // Every candidate the value begins: after each comma, and at its start if the
            // template's text put it at the start of one.
            guard SrcsetCheck.allows(text, trusted: trusted, candidateStart: candidateStart) else {
                refuseURL(text, at: offset)
                return
            }
            appendAttribute(text, trusted: trusted)
        case .tagNameDigits:
            guard !text.isEmpty, text.utf8.allSatisfy(isDigit) else {
                throw fail("only digits may continue an element name (as in <h{{ level }}>), not '\(text)'", at: offset, kind: .unsafeContext)
            }
            out.append(text)
        case .scriptJSONString:
            if trusted { appendScriptInert(text) } else { out.appendEscaped(text, mode: .jsonString) }
        case .scriptJSONValue:
            if case .safe = value {
                appendScriptInert(text)
            } else {
                do {
                    try writeJSON(value, indent: nil, level: 0, into: &out, depth: 0)
                } catch {
                    throw fail("cannot write this value as JSON: \(error)", at: offset)
                }
            }
        case .none, .html, .xml, .jsonString:
            if trusted { out.append(text) } else { out.appendEscaped(text, mode: mode) }
        }
    }

    /// Inside quotes: plain text is escaped; trusted markup only loses the quotes that would end
    /// the value early.
    private mutating func appendAttribute(_ text: String, trusted: Bool) {
        guard trusted else {
            out.appendEscaped(text, mode: .attribute)
            return
        }
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x27 }) else {
            out.append(text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append("&#34;")
            case 0x27: out.append("&#39;")
            default: out.bytes.append(byte)
            }
        }
    }

    /// Trusted text inside a JSON-LD script: JSON from the `json` filter has none of these
    /// outside its strings, and inside them the escapes mean the same characters; anything else
    /// can no longer end the script.
    private mutating func appendScriptInert(_ text: String) {
        var text = text
        // Runs without `<`, `>` or `&` (nearly all of a JSON-LD block) are copied in one go.
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "\\u003c"
                case UInt8(ascii: ">"): replacement = "\\u003e"
                case UInt8(ascii: "&"): replacement = "\\u0026"
                default: continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { out.append($0) }
                runStart = index + 1
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    private mutating func refuseURL(_ value: String, at offset: Int) {
        let p = template.source.position(of: offset)
        warnings.append(RenderWarning(kind: .unsafeURL, value: value, template: template.name, line: p.line, column: p.column))
        out.append(URLPolicy.inert)
    }
}
