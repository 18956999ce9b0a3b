/// A content file split into its YAML front matter and Markdown body, with the line
/// offsets needed to report problems at the right line of the original file.
struct FrontMatterSplit: Sendable {
    /// YAML text between the `---` lines (LF line endings).
    let yaml: String
    /// Line in the file where the YAML starts (1-based); YAML line N is file line `yamlFirstLine + N - 1`.
    let yamlFirstLine: Int
    /// Markdown body after the closing `---` line.
    let body: String
    /// Line in the file where the body starts.
    let bodyFirstLine: Int
    /// Byte offsets in the split text: where the YAML starts, where the closing `---` line
    /// starts, and where the body starts.
    var yamlStart = 0
    var closingFence = 0
    var bodyStart = 0

    enum Failure: Error, Equatable {
        case missingOpening
        case unclosed
    }

    /// Splits text that has already lost its BOM and CR characters.
    static func split(_ text: String) throws(Failure) -> FrontMatterSplit {
        var lines = text.utf8[...]
        guard let firstEnd = lines.firstIndex(of: UInt8(ascii: "\n")),
              isFence(text.utf8[lines.startIndex..<firstEnd]) else {
            throw .missingOpening
        }
        lines = text.utf8[text.utf8.index(after: firstEnd)...]
        let yamlStart = lines.startIndex
        var line = 2
        while !lines.isEmpty {
            let end = lines.firstIndex(of: UInt8(ascii: "\n")) ?? lines.endIndex
            if isFence(text.utf8[lines.startIndex..<end]) {
                let yaml = String(text[yamlStart..<lines.startIndex])
                let bodyStart = end == lines.endIndex ? end : text.utf8.index(after: end)
                let offsets = text.utf8
                return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2,
                                        body: String(text[bodyStart...]), bodyFirstLine: line + 1,
                                        yamlStart: offsets.distance(from: offsets.startIndex, to: yamlStart),
                                        closingFence: offsets.distance(from: offsets.startIndex, to: lines.startIndex),
                                        bodyStart: offsets.distance(from: offsets.startIndex, to: bodyStart))
            }
            line += 1
            lines = end == lines.endIndex ? lines[end...] : text.utf8[text.utf8.index(after: end)...]
        }
        throw .unclosed
    }

    /// `---` alone on its line (trailing spaces allowed), as Hugo and Jekyll accept.
    private static func isFence(_ line: String.UTF8View.SubSequence) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed = trimmed.dropLast()
        }
        return trimmed.elementsEqual("---".utf8)
    }
}

/// Removes a UTF-8 byte order mark and turns CRLF and lone CR into LF, keeping line numbers intact.
func normalizeNewlines(_ text: String) -> String {
    var text = text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    // The whole file is scanned, and almost never holds a CR.
    guard text.utf8Contains(UInt8(ascii: "\r")) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var previousWasCR = false
    for byte in text.utf8 {
        if byte == UInt8(ascii: "\r") {
            bytes.append(UInt8(ascii: "\n"))
            previousWasCR = true
            continue
        }
        if byte == UInt8(ascii: "\n") && previousWasCR { previousWasCR = false; continue }
        previousWasCR = false
        bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
}
