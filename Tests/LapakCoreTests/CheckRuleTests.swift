import Foundation
import PhotoFixtures
import Testing
@testable import LapakCore

/// `lapak check`: each rule on a fixture folder, with its exact message in both languages.
@Suite struct CheckRuleTests {
    /// 2025-12-13 12:00 in Indonesia (WIB).
    static let now = Date(timeIntervalSince1970: Double(ContentDate(year: 2025, month: 12, day: 13, hour: 12).epochSeconds))

    /// The minimal site plus one valid product, so its producer is not idle.
    func site(_ files: [String: String] = [:]) throws -> TestSite {
        var all = ["content/products/tas.md": TestSite.product(TestSite.validProductFields)]
        all.merge(files) { $1 }
        return try TestSite(files: all)
    }

    func check(_ site: TestSite, now: Date = now) -> CheckReport {
        Checker.run(CheckOptions(sourceDirectory: site.root, now: now))
    }

    func only(_ code: String, in report: CheckReport) throws -> Diagnostic {
        let matching = report.diagnostics.filter { $0.code == code }
        #expect(matching.count == 1, "\(report.diagnostics.map { $0.formatted(.en) })")
        return try #require(matching.first)
    }

    @Test func aCleanSiteHasNothingToSayAndNothingIsWritten() throws {
        let site = try site()
        let report = check(site)
        #expect(report.entries.isEmpty, "\(report.diagnostics.map { $0.formatted(.en) })")
        #expect(report.exitCode == 0)
        #expect(report.counts == .init(products: 1, producers: 1, news: 0, pages: 0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root) == ["content"])
    }

    @Test func indonesianFieldNameGetsTheEnglishOne() throws {
        let site = try site(["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\nharga: 85000")])
        let report = check(site)
        let d = try only("unknown-field", in: report)
        #expect(d.severity == .warning)
        #expect(d.location.description == "content/products/tas.md:7:1")
        #expect(d.message(.id) == "kolom `harga` tidak dikenal; maksudnya `price`?")
        #expect(d.hint(.id) == "Ganti `harga:` menjadi `price:`.")
        #expect(d.message(.en) == "unknown field `harga`; did you mean `price`?")
        #expect(d.hint(.en) == "Rename `harga:` to `price:`.")
        #expect(report.exitCode == 0, "a warning alone does not fail the check")
    }

    @Test func misspelledFieldGetsTheNearestOne() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "price: 85000", with: "prise: 85000")
        let report = check(try site(["content/products/tas.md": TestSite.product(fields)]))
        // One error, where the member wrote it: nothing about a missing price at the top.
        let own = report.diagnostics.filter { $0.location.file == "content/products/tas.md" }
        #expect(own.map(\.code) == ["misspelled-field"])
        let d = try #require(own.first)
        #expect(d.message(.id) == "`prise` harus ditulis `price`")
        #expect(d.message(.en) == "`prise` should be written `price`")
        #expect(d.location.line == 3)
        #expect(report.exitCode == 1)
    }

    @Test(arguments: [("harga", "price: 85000", "price"), ("kategori", "category: tas-anyaman", "category"),
                      ("produsen", "producer: desbumi-kedunggebang", "producer"),
                      ("gambar", "images: [images/products/tas.jpg]", "images")])
    func anIndonesianFieldNameIsOneErrorAtItsLine(written: String, line: String, field: String) throws {
        let value = line.split(separator: ":", maxSplits: 1)[1]
        let fields = TestSite.validProductFields.replacingOccurrences(of: line, with: written + ":" + value)
        let report = check(try site(["content/products/tas.md": TestSite.product(fields)]))
        let own = report.diagnostics.filter { $0.location.file == "content/products/tas.md" }
        #expect(own.map(\.code) == ["misspelled-field"], "\(own.map { $0.formatted(.en) })")
        #expect(own.first?.message(.id) == "`\(written)` harus ditulis `\(field)`")
        #expect(own.first?.location.line == fields.components(separatedBy: "\n").firstIndex { $0.hasPrefix(written) }! + 2)
    }

    @Test func aFieldThatIsAlsoPresentStaysAWarning() throws {
        let fields = TestSite.validProductFields + "\nharga: 90000"
        let report = check(try site(["content/products/tas.md": TestSite.product(fields)]))
        #expect(report.diagnostics.map(\.code) == ["unknown-field"])
        #expect(report.diagnostics.first?.severity == .warning)
    }

    @Test func aWhatsAppNumberThatIsNotAnIndonesianMobile() throws {
        let producer = "---\nname: KOPI X\nvillage: X\nregency: Blitar\nwhatsapp: \"0341-555-123\"\n---\nCerita.\n"
        let report = check(try site(["content/producers/kopi-x.md": producer]))
        let d = try only("bad-whatsapp", in: report)
        #expect(d.location.description == "content/producers/kopi-x.md:5:1")
        #expect(d.message(.id) == "nomor WhatsApp `0341-555-123` pada `whatsapp` bukan nomor HP Indonesia")
        #expect(d.hint(.id) == "Tulis nomor HP seperti `0812-3456-7890` atau `+62 812-3456-7890`.")
        #expect(d.message(.en) == "the WhatsApp number `0341-555-123` in `whatsapp` is not an Indonesian mobile number")
        #expect(report.exitCode == 1)
    }

    @Test func aBrokenLinkIsReportedAtItsLineInTheFileWithTheNearestPage() throws {
        let body = "Tas dari pandan.\n\nLihat juga [tas ini](/produk/taz/) untuk ukuran lain."
        let report = check(try site(["content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body)]))
        let d = try only("broken-link", in: report)
        #expect(d.severity == .error)
        #expect(d.location.description == "content/products/tas.md:10:12")
        #expect(d.message(.id) == "tautan `/produk/taz/` tidak menuju halaman mana pun di situs ini")
        #expect(d.hint(.id) == "Maksudnya `/produk/tas/`?")
        #expect(d.message(.en) == "the link `/produk/taz/` leads to no page of this site")
        #expect(d.hint(.en) == "Did you mean `/produk/tas/`?")
        #expect(report.entries.first?.sourceLine == "Lihat juga [tas ini](/produk/taz/) untuk ukuran lain.")
        #expect(report.exitCode == 1)
    }

    @Test func aLinkWithNothingNearGetsAGeneralHint() throws {
        let body = "Baca [di sini](../../../../etc/passwd) atau [di sana](/tidak-ada-sama-sekali-di-situs-ini/)."
        let report = check(try site(["content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body)]))
        let links = report.diagnostics.filter { $0.code == "broken-link" }
        #expect(links.count == 2)
        #expect(links.first?.hint(.id) == "Buka halaman yang dituju dengan `lapak serve` dan salin alamatnya dari bilah alamat peramban.")
        #expect(links.first?.hint(.en) == "Open the page you mean with `lapak serve` and copy its address from the browser's address bar.")
    }

    @Test func linksThatWorkAreNotReported() throws {
        let body = """
        Dari [kelompok ini](/komunitas/desbumi-kedunggebang/) dan [semua kelompok](../../komunitas/).
        Lihat [produk](/produk/tas), [foto](../../images/products/tas.jpg), [gaya](/style.css), [data](/products.json).
        Pesan lewat [WhatsApp](https://wa.me/6281200000101), [surel](mailto:halo@example.org), [bagian](#cara) atau [halaman ini](?ukuran=besar).

        ![Tas](images/products/tas.jpg)
        """
        let report = check(try site(["content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body)]))
        #expect(report.entries.isEmpty, "\(report.diagnostics.map { $0.formatted(.en) })")
    }

    @Test func linksUnderABasePath() throws {
        let config = "title: Uji\nbase_url: \"https://uji.example.org/lapak/\"\ncategories:\n  tas-anyaman: Tas\n"
        let body = "[Tas](/produk/tas/) dan [salah](/produk/tas-x/) dan [luar](/lapak/../x/)."
        let report = check(try site(["content/site.yml": config,
                                     "content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body)]))
        #expect(report.diagnostics.map(\.code) == ["broken-link", "broken-link"])
        #expect(report.diagnostics.first?.message(.en) == "the link `/lapak/produk/tas-x/` leads to no page of this site")
        #expect(report.diagnostics.first?.hint(.en) == "Did you mean `/lapak/produk/tas/`?")
    }

    @Test func aMissingImageInTheText() throws {
        let body = "Tas dari pandan.\n\n![Tas dari samping](images/products/tas-samping.jpg)"
        let report = check(try site(["content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body)]))
        let d = try only("missing-image", in: report)
        #expect(d.location.description == "content/products/tas.md:10:1")
        #expect(d.message(.id) == "gambar `images/products/tas-samping.jpg` tidak ditemukan")
        #expect(d.hint(.id) == "Simpan foto di `content/images/products/tas-samping.jpg` atau perbaiki namanya (huruf besar/kecil berpengaruh).")
        #expect(d.message(.en) == "the image `images/products/tas-samping.jpg` does not exist")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let body = "Café “Kopi” ada di [sini](/tidak-ada/)."
        let report = check(try site(["content/pages/kafe.md": "---\ntitle: Kafe\n---\n" + body + "\n"]))
        #expect(try only("broken-link", in: report).location.description == "content/pages/kafe.md:4:20")
    }

    @Test func aPhotoThatRecordsWhereItWasTakenIsNamed() throws {
        let site = try site()
        try site.writeBytes("content/images/products/tas.jpg", try SamplePhotos.phoneJPEG(width: 800, height: 600))
        let report = check(site)
        let d = try only("photo-location", in: report)
        #expect(d.severity == .warning)
        #expect(d.location == SourceLocation(file: "content/images/products/tas.jpg"))
        #expect(d.message(.id) == "foto `images/products/tas.jpg` menyimpan lokasi GPS tempat foto diambil")
        #expect(d.hint(.id)?.contains("`lapak photos --strip`") == true)
        #expect(d.message(.en) == "the photo `images/products/tas.jpg` records the GPS position where it was taken")
        #expect(report.exitCode == 0)
    }

    @Test func aProductPhotoTooSmallForTheChannelsIsNamedAtItsLine() throws {
        let site = try site()
        try site.writeBytes("content/images/products/tas.jpg", try SamplePhotos.encoded(width: 640, height: 480, as: .jpeg))
        let d = try only("photo-too-small", in: check(site))
        #expect(d.location.description == "content/products/tas.md:6:10")
        #expect(d.message(.en) == "the photo `images/products/tas.jpg` is only 640 × 480 pixels; its short side is under 500 pixels")
    }

    @Test func largePhotosAreNoLongerAWorry() throws {
        let site = try site()
        try site.writeBytes("content/images/products/tas.jpg", try SamplePhotos.encoded(width: 1600, height: 1200, as: .png))
        let report = check(site)
        // Nothing about the photo at all: its size no longer reaches buyers.
        #expect(report.entries.allSatisfy { !$0.diagnostic.code.hasPrefix("photo-") && !$0.diagnostic.location.file.contains("images/") })
    }

    @Test func theSameProductTwice() throws {
        let twin = TestSite.validProductFields.replacingOccurrences(of: "Tas Anyaman Pandan", with: "tas anyaman  pandan")
        let report = check(try site(["content/products/tas-kembar.md": TestSite.product(twin)]))
        let d = try only("duplicate-product", in: report)
        #expect(d.location.description == "content/products/tas.md:2:1")
        #expect(d.message(.id) == "produk `Tas Anyaman Pandan` dari `desbumi-kedunggebang` sudah ada di content/products/tas-kembar.md")
        #expect(d.hint(.id) == "Jika produknya sama, hapus salah satu berkas; jika berbeda, bedakan judulnya (misalnya dengan ukuran atau rasa).")
        #expect(d.message(.en) == "the product `Tas Anyaman Pandan` by `desbumi-kedunggebang` already exists in content/products/tas-kembar.md")
        #expect(d.severity == .warning)
    }

    @Test func aProducerWithNothingToSell() throws {
        let producer = "---\nname: KOPI Lorejo\nvillage: Lorejo\nregency: Blitar\n---\nCerita.\n"
        let report = check(try site(["content/producers/kopi-lorejo.md": producer]))
        let d = try only("producer-without-products", in: report)
        #expect(d.location.description == "content/producers/kopi-lorejo.md:2:1")
        #expect(d.message(.id) == "kelompok `kopi-lorejo` belum punya produk")
        #expect(d.hint(.id) == "Tambahkan produknya dengan `lapak new product \"Nama Produk\" --producer kopi-lorejo`.")
        #expect(d.message(.en) == "the producer `kopi-lorejo` has no products yet")
        #expect(d.hint(.en) == "Add one with `lapak new product \"Product name\" --producer kopi-lorejo`.")
    }

    @Test func newsDatedInTheFuture() throws {
        let news = "---\ntitle: Rapat Tahunan\ndate: 2026-01-05\n---\nRapat.\n"
        let site = try site(["content/news/2026-01-05-rapat.md": news])
        let d = try only("future-news", in: check(site))
        #expect(d.location.description == "content/news/2026-01-05-rapat.md:3:1")
        #expect(d.message(.id) == "berita bertanggal `2026-01-05`, hari yang belum tiba")
        #expect(d.hint(.id) == "Periksa tahun, bulan dan harinya. Berita ini tetap diterbitkan, di urutan paling atas.")
        #expect(d.message(.en) == "the news is dated `2026-01-05`, a day still to come")
        let later = Date(timeIntervalSince1970: Double(ContentDate(year: 2026, month: 1, day: 5, hour: 0, minute: 1).epochSeconds))
        #expect(check(site, now: later).entries.isEmpty)
    }

    @Test func everyValidationOfTheBuildRunsToo() throws {
        let config = "title: Uji\nbase_url: \"https://uji.example.org/\"\ntheme: tidak-ada\n"
        let report = check(try site(["content/site.yml": config]))
        #expect(report.diagnostics.first(code: "unknown-theme")?.message(.en) == "the theme `tidak-ada` does not exist")
        #expect(report.exitCode == 1)
    }

    @Test func oneBrokenFileDoesNotBreakEveryLinkToIt() throws {
        let other = TestSite.validProductFields.replacingOccurrences(of: "price: 85000", with: "price: mahal")
        let body = "Pasangannya: [tas lain](/produk/tas-lain/)."
        let report = check(try site([
            "content/products/tas-lain.md": TestSite.product(other),
            "content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body),
        ]))
        #expect(report.diagnostics.map(\.code) == ["not-whole-number"])
    }

    @Test func theSampleContentHasNoErrors() throws {
        let report = Checker.run(CheckOptions(sourceDirectory: EndToEndTests.repository))
        #expect(report.errorCount == 0, "\(report.diagnostics.filter { $0.severity == .error }.map { $0.formatted(.en) })")
        #expect(report.counts.products >= 16)
    }
}
