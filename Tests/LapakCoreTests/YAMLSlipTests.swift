import Testing
@testable import LapakCore

/// YAML a member cannot read is explained in her words, at its line; no parser text reaches her.
@Suite struct YAMLSlipTests {
    func error(_ frontMatter: String) throws -> Diagnostic {
        let site = try TestSite(files: ["content/products/tas.md": "---\n" + frontMatter + "---\nTas dari pandan.\n"])
        return try #require(site.load().1.first { $0.severity == .error })
    }

    static let rest = "category: tas-anyaman\nproducer: desbumi-kedunggebang\nimages: [images/products/tas.jpg]\n"

    @Test(arguments: [
        // (front matter, file line, Indonesian message)
        ("title: Tas\n\tprice: 85000\n" + rest, 3, "ada tombol Tab di awal baris ini"),
        ("title: \"Tas Anyaman\nprice: 85000\n" + rest, 2, "tanda kutip dibuka di sini tetapi tidak ditutup"),
        ("title: Tas: Motif Kawung\nprice: 85000\n" + rest, 2, "isi `title` memuat tanda titik dua (`:`)"),
        ("title: Tas\nprice: 85000\ntags:\n  - anyaman\n  banyuwangi\n" + rest, 6, "baris ini ada di dalam daftar tetapi tidak diawali tanda `-`"),
        ("title: Tas\n  price: 85000\n" + rest, 3, "jarak awal baris ini tidak sejajar dengan baris di sekitarnya"),
    ])
    func eachSlipIsNamedInPlainWordsAtItsLine(frontMatter: String, line: Int, message: String) throws {
        let d = try error(frontMatter)
        #expect(d.code == "yaml-syntax")
        #expect(d.location.line == line, "\(d.formatted(.en))")
        #expect(d.message(.id) == message)
        for language in [Language.id, .en] {
            let text = d.message(language) + (d.hint(language) ?? "")
            for jargon in ["scanning", "token", "mapping values", "scalar", "indicator", "block"] {
                #expect(!text.contains(jargon), "\(text)")
            }
        }
    }

    @Test func aColonInAValueSaysHowToQuoteIt() throws {
        let d = try error("title: Tas: Motif Kawung\nprice: 85000\n" + Self.rest)
        #expect(d.hint(.id) == "Beri tanda kutip pada isinya: `title: \"Tas: Motif Kawung\"`.")
        #expect(d.message(.en) == "the value of `title` contains a colon (`:`)")
    }
}
