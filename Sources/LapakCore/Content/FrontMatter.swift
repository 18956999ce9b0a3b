#if canImport(Glibc)
import Glibc
#endif

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
        var text = text
        // Found on the bytes, line end to line end with memchr: the parts are cut at line
        // starts, which are always character boundaries.
        let found = text.withUTF8 { bytes -> Result<Fences, Failure> in
            guard let base = bytes.baseAddress else { return .failure(.missingOpening) }
            func lineEnd(from start: Int) -> Int {
                guard start < bytes.count, let newline = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
                return UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - base
            }
            let firstEnd = lineEnd(from: 0)
            guard firstEnd < bytes.count, isFence(bytes[0..<firstEnd]) else { return .failure(.missingOpening) }
            var lineStart = firstEnd + 1
            var line = 2
            while lineStart < bytes.count {
                let end = lineEnd(from: lineStart)
                if isFence(bytes[lineStart..<end]) {
                    return .success(Fences(yamlStart: firstEnd + 1, closingFence: lineStart,
                                           bodyStart: min(end + 1, bytes.count), bodyFirstLine: line + 1))
                }
                line += 1
                lineStart = end + 1
            }
            return .failure(.unclosed)
        }
        let fences = try found.get()
        let utf8 = text.utf8
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: fences.yamlStart)
        let closing = utf8.index(utf8.startIndex, offsetBy: fences.closingFence)
        let bodyStart = utf8.index(utf8.startIndex, offsetBy: fences.bodyStart)
        return FrontMatterSplit(yaml: String(text[yamlStart..<closing]), yamlFirstLine: 2,
                                body: String(text[bodyStart...]), bodyFirstLine: fences.bodyFirstLine,
                                yamlStart: fences.yamlStart, closingFence: fences.closingFence, bodyStart: fences.bodyStart)
    }

    /// Byte offsets of the parts, and the line the body starts at.
    private struct Fences {
        let yamlStart: Int
        let closingFence: Int
        let bodyStart: Int
        let bodyFirstLine: Int
    }

    /// `---` alone on its line (trailing spaces allowed), as Hugo and Jekyll accept.
    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
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
