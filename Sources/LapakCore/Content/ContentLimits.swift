#if canImport(Glibc)
import Glibc
#endif

/// Bounds that keep hostile or accidental input from making cmark or Yams take seconds.
///
/// libcmark 0.30 has known super-linear cases (deeply nested containers, long runs of
/// unclosed brackets); they are refused here, before the body reaches cmark.
public struct ContentLimits: Sendable {
    public var maxFrontMatterBytes = 64 * 1024
    public var maxMarkdownBytes = 1024 * 1024
    public var maxContainerDepth = 32
    public var maxOpenBracketsPerBlock = 1000

    public init() {}

    func markdownProblem(_ body: String) -> Problem? {
        if body.utf8.count > maxMarkdownBytes {
            return .markdownTooLarge(limitKB: maxMarkdownBytes / 1024, sizeKB: (body.utf8.count + 1023) / 1024)
        }
        var body = body
        // Line by line: memchr finds each line end and each bracket, and a line that is not
        // blank costs a look at the markers it starts with.
        return body.withUTF8 { bytes -> Problem? in
            guard let base = bytes.baseAddress else { return nil }
            var openBrackets = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = bytes.count
                if let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart) {
                    lineEnd = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                }
                defer { lineStart = lineEnd + 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if line.allSatisfy({ $0 == 32 || $0 == 9 }) {
                    openBrackets = 0
                    continue
                }
                openBrackets += Self.count(UInt8(ascii: "["), in: line)
                if openBrackets > maxOpenBracketsPerBlock { return .markdownBracketRun(limit: maxOpenBracketsPerBlock) }
                if containerDepth(bytes, from: lineStart, to: lineEnd) > maxContainerDepth {
                    return .markdownTooDeep(limit: maxContainerDepth)
                }
            }
            return nil
        }
    }

    /// How often `byte` occurs in `bytes`, found by memchr: brackets are rare in a line.
    private static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        let end = cursor + bytes.count
        var found = 0
        while cursor < end, let hit = memchr(cursor, Int32(byte), end - cursor) {
            found += 1
            cursor = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return found
    }

    /// How many block containers (quotes, list items) open at the start of a line. Indentation
    /// before a marker counts one level per two columns (lists nest by indenting); the space a
    /// marker takes after itself does not, and an indented line without a marker opens nothing.
    private func containerDepth(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var markers = 0
        var spaces = 0
        var index = start
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: " "):
                spaces += 1
            case UInt8(ascii: "\t"):
                spaces += 4
            case UInt8(ascii: ">"):
                markers += 1
                index = afterMarkerSpace(bytes, index + 1, end) - 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                guard index + 1 < end, bytes[index + 1] == 32 || bytes[index + 1] == 9 else { return nesting(markers, spaces) }
                markers += 1
                index = afterMarkerSpace(bytes, index + 1, end) - 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var cursor = index
                while cursor < end, (48...57).contains(bytes[cursor]) { cursor += 1 }
                guard cursor < end, bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ")")
                else { return nesting(markers, spaces) }
                markers += 1
                index = afterMarkerSpace(bytes, cursor + 1, end) - 1
            default:
                return nesting(markers, spaces)
            }
            index += 1
        }
        return nesting(markers, spaces)
    }

    /// Past the one space (or tab) that belongs to a marker.
    private func afterMarkerSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
        index < end && (bytes[index] == 32 || bytes[index] == 9) ? index + 1 : index
    }

    private func nesting(_ markers: Int, _ spaces: Int) -> Int {
        markers == 0 ? 0 : markers + spaces / 2
    }
}
