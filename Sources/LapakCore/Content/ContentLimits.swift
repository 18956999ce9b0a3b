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
        if body.utf8.count > maxMarkdownBytes { return .markdownTooLarge(limitKB: maxMarkdownBytes / 1024) }
        var openBrackets = 0
        for line in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if containerDepth(line) > maxContainerDepth { return .markdownTooDeep(limit: maxContainerDepth) }
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { openBrackets = 0; continue }
            for byte in line where byte == UInt8(ascii: "[") { openBrackets += 1 }
            if openBrackets > maxOpenBracketsPerBlock { return .markdownBracketRun(limit: maxOpenBracketsPerBlock) }
        }
        return nil
    }

    /// How many block containers (quotes, list items) open at the start of a line; deep indentation
    /// counts one level per two columns.
    private func containerDepth(_ line: Substring.UTF8View.SubSequence) -> Int {
        var depth = 0
        var spaces = 0
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: " "): spaces += 1
            case UInt8(ascii: "\t"): spaces += 4
            case UInt8(ascii: ">"): depth += 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                let next = line.index(after: index)
                guard next < line.endIndex, line[next] == 32 || line[next] == 9 else { return depth + spaces / 2 }
                depth += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var cursor = index
                while cursor < line.endIndex, (48...57).contains(line[cursor]) { cursor = line.index(after: cursor) }
                guard cursor < line.endIndex, line[cursor] == UInt8(ascii: ".") || line[cursor] == UInt8(ascii: ")")
                else { return depth + spaces / 2 }
                depth += 1
                index = cursor
            default:
                return depth + spaces / 2
            }
            index = line.index(after: index)
        }
        return depth + spaces / 2
    }
}
