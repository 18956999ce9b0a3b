import Foundation
import Testing
@testable import LapakCore

/// A site in two languages: translation files carry words, the original everything else, and
/// every page exists in every language.
@Suite struct TranslationTests {
    static let bilingualConfig = """
    title: "Lapak Uji"
    base_url: "https://uji.example.org/"
    languages: [id, en]
    translations:
      en:
        title: "Test Market"
        categories:
          tas-anyaman: "Woven Bags"
    categories:
      tas-anyaman: "Tas Anyaman"
      jamu: "Jamu"
    """

    static let original = TestSite.product("""
    title: "Tas Anyaman Pandan"
    price: 85000
    category: tas-anyaman
    producer: desbumi-kedunggebang
    images:
      - src: images/products/tas.jpg
        alt: "Tas anyaman cokelat"
    variants:
      - name: "Sedang"
        size: "Sedang"
        price: 85000
      - name: "Besar"
        size: "Besar"
        price: 120000
    """, body: "Tas dari daun pandan.")

    static let translation = TestSite.product("""
    title: "Pandan Woven Bag"
    price: "85000"
    images:
      - alt: "A brown woven bag"
    variants:
      - name: "Medium"
        size: "Medium"
      - name: "Large"
        size: "Large"
        price: 120000
    """, body: "A bag woven from pandan leaves.")

    private func bilingualSite(_ files: [String: String]) throws -> TestSite {
        let site = try TestSite(files: files)
        try site.write("content/site.yml", Self.bilingualConfig)
        return site
    }

    @Test func aTranslationGivesTheWordsAndKeepsTheOriginalsPricesAndPhotos() throws {
        let site = try bilingualSite([
            "content/products/tas.md": Self.original, "content/products/tas.en.md": Self.translation,
        ])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.map { $0.formatted(.en) })")
        let loaded = try #require(content)
        let (assembled, _) = Site.assemble(loaded)
        let english = assembled.edition("en")
        let product = try #require(english.products.first)
        #expect(product.title == "Pandan Woven Bag")
        #expect(product.variants.map(\.name) == ["Medium", "Large"])
        #expect(product.variants.map(\.price) == [85000, 120000])
        #expect(product.variants.map { $0.attributes[.size] } == ["Medium", "Large"])
        #expect(product.images.map(\.alt) == ["A brown woven bag"])
        #expect(product.images.map(\.path) == ["images/products/tas.jpg"])
        #expect(product.body.html.contains("woven from pandan"))
        #expect(product.catalogDescription.contains("woven from pandan"))
        #expect(!english.untranslated.contains("content/products/tas.md"))
        #expect(english.untranslated.contains("content/producers/desbumi-kedunggebang.md"))
        #expect(english.categoryName("tas-anyaman") == "Woven Bags")
        #expect(english.config.title == "Test Market")
        // The first language is untouched.
        #expect(assembled.products.first?.title == "Tas Anyaman Pandan")
    }

    @Test func aTranslationWithAnotherPriceIsRefusedAtItsLine() throws {
        let site = try bilingualSite([
            "content/products/tas.md": Self.original,
            "content/products/tas.en.md": Self.translation.replacingOccurrences(of: "price: \"85000\"", with: "price: 150000"),
        ])
        let (_, diagnostics) = site.load()
        let refused = try #require(diagnostics.first(code: "translation-contradicts-original"))
        #expect(refused.severity == .error)
        #expect(refused.location == SourceLocation(file: "content/products/tas.en.md", line: 3, column: 1))
        #expect(refused.message(.en).contains("150000") && refused.message(.en).contains("85000"))
        #expect(!site.build(output: site.root + "/out").succeeded)
    }

    @Test func aVariantPriceOrAFieldTheOriginalLacksIsRefusedToo() throws {
        let changed = Self.translation.replacingOccurrences(of: "    price: 120000", with: "    price: 99000") + ""
        let withStock = Self.translation.replacingOccurrences(of: "title: \"Pandan Woven Bag\"", with: "title: \"Pandan Woven Bag\"\nstock: 4")
        let oneVariant = Self.translation.replacingOccurrences(of: "  - name: \"Large\"\n    size: \"Large\"\n    price: 120000\n", with: "")
        for (text, code, line) in [(changed, "translation-contradicts-original", 11), (withStock, "translation-not-in-original", 3),
                                   (oneVariant, "translation-count-differs", 6)] {
            let site = try bilingualSite(["content/products/tas.md": Self.original, "content/products/tas.en.md": text])
            let (_, diagnostics) = site.load()
            let found = diagnostics.first(code: code)
            #expect(found?.severity == .error, "\(code): \(diagnostics.map { $0.formatted(.en) })")
            #expect(found?.location.file == "content/products/tas.en.md")
            #expect(found?.location.line == line, "\(code)")
        }
    }

    @Test func translationFilesThatFitNoLanguageOrNoOriginalAreErrorsAtTheFile() throws {
        let site = try bilingualSite([
            "content/products/tas.md": Self.original,
            "content/products/tas.fr.md": Self.translation,
            "content/products/tas.id.md": Self.translation,
            "content/products/tass.en.md": Self.translation,
        ])
        let (_, diagnostics) = site.load()
        #expect(diagnostics.first(code: "translation-unknown-language")?.location.file == "content/products/tas.fr.md")
        #expect(diagnostics.first(code: "translation-first-language")?.location.file == "content/products/tas.id.md")
        let orphan = try #require(diagnostics.first(code: "translation-without-original"))
        #expect(orphan.location.file == "content/products/tass.en.md")
        #expect(orphan.message(.id).contains("content/products/tass.md"))
        // A one-language site names the fix: add the language.
        let single = try TestSite(files: ["content/products/tas.md": Self.original, "content/products/tas.en.md": Self.translation])
        let (_, alone) = single.load()
        #expect(alone.first(code: "translation-unknown-language")?.hint(.id)?.contains("languages: [id, en]") == true)
    }

    @Test func siteLanguagesAreCheckedWhereTheyAreWritten() throws {
        for (yaml, code) in [("languages: [id, fr]", "unsupported-language"), ("languages: [id, en, en]", "language-repeated"),
                             ("language: en\nlanguages: [id, en]", "language-disagrees"),
                             ("languages: [id]\ntranslations:\n  en:\n    title: \"X\"", "translation-texts-unknown-language")] {
            let site = try TestSite()
            try site.write("content/site.yml", "title: \"Uji\"\nbase_url: \"https://uji.example.org/\"\n" + yaml + "\n")
            let (_, diagnostics) = site.load()
            let found = diagnostics.first(code: code)
            #expect(found?.severity == .error, "\(yaml): \(diagnostics.map { $0.formatted(.en) })")
            #expect(found?.location.file == "content/site.yml")
            #expect((found?.location.line ?? 0) >= 3, "\(yaml)")
        }
    }

    @Test func untranslatedItemsExistUnderTheirLanguageWithANoticeAndTheOriginalAsCanonical() throws {
        let site = try bilingualSite([
            "content/products/tas.md": Self.original, "content/products/tas.en.md": Self.translation,
            "content/products/jamu.md": TestSite.product("""
            title: "Jamu Kunyit Asam"
            price: 15000
            category: jamu
            producer: desbumi-kedunggebang
            images: [images/products/tas.jpg]
            """, body: "Jamu segar."),
        ])
        let output = site.root + "/out"
        let report = site.build(output: output)
        #expect(report.succeeded, "\(report.diagnostics.map { $0.formatted(.en) })")
        let untranslated = try String(contentsOfFile: output + "/en/produk/jamu/index.html", encoding: .utf8)
        #expect(untranslated.contains("<html lang=\"en\">"))
        #expect(untranslated.contains("<link rel=\"canonical\" href=\"https://uji.example.org/produk/jamu/\">"))
        #expect(untranslated.contains("not yet translated into English"))
        #expect(untranslated.contains("<h1 lang=\"id\">Jamu Kunyit Asam</h1>"))
        let translated = try String(contentsOfFile: output + "/en/produk/tas/index.html", encoding: .utf8)
        #expect(translated.contains("<link rel=\"canonical\" href=\"https://uji.example.org/en/produk/tas/\">"))
        #expect(translated.contains("<link rel=\"alternate\" hreflang=\"id\" href=\"https://uji.example.org/produk/tas/\">"))
        #expect(translated.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://uji.example.org/produk/tas/\">"))
        #expect(translated.contains("Rp 85,000") && !translated.contains("Rp 85.000"))
        #expect(translated.contains("I%20would%20like%20to%20order"))
        let original = try String(contentsOfFile: output + "/produk/tas/index.html", encoding: .utf8)
        #expect(original.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://uji.example.org/en/produk/tas/\">"))
        #expect(original.contains("Rp 85.000"))
        // Each language has its own not-found page, feeds and catalogs.
        for file in ["en/404.html", "en/atom.xml", "en/feed.json", "en/products.json", "en/cari/index.json",
                     "katalog.en.xml", "katalog.en.csv"] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + file), "\(file)")
        }
        let catalog = try String(contentsOfFile: output + "/katalog.en.xml", encoding: .utf8)
        #expect(catalog.contains("<language>en</language>") && catalog.contains("<g:title>Pandan Woven Bag"))
        // The sitemap lists what is canonical, with its versions; the untranslated copy is left out.
        let sitemap = try String(contentsOfFile: output + "/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("<loc>https://uji.example.org/en/produk/tas/</loc>"))
        #expect(!sitemap.contains("<loc>https://uji.example.org/en/produk/jamu/</loc>"))
        #expect(sitemap.contains("hreflang=\"x-default\" href=\"https://uji.example.org/produk/tas/\""))
    }

    @Test func aSiteInOneLanguageCarriesNoTraceOfLanguages() throws {
        let named = try TestSite(files: ["content/products/tas.md": Self.original])
        let listed = try TestSite(files: ["content/products/tas.md": Self.original])
        try listed.write("content/site.yml", """
        title: "Lapak Uji"
        base_url: "https://uji.example.org/"
        languages: [id]
        categories:
          tas-anyaman: "Tas Anyaman"
          jamu: "Jamu"
        """)
        let first = named.root + "/out", second = listed.root + "/out"
        #expect(named.build(output: first).succeeded && listed.build(output: second).succeeded)
        let files = try FileManager.default.subpathsOfDirectory(atPath: first).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: second).sorted()))
        #expect(!files.contains { $0.hasPrefix("en/") || $0.contains("katalog.en") })
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = try String(contentsOfFile: first + "/" + file, encoding: .utf8)
            #expect(text == (try String(contentsOfFile: second + "/" + file, encoding: .utf8)), "\(file)")
            #expect(!text.contains("hreflang") && !text.contains("<language>") && !text.contains("xmlns:xhtml"), "\(file)")
        }
    }
}

extension TranslationTests {
    @Test func checkFindsABrokenLinkInATranslationAtItsLineAndListsWhatIsUntranslated() throws {
        let site = try TestSite(files: [
            "content/products/tas.md": Self.original,
            "content/products/tas.en.md": Self.translation.replacingOccurrences(
                of: "A bag woven from pandan leaves.", with: "A bag woven from pandan leaves.\n\nSee [how to order](/en/cara-pesan/)."),
        ])
        try site.write("content/site.yml", Self.bilingualConfig)
        let report = Checker.run(CheckOptions(sourceDirectory: site.root))
        let broken = try #require(report.diagnostics.first { $0.code == "broken-link" })
        #expect(broken.location.file == "content/products/tas.en.md")
        #expect(broken.location.line == 15)
        #expect(report.untranslated.map(\.language) == ["en"])
        #expect(report.untranslated.first?.files == ["content/producers/desbumi-kedunggebang.md"])
        let text = CheckTextFormatter(language: .en).format(report)
        #expect(text.contains("Not yet translated into English (en): 1 producer."))
        let json = CheckJSONFormatter(language: .en).format(report)
        #expect(json.contains("\"severity\": \"info\", \"code\": \"untranslated\", \"language\": \"en\""))
        #expect(json.contains("content/producers/desbumi-kedunggebang.en.md"))
    }
}
