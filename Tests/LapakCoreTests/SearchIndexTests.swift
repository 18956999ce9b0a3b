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

/// Feed readers show an article away from the site: its site-relative links are made absolute.
@Suite struct AbsoluteLinksTests {
    private func routes(_ baseURL: String) -> Routes { Routes(config: SiteConfig(title: "Lapak", baseURL: baseURL)) }

    @Test func siteRelativeLinksAndImagesGetTheBaseURL() {
        let html = #"<p><a href="/produk/tas/">Tas</a> <img src="/images/a.jpg" alt=""> <a href="//cdn.example.org/x">x</a> <a href="https://wa.me/1">wa</a> <a href="relatif/">r</a></p>"#
        #expect(AbsoluteLinks.rewrite(html, routes: routes("https://lapak.example.org/")) ==
            #"<p><a href="https://lapak.example.org/produk/tas/">Tas</a> <img src="https://lapak.example.org/images/a.jpg" alt=""> <a href="//cdn.example.org/x">x</a> <a href="https://wa.me/1">wa</a> <a href="relatif/">r</a></p>"#)
    }

    @Test func aBasePathIsNotRepeated() {
        let html = #"<a href="/toko/produk/">a</a><img src="/images/b.png">"#
        #expect(AbsoluteLinks.rewrite(html, routes: routes("https://example.org/toko/")) ==
            #"<a href="https://example.org/toko/produk/">a</a><img src="https://example.org/toko/images/b.png">"#)
    }

    @Test func textWithoutAttributesIsUnchanged() {
        let html = "<p>href= src \"/x\" é</p>"
        #expect(AbsoluteLinks.rewrite(html, routes: routes("https://example.org/")) == html)
    }
}

/// Byte order and ASCII checks used on every file name and text of a build.
@Suite struct ByteOrderTests {
    @Test func namesSortByTheirUTF8Bytes() {
        let names = ["b.md", "a.md", "ab.md", "a", "Z.md", "é.md", ""]
        #expect(names.sorted { $0.utf8Precedes($1) } == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect("a".utf8Precedes("ab") && !"ab".utf8Precedes("a") && !"a".utf8Precedes("a"))
    }

    @Test func asciiIsEveryByteBelow128() {
        #expect("tas-anyaman_01.jpg".isASCII)
        #expect("".isASCII)
        #expect(!"batík".isASCII)
    }
}
