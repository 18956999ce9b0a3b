import Testing
@testable import LapakCore

/// Every validation message a contributor can meet, with its file, line and hint.
@Suite struct ValidationTests {
    func diagnostics(product fields: String, file: String = "content/products/tas.md") throws -> [Diagnostic] {
        let site = try TestSite(files: [file: TestSite.product(fields)])
        let (content, diagnostics) = site.load()
        guard let content else { return diagnostics }
        return diagnostics + Site.assemble(content).diagnostics
    }

    @Test func validProductLoadsCleanly() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.formatted(.en) })")
        let product = try #require(content?.products.first)
        #expect(product.slug == "tas")
        #expect(product.price == 85000)
        #expect(product.availability == .inStock)
        #expect(product.images.first?.width == 800 && product.images.first?.height == 600)
    }

    @Test func missingRequiredFieldNamesFieldAndExample() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "category: tas-anyaman\n", with: "")
        let d = try #require(try diagnostics(product: fields).first(code: "missing-field"))
        #expect(d.location.file == "content/products/tas.md")
        #expect(d.message(.id) == "kolom wajib `category` belum diisi")
        #expect(d.hint(.id) == "Tambahkan baris `category: tas-anyaman` di antara kedua garis `---`.")
        #expect(d.message(.en) == "the required field `category` is missing")
    }

    @Test(arguments: ["price: 0\n", "price:\n", "price: ~\n", ""])
    func aProductWithoutAPriceDoesNotGoLive(price: String) throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "price: 85000\n", with: price)
        let errors = try diagnostics(product: fields).errors
        #expect(errors.map(\.code) == ["price-not-set"])
        #expect(errors.first?.message(.id) == "harga produk belum diisi")
        #expect(errors.first?.hint(.id) == "Tulis harga dalam Rupiah, angka saja, misalnya `price: 85000`. Bila harganya belum pasti, tulis `draft: true` agar produk ini belum tampil.")
        if !price.isEmpty { #expect(errors.first?.location.line == 3, "at the price line") }
    }

    @Test(arguments: ["true", "ya", "Yes"])
    func aDraftMayWaitForItsPrice(draft: String) throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "price: 85000\n", with: "price: 0\ndraft: \(draft)\n")
        #expect(try diagnostics(product: fields).errors.isEmpty)
    }

    @Test func priceWithThousandsSeparatorGetsTheFix() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "price: 85000", with: "price: 85.000")
        let d = try #require(try diagnostics(product: fields).first(code: "price-with-separators"))
        #expect(d.location.line == 3)
        #expect(d.location.column == 1)
        #expect(d.hint(.id) == "Tulis harga dalam Rupiah tanpa titik: `price: 85000`.")
    }

    @Test(arguments: ["-5", "murah", "12.5", "[1, 2]"])
    func priceMustBeWholeRupiah(value: String) throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "price: 85000", with: "price: \(value)")
        let d = try #require(try diagnostics(product: fields).errors.first)
        #expect(d.code == "not-whole-number")
        #expect(d.location.line == 3)
        #expect(d.message(.en).hasPrefix("`price` must be a whole number of 0 or more"))
    }

    @Test func badAndImpossibleDates() throws {
        let bad = try diagnostics(product: TestSite.validProductFields + "\ndate: 13/12/2025")
        #expect(bad.first(code: "bad-date")?.location.line == 7)
        #expect(bad.first(code: "bad-date")?.message(.id) == "tanggal `13/12/2025` pada `date` tidak dikenali")
        let impossible = try diagnostics(product: TestSite.validProductFields + "\ndate: 2024-02-30")
        #expect(impossible.first(code: "impossible-date")?.message(.en) == "the date `2024-02-30` in `date` does not exist")
    }

    @Test func unknownProducerSuggestsTheNearestAndListsKnown() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "producer: desbumi-kedunggebang",
                                                                       with: "producer: desbumi-kedungebang")
        let d = try #require(try diagnostics(product: fields).first(code: "unknown-producer"))
        #expect(d.message(.id) == "kelompok produsen `desbumi-kedungebang` tidak ditemukan")
        #expect(d.hint(.id) == "Maksudnya `desbumi-kedunggebang`? Yang tersedia: `desbumi-kedunggebang`.")
    }

    @Test func unknownCategoryIsAnError() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "category: tas-anyaman", with: "category: tas")
        #expect(try diagnostics(product: fields).first(code: "unknown-category") != nil)
    }

    @Test func duplicateSlugNamesTheOtherFile() throws {
        let site = try TestSite(files: [
            "content/products/tas.md": TestSite.product(TestSite.validProductFields),
            "content/products/tas-lain.md": TestSite.product(TestSite.validProductFields + "\nslug: tas"),
        ])
        let (content, _) = site.load()
        let loaded = try #require(content)
        let d = try #require(Site.assemble(loaded).diagnostics.first(code: "duplicate-slug"))
        #expect(d.location.file == "content/products/tas.md")
        #expect(d.message(.en) == "the slug `tas` is already used by content/products/tas-lain.md")
    }

    @Test func fileNameThatIsNotURLSafe() throws {
        let d = try #require(try diagnostics(product: TestSite.validProductFields, file: "content/products/Tas Besar.md")
            .first(code: "invalid-slug"))
        #expect(d.hint(.en)?.contains("`tas-besar`") == true)
    }

    @Test func malformedYAMLIsReportedAtItsLineInTheFile() throws {
        let fields = TestSite.validProductFields + "\nsummary: \"tidak ditutup"
        let d = try #require(try diagnostics(product: fields).first(code: "yaml-syntax"))
        #expect(d.location.file == "content/products/tas.md")
        #expect(d.location.line >= 7, "YAML errors count from the top of the file, not the front matter")
    }

    @Test func duplicateKeysAreErrors() throws {
        let d = try diagnostics(product: TestSite.validProductFields + "\nprice: 90000")
        #expect(d.first(code: "duplicate-key")?.message(.en) == "the field `price` appears more than once")
    }

    @Test func missingImageFile() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "images: [images/products/tas.jpg]",
                                                                       with: "images: [images/products/Tas.jpg]")
        let d = try #require(try diagnostics(product: fields).first(code: "missing-image"))
        #expect(d.location.line == 6)
        #expect(d.message(.id) == "gambar `images/products/Tas.jpg` tidak ditemukan")
    }

    @Test func imagePathsMayNotLeaveContent() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "images: [images/products/tas.jpg]",
                                                                       with: "images: [../../etc/passwd]")
        #expect(try diagnostics(product: fields).first(code: "image-outside-content") != nil)
    }

    @Test func missingFrontMatter() throws {
        let site = try TestSite(files: ["content/products/tas.md": "Tas dari pandan.\n"])
        let d = try #require(site.load().1.first(code: "missing-front-matter"))
        #expect(d.location == SourceLocation(file: "content/products/tas.md", line: 1, column: 1))
    }

    @Test func unclosedFrontMatter() throws {
        let site = try TestSite(files: ["content/products/tas.md": "---\n" + TestSite.validProductFields + "\nTeks\n"])
        #expect(site.load().1.first(code: "unclosed-front-matter") != nil)
    }

    @Test func availabilityFollowsStockOrIsChecked() throws {
        let site = try TestSite(files: [
            "content/products/a.md": TestSite.product(TestSite.validProductFields + "\nstock: 0"),
            "content/products/b.md": TestSite.product(TestSite.validProductFields + "\navailability: preorder\navailable_from: 2026-01-15"),
        ])
        let products = try #require(site.load().0?.products)
        #expect(products.first { $0.slug == "a" }?.availability == .outOfStock)
        #expect(products.first { $0.slug == "b" }?.availability == .preorder)
        let bad = try diagnostics(product: TestSite.validProductFields + "\navailability: ada")
        #expect(bad.first(code: "bad-availability")?.hint(.id)?.contains("`in_stock`") == true)
    }

    @Test func unknownFieldsWarnWithASuggestion() throws {
        let d = try diagnostics(product: TestSite.validProductFields + "\nharga_lama: 1\nstok: 3")
        let stok = try #require(d.first { $0.code == "unknown-field" && $0.message(.en).contains("`stok`") })
        #expect(stok.severity == .warning)
        #expect(stok.message(.id) == "kolom `stok` tidak dikenal; maksudnya `stock`?")
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\ndraft: true")])
        #expect(site.load().0?.products.isEmpty == true)
        #expect(site.load(drafts: true).0?.products.count == 1)
    }

    @Test func badWhatsAppNumber() throws {
        let site = try TestSite(files: ["content/producers/kopi-x.md": "---\nname: KOPI X\nvillage: X\nregency: Blitar\nwhatsapp: \"0341-555\"\n---\nCerita.\n"])
        let d = try #require(site.load().1.first(code: "bad-whatsapp"))
        #expect(d.location == SourceLocation(file: "content/producers/kopi-x.md", line: 5, column: 1))
    }

    @Test func crlfAndByteOrderMarkKeepLineNumbers() throws {
        let text = "\u{FEFF}---\r\n" + TestSite.validProductFields.replacingOccurrences(of: "\n", with: "\r\n")
            + "\r\ndate: 2024-02-30\r\n---\r\nTeks\r\n"
        let site = try TestSite(files: ["content/products/tas.md": text])
        #expect(site.load().1.first(code: "impossible-date")?.location.line == 7)
    }

    @Test func yamlAliasesAreRefused() throws {
        let d = try diagnostics(product: TestSite.validProductFields + "\nsummary: &a hai\ntags: [*a]")
        #expect(d.first(code: "yaml-alias") != nil)
        let quoted = try diagnostics(product: TestSite.validProductFields + "\nsummary: \"*bintang* & teman\"")
        #expect(quoted.first(code: "yaml-alias") == nil)
    }

    @Test func allProblemsOfARunAreReportedTogether() throws {
        let site = try TestSite(files: [
            "content/products/a.md": TestSite.product("title: A\nprice: x\ncategory: jamu\nproducer: desbumi-kedunggebang\nimages: [images/products/tas.jpg]"),
            "content/products/b.md": TestSite.product("title: B\nprice: 1\ncategory: jamu\nproducer: desbumi-kedunggebang"),
            "content/news/2025-01-01-c.md": "---\ntitle: C\ndate: 2025-02-31\n---\nTeks\n",
        ])
        let files = Set(site.load().1.errors.map(\.location.file))
        #expect(files == ["content/products/a.md", "content/products/b.md", "content/news/2025-01-01-c.md"])
    }
}
