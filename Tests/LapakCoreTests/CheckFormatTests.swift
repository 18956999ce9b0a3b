import Foundation
import Testing
@testable import LapakCore

/// What `lapak check` prints: text for people, JSON for editors and CI.
@Suite struct CheckFormatTests {
    static let report = CheckReport(entries: [
        .init(diagnostic: .error(.badWhatsApp(field: "whatsapp", value: "0341"), at: SourceLocation(file: "content/producers/a.md", line: 5, column: 11)),
              sourceLine: "whatsapp: \"0341\""),
        .init(diagnostic: .warning(.unknownField(field: "harga", suggestion: "price"), at: SourceLocation(file: "content/products/b.md", line: 3, column: 3)),
              sourceLine: "\tharga: 1"),
        .init(diagnostic: .warning(.photo(.carriesLocation(path: "images/c.jpg")), at: SourceLocation(file: "content/images/c.jpg"))),
    ], counts: .init(products: 2, producers: 1, news: 1, pages: 0))

    @Test func textShowsTheLineWithACaretAndTheHint() {
        let text = CheckTextFormatter(language: .id).format(Self.report)
        #expect(text == """
        content/producers/a.md:5:11: galat: nomor WhatsApp `0341` pada `whatsapp` bukan nomor HP Indonesia
         5 | whatsapp: "0341"
           |           ^
            saran: Tulis nomor HP seperti `0812-3456-7890` atau `+62 812-3456-7890`.

        content/products/b.md:3:3: peringatan: kolom `harga` tidak dikenal; maksudnya `price`?
         3 | \tharga: 1
           | \t ^
            saran: Ganti `harga:` menjadi `price:`.

        content/images/c.jpg: peringatan: foto `images/c.jpg` menyimpan lokasi GPS tempat foto diambil
            saran: Situs tidak menerbitkan lokasi ini, tetapi berkas aslinya ikut tersimpan di folder dan riwayat git. Jalankan `lapak photos --strip` untuk menghapusnya dari semua foto.

        1 galat, 2 peringatan (2 produk, 1 kelompok, 1 berita dan 0 halaman diperiksa).

        """)
    }

    @Test func englishText() {
        let text = CheckTextFormatter(language: .en).format(Self.report)
        #expect(text.hasPrefix("content/producers/a.md:5:11: error: the WhatsApp number `0341` in `whatsapp` is not an Indonesian mobile number\n"))
        #expect(text.contains("\n    hint: Rename `harga:` to `price:`.\n"))
        #expect(text.hasSuffix("1 error, 2 warnings (checked 2 products, 1 producer, 1 news article and 0 pages).\n"))
        #expect(CheckTextFormatter(language: .en).format(CheckReport(entries: []))
            == "No problems: checked 0 products, 0 producers, 0 news articles and 0 pages.\n")
    }

    @Test func colourOnlyWhenAsked() {
        let plain = CheckTextFormatter(language: .id).format(Self.report)
        let coloured = CheckTextFormatter(language: .id, color: true).format(Self.report)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31mgalat\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;35mperingatan\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;32m^\u{1B}[0m"))
    }

    @Test func jsonHasOneObjectPerDiagnosticInAFixedOrder() throws {
        let json = CheckJSONFormatter(language: .en).format(Self.report)
        #expect(json.hasPrefix("""
        [
          {"file": "content/producers/a.md", "line": 5, "column": 11, "severity": "error", "code": "bad-whatsapp", \
        "message": "the WhatsApp number `0341` in `whatsapp` is not an Indonesian mobile number", \
        "hint": "Write a mobile number such as `0812-3456-7890` or `+62 812-3456-7890`."},
        """))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 3)
        #expect(parsed.map { $0["code"] as? String } == ["bad-whatsapp", "unknown-field", "photo-location"])
        #expect(parsed.map { $0["severity"] as? String } == ["error", "warning", "warning"])
        #expect(parsed[2]["line"] as? Int == 0)
        #expect(Set(parsed[0].keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
        #expect(CheckJSONFormatter(language: .id).format(CheckReport(entries: [])) == "[]\n")
    }

    @Test func jsonEscapesWhatContributorsWrite() throws {
        let report = CheckReport(entries: [.init(diagnostic: .warning(.unknownField(field: "a\"b\\c\td\u{1}", suggestion: nil),
                                                                    at: SourceLocation(file: "content/x.md", line: 1, column: 1)))])
        let json = CheckJSONFormatter(language: .id).format(report)
        #expect(json.contains(#"kolom `a\"b\\c\td\u0001` tidak dikenal"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect((parsed[0]["message"] as? String)?.hasPrefix("kolom `a\"b\\c\td\u{1}`") == true)
    }

    @Test func theSameContentGivesTheSameBytes() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\nharga: 1\nstok: 2")])
        let first = CheckJSONFormatter(language: .id).format(Checker.run(CheckOptions(sourceDirectory: site.root)))
        let second = CheckJSONFormatter(language: .id).format(Checker.run(CheckOptions(sourceDirectory: site.root)))
        #expect(first == second)
        #expect(first.components(separatedBy: "\n").count == 5, "two diagnostics between the brackets")
    }
}
