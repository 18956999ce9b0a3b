import Testing
@testable import LapakCore

/// Summaries made from a body's first paragraph, for cards, descriptions and previews.
@Suite struct SummaryTests {
    @Test func shortTextIsKeptWithItsSpacesCollapsed() {
        #expect(Summary.make(from: "  Tas  anyaman\npandan\t dari Banyuwangi ") == "Tas anyaman pandan dari Banyuwangi")
    }

    @Test func longTextIsCutAtAWordWithAnEllipsis() {
        let text = "Jamu kunyit asam, dibuat segar setiap pagi. " + String(repeating: "Tanpa pengawet dan pemanis buatan. ", count: 20)
        let summary = Summary.make(from: text, limit: 40)
        #expect(summary == "Jamu kunyit asam, dibuat segar setiap…", "cut before the limit, at a space, without the comma")
        #expect(Summary.make(from: "satu dua, tiga", limit: 9) == "satu…")
    }

    @Test func limitCountsCharactersNotBytes() {
        let text = String(repeating: "é", count: 30) + " " + String(repeating: "ü", count: 30)
        #expect(Summary.make(from: text, limit: 61) == text, "61 characters, 122 bytes: not cut")
        #expect(Summary.make(from: text, limit: 60) == String(repeating: "é", count: 30) + "…")
    }

    /// ASCII text is cut on its bytes: the same cut as on characters, at the same places.
    @Test(arguments: [9, 10, 13, 14, 15, 40, 41])
    func asciiTextIsCutWhereCharactersWouldBe(limit: Int) {
        let ascii = "satu dua, tiga; empat-lima. enam tujuh delapan sembilan sepuluh"
        let accented = ascii.replacingOccurrences(of: "a", with: "á")
        #expect(Summary.make(from: ascii, limit: limit).replacingOccurrences(of: "a", with: "á")
                == Summary.make(from: accented, limit: limit))
    }
}
