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
