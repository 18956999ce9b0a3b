import Testing
@testable import LapakCore

/// The search index folds text as the search page's script folds the query.
@Suite struct SearchIndexTests {
    @Test func foldingDropsCaseAndAccents() {
        #expect(SearchIndex.fold("Batík ÉCOPRINT Ñ") == "batik ecoprint n")
    }

    @Test func searchTextHoldsEachWordOnce() {
        #expect(SearchIndex.searchText(["Kain Ecoprint", nil, "batik-ecoprint", "kain, 2 meter"]) == "kain ecoprint batik 2 meter")
    }

    @Test func onlyTheFirstWordsOfASummary() {
        #expect(SearchIndex.lead("satu dua tiga empat", words: 2) == "satu dua")
    }
}

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
}

/// Image paths as contributors write them resolve to one key of the index.
@Suite struct ImageLookupTests {
    private let index = ImageIndex(entries: ["images/products/tas.jpg": .init(width: 800, height: 600)])

    @Test(arguments: ["images/products/tas.jpg", "/images/products/tas.jpg", "content/images/products/tas.jpg",
                      " images/products/tas.jpg ", "images//products/tas.jpg", "images/./products/tas.jpg"])
    func spellingsOfOneImage(written: String) {
        guard case .found(let key, let entry) = index.lookup(written) else {
            Issue.record("\(written) not found")
            return
        }
        #expect(key == "images/products/tas.jpg")
        #expect(entry.width == 800)
    }

    @Test(arguments: ["images/../../secret.jpg", "../images/products/tas.jpg", "https://example.org/tas.jpg",
                      "//example.org/tas.jpg", "images\\products\\tas.jpg"])
    func pathsOutsideTheContentFolder(written: String) {
        guard case .outside = index.lookup(written) else {
            Issue.record("\(written) should be refused")
            return
        }
    }

    @Test func missingImageKeepsItsKey() {
        guard case .missing(let key) = index.lookup("/images/products/topi.jpg") else {
            Issue.record("expected missing")
            return
        }
        #expect(key == "images/products/topi.jpg")
    }
}
