@testable import LapakCore
import Markdown
import Testing

@Suite struct MarkdownSafetyTests {
    let renderer = MarkdownRenderer()

    @Test func rawHTMLIsDropped() {
        let html = renderer.render("Halo <script>alert(1)</script>\n\n<iframe src=x></iframe>\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<iframe"))
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:x", "data:text/html,<b>x</b>"])
    func dangerousLinksAreNeutralised(url: String) {
        let html = renderer.render("[klik](\(url))").html
        #expect(html.contains("<a href=\"\">klik</a>"), "\(html)")
    }

    @Test func summaryFirstImageHeadingsAndReferences() {
        let doc = renderer.render("# Judul\n\nParagraf *pertama* di sini.\n\n![Foto tas](images/tas.jpg)\n\n[profil](/komunitas/x/)\n")
        #expect(doc.firstParagraph == "Paragraf pertama di sini.")
        #expect(doc.firstImage == .init(url: "images/tas.jpg", alt: "Foto tas"))
        #expect(doc.headings == [.init(level: 1, text: "Judul")])
        #expect(doc.references.map(\.line) == [5, 7])
    }

    @Test func urlsAreRewrittenBeforeRendering() {
        let renderer = MarkdownRenderer { $0.hasPrefix("images/") ? "/lapak/" + $0 : nil }
        #expect(renderer.render("![a](images/x.jpg)").html.contains("src=\"/lapak/images/x.jpg\""))
    }

    @Test func aFileThatIsNotUTF8IsRefusedWithItsName() throws {
        let site = try TestSite()
        try site.writeBytes("content/products/tas.md", Array("---\ntitle: Tas \u{FF}".utf8) + [0xFF, 0xFE] + Array("\n---\n".utf8))
        let diagnostic = try #require(site.load().1.first(code: "invalid-utf8"))
        #expect(diagnostic.location.file == "content/products/tas.md")
        #expect(diagnostic.message(.en) == "the file is not UTF-8 text")
    }
}

/// The plain text of a body, one block a line, is what the product catalogs describe a product with.
@Suite struct MarkdownPlainTextTests {
    @Test func blocksOnTheirOwnLinesAndMarkupGone() {
        let document = MarkdownRenderer().render("# Tas *pandan*\n\nDianyam\ntangan, `rapi`.\n\n- satu\n- dua\n\n![foto tas](x.jpg)\n")
        // List items keep a marker, so the catalogs' plain text still reads as a list.
        #expect(document.plainText == "Tas pandan\nDianyam tangan, rapi.\n• satu\n• dua\nfoto tas")
    }

    @Test func numberedItemsKeepTheirNumbersAndNestedListsTheirOwn() {
        let document = MarkdownRenderer().render("3. Pesan\n   - lewat WhatsApp\n   - atau telepon\n4. Bayar\n\nLalu:\n\n1. lagi\n")
        #expect(document.plainText == "3. Pesan\n• lewat WhatsApp\n• atau telepon\n4. Bayar\nLalu:\n1. lagi")
    }

    @Test func aPipeTableReadsAsOneLinePerRowWithItsColumnNames() {
        let document = MarkdownRenderer().render("| Ukuran | | Harga |\n|:--|--|--:|\n| S | x | Rp 1 |\n| M |\n\n| bukan tabel |\n")
        #expect(document.plainText == "Ukuran: S, x, Harga: Rp 1\nUkuran: M\n| bukan tabel |")
    }

    @Test func notKeptWhenNotAskedFor() {
        let document = MarkdownRenderer().withoutPlainText().render("Teks *biasa*.\n")
        #expect(document.plainText.isEmpty)
        #expect(document.firstParagraph == "Teks biasa.", "the summary does not depend on it")
        #expect(document.html == "<p>Teks <em>biasa</em>.</p>\n")
    }
}
