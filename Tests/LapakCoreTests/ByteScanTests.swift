import Markdown
import Testing

@testable import LapakCore

/// The scans that read every content file as bytes find what they look for wherever it falls:
/// inside an eight-byte word, across the edge of one, or in the bytes after the last.
struct ByteScanTests {
    @Test(arguments: 0..<20)
    func aControlCharacterIsFoundAtAnyOffset(offset: Int) {
        let text = String(repeating: "a", count: offset) + "\u{7}" + String(repeating: "b", count: 19 - offset)
        #expect(ControlCharacters.first(in: text) == .init(scalar: "\u{7}", line: 1, column: offset + 1))
    }

    @Test func tabsLineEndsAndOtherLettersAreNotControlCharacters() {
        let text = "Tas\tpandan\r\nrapi\n" + "é – ｅ 🙂 " + String(repeating: "x\t", count: 20)
        #expect(ControlCharacters.first(in: text) == nil)
        #expect(ControlCharacters.first(in: text + "\u{FFFF}")?.code == "U+FFFF")
    }

    @Test func bracketsAddUpOverTheLinesOfABlockAndStartAgainAfterABlankLine() {
        var limits = ContentLimits()
        limits.maxOpenBracketsPerBlock = 4
        #expect(limits.markdownProblem("") == nil)
        #expect(limits.markdownProblem("[[\nteks [[\n") == nil)
        #expect(limits.markdownProblem("[[\nteks [[ [\n") == .markdownBracketRun(limit: 4))
        #expect(limits.markdownProblem("[[[\n  \t\n[[[") == nil)
    }

    @Test func aPipeTableKeepsTheLettersOfItsCells() {
        let body = "| Ukuran | Harga |\n|:---|---:|\n| Sedang – 500 g | Rp 85.000 |\n| Besar | |\n"
        #expect(MarkdownRenderer().render(body).plainText == "Ukuran: Sedang – 500 g, Harga: Rp 85.000\nUkuran: Besar")
    }
}
