import Foundation
import Testing
@testable import LapakCore

/// Every problem found in a text file points at a line of it: the README promises file and line,
/// and a member on a phone cannot search a file for "somewhere".
@Suite struct DiagnosticLineTests {
    static let product = TestSite.validProductFields
    static func changed(_ old: String, _ new: String) -> String { TestSite.product(product.replacingOccurrences(of: old, with: new)) }
    static func added(_ line: String, body: String = "Tas dari pandan.") -> String { TestSite.product(product + "\n" + line, body: body) }

    /// (expected code, files written over the test site's)
    static let cases: [(String, [String: String])] = [
        ("missing-front-matter", ["content/products/tas.md": "Tas tanpa data.\n"]),
        ("unclosed-front-matter", ["content/products/tas.md": "---\ntitle: Tas\n"]),
        ("front-matter-not-mapping", ["content/products/tas.md": "---\n- Tas\n---\nIsi.\n"]),
        ("yaml-syntax", ["content/products/tas.md": added("\tstock: 3")]),
        ("duplicate-key", ["content/products/tas.md": added("price: 90000")]),
        ("yaml-alias", ["content/products/tas.md": added("summary: &a Tas")]),
        ("yaml-tag", ["content/products/tas.md": added("summary: !x Tas")]),
        ("missing-field", ["content/products/tas.md": changed("category: tas-anyaman\n", "")]),
        ("not-text", ["content/products/tas.md": changed("title: \"Tas Anyaman Pandan\"", "title: [Tas]")]),
        ("not-whole-number", ["content/products/tas.md": added("stock: banyak")]),
        ("price-with-separators", ["content/products/tas.md": changed("price: 85000", "price: 85.000")]),
        ("not-boolean", ["content/products/tas.md": added("featured: mungkin")]),
        ("bad-date", ["content/products/tas.md": added("date: kemarin")]),
        ("impossible-date", ["content/products/tas.md": added("date: 2025-02-30")]),
        ("bad-availability", ["content/products/tas.md": added("availability: ada")]),
        ("unknown-certification", ["content/products/tas.md": added("certifications: {sni: \"123\"}")]),
        ("unknown-producer", ["content/products/tas.md": changed("desbumi-kedunggebang", "desbumi-lain")]),
        ("unknown-category", ["content/products/tas.md": changed("category: tas-anyaman", "category: sepatu")]),
        ("invalid-slug", ["content/products/tas.md": added("slug: \"Tas Besar\"")]),
        ("missing-image", ["content/products/tas.md": changed("images/products/tas.jpg", "images/products/tidak-ada.jpg")]),
        ("image-outside-content", ["content/products/tas.md": changed("images/products/tas.jpg", "../rahasia.jpg")]),
        ("unknown-field", ["content/products/tas.md": added("warna: merah")]),
        ("misspelled-field", ["content/products/tas.md": changed("price: 85000", "harga: 85000")]),
        ("price-not-set", ["content/products/tas.md": changed("price: 85000", "price: 0")]),
        ("typographic-quotes", ["content/products/tas.md": changed("\"Tas Anyaman Pandan\"", "“Tas Anyaman Pandan”")]),
        ("control-character", ["content/products/tas.md": added("summary: Tas\u{7}")]),
        ("empty-description", ["content/products/tas.md": TestSite.product(product, body: "")]),
        ("product-without-photo", ["content/products/tas.md": changed("images: [images/products/tas.jpg]", "images: []")]),
        ("photo-not-a-photo", ["content/products/tas.md": changed("images/products/tas.jpg", "images/products/catatan.jpg"),
                               "content/images/products/catatan.jpg": "bukan foto\n"]),
        ("bad-whatsapp", ["content/producers/desbumi-kedunggebang.md":
                            "---\nname: Desbumi\nvillage: Kedunggebang\nregency: Banyuwangi\nwhatsapp: \"0341\"\n---\nKelompok.\n"]),
        ("unsupported-language", ["content/site.yml": "title: Uji\nbase_url: \"https://uji.example.org/\"\nlanguage: fr\n"]),
        ("broken-link", ["content/products/tas.md": TestSite.product(product, body: "Lihat [ini](/tidak-ada/).")]),
        ("future-news", ["content/news/2099-01-01-kabar.md": "---\ntitle: Kabar\ndate: 2099-01-01\n---\nIsi.\n"]),
        ("duplicate-slug", ["content/pages/tentang.md": "---\ntitle: Tentang\n---\nIsi.\n",
                            "content/pages/zz.md": "---\ntitle: Tentang Lagi\nslug: tentang\n---\nIsi.\n"]),
    ]

    @Test(arguments: cases.indices)
    func aProblemInATextFilePointsAtALine(index: Int) throws {
        let (code, files) = Self.cases[index]
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(Self.product)])
        for (path, text) in files { try site.write(path, text) }
        let report = Checker.run(CheckOptions(sourceDirectory: site.root, now: Date(timeIntervalSince1970: 1_765_000_000)))
        let found = report.diagnostics.filter { $0.code == code }
        #expect(!found.isEmpty, "\(code): \(report.diagnostics.map { $0.formatted(.en) })")
        for diagnostic in found {
            let file = diagnostic.location.file
            #expect(file.hasSuffix(".md") || file.hasSuffix(".yml"), "\(diagnostic.formatted(.en))")
            #expect(diagnostic.location.line >= 1, "\(diagnostic.formatted(.en))")
        }
    }
}
