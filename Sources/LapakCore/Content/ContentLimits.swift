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
        return body.withUTF8 { bytes -> Problem? in
            var openBrackets = 0
            var lineStart = 0
            var blank = true
            for index in 0...bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                if byte == UInt8(ascii: "\n") {
                    if blank {
                        openBrackets = 0
                    } else if containerDepth(bytes, from: lineStart, to: index) > maxContainerDepth {
                        return .markdownTooDeep(limit: maxContainerDepth)
                    }
                    lineStart = index + 1
                    blank = true
                    continue
                }
                if byte != 32 && byte != 9 { blank = false }
                if byte == UInt8(ascii: "[") {
                    openBrackets += 1
                    if openBrackets > maxOpenBracketsPerBlock { return .markdownBracketRun(limit: maxOpenBracketsPerBlock) }
                }
            }
            return nil
        }
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
