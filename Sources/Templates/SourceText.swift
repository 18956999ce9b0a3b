/// A template's source after newline normalisation, kept to turn byte offsets into positions.
///
/// Nodes store only a byte offset; lines and columns are worked out when an error needs them.
struct SourceText: Sendable {
    let bytes: [UInt8]

    /// Jinja2's defaults: `\r\n` and `\r` become `\n`, and one trailing newline is dropped.
    init(normalizing source: String) {
        var out: [UInt8] = []
        out.reserveCapacity(source.utf8.count)
        var previousCR = false
        for b in source.utf8 {
            if b == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if b == 0x0A && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(b)
        }
        if out.last == 0x0A { out.removeLast() }
        bytes = out
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset, and that line's text.
    func position(of offset: Int) -> (line: Int, column: Int, text: String) {
        let offset = max(0, min(offset, bytes.count))
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        var j = lineStart
        while j < offset {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        return (line, column, String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
    }

    func error(_ message: String, at offset: Int, in name: String, kind: TemplateError.Kind) -> TemplateError {
        let p = position(of: offset)
        return TemplateError(name: name, line: p.line, column: p.column, message: message, sourceLine: p.text, kind: kind)
    }
}
