import Foundation
import Testing
@testable import LapakCore

/// Slips real contributors and buyers made, each ending well now.
@Suite struct SlipTests {
    func build(_ files: [String: String]) throws -> (site: TestSite, report: BuildReport, output: String) {
        let site = try TestSite(files: files)
        let output = site.root + "/out"
        return (site, site.build(output: output), output)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    // Each test keeps its `site` bound: the folder, output included, goes when the value does.

    @Test func theCartAndSearchAreNeitherListedNorIndexed() throws {
        let (site, report, output) = try build(["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        #expect(report.succeeded)
        let sitemap = try read(output + "/sitemap.xml")
        #expect(!sitemap.contains("/cari/") && !sitemap.contains("/keranjang/") && !sitemap.contains("404"))
        #expect(sitemap.contains("/produk/tas/"))
        for page in ["cari/index.html", "keranjang/index.html"] {
            #expect(try read(output + "/" + page).contains("<meta name=\"robots\" content=\"noindex\">"), "\(page)")
        }
        #expect(try !read(output + "/produk/tas/index.html").contains("noindex"))
        withExtendedLifetime(site) {}
    }

    @Test func linkPreviewsShowTheLowestPriceABuyerCanPay() throws {
        let fields = TestSite.validProductFields + """

        variants:
          - name: "Sedang"
            price: 125000
          - name: "Besar"
            price: 165000
        """
        let (site, report, output) = try build(["content/products/tas.md": TestSite.product(fields)])
        #expect(report.succeeded, "\(report.diagnostics.map { $0.formatted(.en) })")
        let page = try read(output + "/produk/tas/index.html")
        #expect(page.contains("<meta property=\"product:price:amount\" content=\"125000\">"))
        let list = try read(output + "/produk/index.html")
        #expect(list.contains("Rp 125.000") && !list.contains("Rp 85.000"))
        withExtendedLifetime(site) {}
    }

    @Test func anUnsupportedLanguageIsAnErrorListingTheSupportedOnes() throws {
        let site = try TestSite()
        try site.write("content/site.yml", "title: \"Lapak Uji\"\nbase_url: \"https://uji.example.org/\"\nlanguage: fr\n")
        let error = try #require(site.load().1.first { $0.severity == .error })
        #expect(error.code == "unsupported-language")
        #expect(error.location.description == "content/site.yml:3:1")
        #expect(error.message(.id) == "bahasa `fr` tidak tersedia; yang tersedia: `id`, `en`")
    }

    @Test func aProductWithoutADescriptionWarnsAndShowsNoEmptyHeading() throws {
        let (site, report, output) = try build(["content/products/tas.md": "---\n" + TestSite.validProductFields + "\n---\n"])
        #expect(report.succeeded)
        let warning = try #require(report.diagnostics.first { $0.code == "empty-description" })
        #expect(warning.severity == .warning)
        #expect(warning.message(.id) == "produk ini belum punya deskripsi")
        #expect(try !read(output + "/produk/tas/index.html").contains("id=\"h-desc\""))
        withExtendedLifetime(site) {}
    }

    @Test(arguments: [("title: \"Tas\u{7} Pandan\"", 2, 12, "U+0007"), ("summary: Tas\u{1}", 7, 13, "U+0001"),
                       ("summary: Tas\u{FFFF}", 7, 13, "U+FFFF"), ("summary: Tas Pandan \u{1F}", 7, 21, "U+001F")])
    func controlCharactersAreRefusedAtTheirPlace(line: String, row: Int, column: Int, code: String) throws {
        let text = line.hasPrefix("title")
            ? TestSite.validProductFields.replacingOccurrences(of: "title: \"Tas Anyaman Pandan\"", with: line)
            : TestSite.validProductFields + "\n" + line
        let (site, report, output) = try build(["content/products/tas.md": TestSite.product(text)])
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.code == "control-character")
        #expect((error.location.line, error.location.column) == (row, column))
        #expect(error.message(.id).contains("(\(code))"))
        #expect(!FileManager.default.fileExists(atPath: output))
        withExtendedLifetime(site) {}
    }

    @Test func aProductWithAnEmptyPhotoListIsWarnedAboutAndFailsAStrictBuild() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "images: [images/products/tas.jpg]", with: "images: []")
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields)])
        let report = site.build(output: site.root + "/out")
        #expect(report.succeeded)
        let warning = try #require(report.diagnostics.first { $0.code == "product-without-photo" })
        #expect(warning.severity == .warning && warning.location.line == 6)
        #expect(!site.build(output: site.root + "/strict", strict: true).succeeded)
    }
}

/// One mistake, one message, at its line.
@Suite struct OneMistakeOneMessageTests {
    @Test func aProducerWithAnErrorIsNotAlsoMissingInEveryProductThatNamesIt() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields),
                                        "content/news/2025-01-01-kabar.md": "---\ntitle: Kabar\ndate: 2025-01-01\nproducers: [desbumi-kedunggebang]\n---\nIsi.\n"])
        try site.write("content/producers/desbumi-kedunggebang.md", """
        ---
        name: "Desbumi Kedunggebang"
        village: "Kedunggebang"
        regency: "Banyuwangi"
        whatsapp: "0333-123456"
        ---
        Kelompok penganyam.
        """)
        let report = Checker.run(CheckOptions(sourceDirectory: site.root))
        #expect(report.diagnostics.map(\.code) == ["bad-whatsapp"], "\(report.diagnostics.map { $0.formatted(.en) })")
        #expect(report.diagnostics.first?.location.file == "content/producers/desbumi-kedunggebang.md")
    }

    @Test func aProductWithAnErrorDoesNotMakeItsProducerLookIdle() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "price: 85000", with: "price: murah")
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields)])
        let report = Checker.run(CheckOptions(sourceDirectory: site.root))
        #expect(report.diagnostics.map(\.code) == ["not-whole-number"])
    }

    @Test func anUnknownProducerOrCategoryPointsAtItsLine() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "producer: desbumi-kedunggebang", with: "producer: desbumi-kedungebang")
            .replacingOccurrences(of: "category: tas-anyaman", with: "category: tas-anyam")
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields)])
        let (content, _) = site.load()
        let diagnostics = Site.assemble(try #require(content)).diagnostics
        let byCode = Dictionary(uniqueKeysWithValues: diagnostics.map { ($0.code, $0.location.description) })
        #expect(byCode["unknown-producer"] == "content/products/tas.md:5:1")
        #expect(byCode["unknown-category"] == "content/products/tas.md:4:1")
    }

    @Test func aTakenAddressPointsAtTheSlugLine() throws {
        let other = TestSite.validProductFields.replacingOccurrences(of: "Tas Anyaman Pandan", with: "Tas Lain") + "\nslug: tas"
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields),
                                        "content/products/zz-lain.md": TestSite.product(other)])
        let diagnostics = Site.assemble(try #require(site.load().0)).diagnostics
        #expect(diagnostics.first { $0.code == "duplicate-slug" }?.location.description == "content/products/zz-lain.md:7:1")
    }

    @Test func aFileThatIsNotUTF8PointsAtItsFirstBadByte() throws {
        let site = try TestSite()
        try site.writeBytes("content/products/tas.md", Array("---\ntitle: \"Tas\"\nsummary: \"Caf".utf8) + [0xE9] + Array("\"\n---\n".utf8))
        let error = try #require(site.load().1.first { $0.code == "invalid-utf8" })
        #expect(error.location.description == "content/products/tas.md:3:14")
    }
}

@Suite struct LongTextTests {
    @Test func aTwoMegabyteBodyIsToldWhatToShortenNotToSplit() throws {
        let body = String(repeating: "Tas anyaman pandan dari Kedunggebang. ", count: 55_000)
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body)])
        let error = try #require(site.load().1.first { $0.code == "markdown-too-large" })
        #expect(error.message(.id) == "tulisan di bawah `---` berukuran 2042 KB, lebih dari batas 1024 KB")
        #expect(error.hint(.id)?.contains("Perpendek tulisannya") == true)
        #expect(error.hint(.id)?.contains("berkas") == false, "a product cannot be split into files")
    }
}

@Suite struct CatalogIDTests {
    @Test func aProductWhoseAddressIsAnotherProductsVariantIdIsRefused() throws {
        let beras = TestSite.validProductFields.replacingOccurrences(of: "Tas Anyaman Pandan", with: "Beras")
            + "\nvariants:\n  - name: \"Medium 5 kg\"\n    price: 70000"
        let twin = TestSite.validProductFields.replacingOccurrences(of: "Tas Anyaman Pandan", with: "Beras Medium")
        let site = try TestSite(files: ["content/products/beras-gogodeso.md": TestSite.product(beras),
                                        "content/products/beras-gogodeso-medium-5-kg.md": TestSite.product(twin)])
        let diagnostics = Site.assemble(try #require(site.load().0)).diagnostics
        let error = try #require(diagnostics.first { $0.code == "catalog-id-taken" })
        #expect(error.location.file == "content/products/beras-gogodeso-medium-5-kg.md")
        #expect(error.message(.id) == "alamat produk ini, `beras-gogodeso-medium-5-kg`, sama dengan kode katalog salah satu varian di content/products/beras-gogodeso.md")
    }
}

@Suite struct TypographicQuoteTests {
    @Test(arguments: ["“Tas Anyaman Pandan”", "„Tas Anyaman Pandan“", "‘Tas Anyaman Pandan’", "«Tas Anyaman Pandan»"])
    func curlyQuotesAroundAValueAreTakenOffWithAWarning(_ written: String) throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "\"Tas Anyaman Pandan\"", with: written)
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields)])
        let (content, diagnostics) = site.load()
        #expect(content?.products.first?.title == "Tas Anyaman Pandan")
        let warning = try #require(diagnostics.first { $0.code == "typographic-quotes" })
        #expect(warning.severity == .warning && warning.location.line == 2)
        #expect(warning.message(.id) == "tanda kutip miring di sekitar `title` dilepas; yang diterbitkan: Tas Anyaman Pandan")
    }

    @Test func quotesInsideAValueStay() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "\"Tas Anyaman Pandan\"", with: "Tas “Kawung” Pandan")
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields)])
        let (content, diagnostics) = site.load()
        #expect(content?.products.first?.title == "Tas “Kawung” Pandan")
        #expect(diagnostics.isEmpty)
    }
}
