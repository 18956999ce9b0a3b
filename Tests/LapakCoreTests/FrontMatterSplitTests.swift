import Testing

@testable import LapakCore

/// Where front matter starts and ends, found on the file's bytes.
struct FrontMatterSplitTests {
    @Test func theFencesMayHaveTrailingSpacesAndTheLastLineNoLineEnd() throws {
        let split = try FrontMatterSplit.split("--- \ntitle: Tas\nprice: 1\n---\t\nBadan é\n")
        #expect(split.yaml == "title: Tas\nprice: 1\n")
        #expect(split.body == "Badan é\n")
        #expect((split.yamlFirstLine, split.bodyFirstLine) == (2, 5))
        #expect((split.yamlStart, split.closingFence, split.bodyStart) == (5, 25, 30))

        let last = try FrontMatterSplit.split("---\ntitle: é\n---")
        #expect(last.yaml == "title: é\n" && last.body.isEmpty && last.bodyFirstLine == 4)
        #expect((last.closingFence, last.bodyStart) == (14, 17))

        let empty = try FrontMatterSplit.split("---\n---\n")
        #expect(empty.yaml.isEmpty && empty.body.isEmpty)
    }

    @Test func aFileWithoutBothFencesIsRefused() {
        #expect(throws: FrontMatterSplit.Failure.missingOpening) { try FrontMatterSplit.split("") }
        #expect(throws: FrontMatterSplit.Failure.missingOpening) { try FrontMatterSplit.split("---") }
        #expect(throws: FrontMatterSplit.Failure.missingOpening) { try FrontMatterSplit.split("title: Tas\n---\n") }
        #expect(throws: FrontMatterSplit.Failure.unclosed) { try FrontMatterSplit.split("---\ntitle: Tas\n-- -\n") }
        #expect(throws: FrontMatterSplit.Failure.unclosed) { try FrontMatterSplit.split("---\n") }
    }
}
