import LapakCore
import Testing

/// The editor's writes: only the changed fields' bytes change, everything else stays as written.
@Suite struct FrontMatterPatcherTests {
    func patch(_ text: String, _ changes: [(key: String, value: FieldValue)], body: String? = nil) throws -> String {
        String(decoding: try FrontMatterPatcher.patch(Array(text.utf8), file: "content/products/tas.md", changes: changes, body: body),
               as: UTF8.self)
    }

    static let product = """
    ---
    # Nama produk
    title: "Tas Anyaman Pandan"   # dibaca pembeli
    price: 85000
    category: tas-anyaman
    warna_favorit: hijau
    images:
      - src: images/products/tas.jpg
        alt: "Tas"
    stock:
    tags: [anyaman, pandan]
    ---
    Tas dari pandan.

    """

    @Test func aChangedPriceReplacesOnlyItsDigits() throws {
        let out = try patch(Self.product, [("price", .text("90000"))])
        #expect(out == Self.product.replacingOccurrences(of: "price: 85000", with: "price: 90000"))
    }

    @Test func commentsOrderUnknownFieldsAndQuotingSurvive() throws {
        let out = try patch(Self.product, [("title", .text("Tas Pandan Besar")), ("stock", .text("12"))])
        #expect(out == Self.product
            .replacingOccurrences(of: #"title: "Tas Anyaman Pandan""#, with: #"title: "Tas Pandan Besar""#)
            .replacingOccurrences(of: "stock:\n", with: "stock: 12\n"))
        #expect(out.contains("# dibaca pembeli"))
        #expect(out.contains("warna_favorit: hijau"))
    }

    @Test func valuesThatYAMLWouldMisreadAreQuotedSafely() throws {
        for hostile in ["a: b", "# bukan komentar", "- daftar", "null", "\"kutip\" dan \\", "baris\nbaru", "[x]", "&anchor", "*", " spasi "] {
            let out = try patch(Self.product, [("category", .text(hostile))])
            let map = try #require(SourceMap.read(Array(out.utf8), file: "x.md"))
            #expect(map.value(of: "category") == .text(hostile), "\(hostile)")
            #expect(map.value(of: "price") == .text("85000"))
        }
    }

    @Test func unicodeBeforeAFieldDoesNotShiftItsBytes() throws {
        let text = "---\ntitle: \"Kopi ☕ Gogodeso — Blitar\"\nprice: 5\n---\nKopi.\n"
        let out = try patch(text, [("price", .text("45000")), ("title", .text("Kopi Ñandú ☕"))])
        #expect(out == "---\ntitle: \"Kopi Ñandú ☕\"\nprice: 45000\n---\nKopi.\n")
    }

    @Test func crlfFilesKeepTheirLineEnds() throws {
        let text = "\u{FEFF}---\r\ntitle: Tas\r\nprice: 1\r\n---\r\nIsi.\r\n"
        let out = try patch(text, [("price", .text("2")), ("stock", .text("3"))], body: "Isi baru.\nBaris dua.\n")
        #expect(out == "\u{FEFF}---\r\ntitle: Tas\r\nprice: 2\r\nstock: 3\r\n---\r\nIsi baru.\r\nBaris dua.\r\n")
    }

    @Test func anEmptyValueIsFilledWithoutTheSpacesAfterItsColon() throws {
        let out = try patch("---\nprice: \nstock:   # jumlah\n---\n", [("price", .text("85000")), ("stock", .text("3"))])
        #expect(out == "---\nprice: 85000\nstock: 3 # jumlah\n---\n")
    }

    @Test func aMissingFieldIsAddedBeforeTheClosingLine() throws {
        let out = try patch(Self.product, [("draft", .text("true"))])
        #expect(out.contains("tags: [anyaman, pandan]\ndraft: true\n---\n"))
    }

    @Test func rowsAndEntriesAreWrittenAsBlocksAndReadBack() throws {
        let rows: FieldValue = .rows([[.init("name", "Besar (40 × 32 cm)"), .init("price", "165000")],
                                      [.init("name", "Kecil: 20 cm"), .init("price", "90000")]])
        let certifications: FieldValue = .entries([.init("pirt", "P-IRT 1234567890123-45")])
        let out = try patch(Self.product, [("variants", rows), ("certifications", certifications)])
        let map = try #require(SourceMap.read(Array(out.utf8), file: "x.md"))
        #expect(map.value(of: "variants") == rows)
        #expect(map.value(of: "certifications") == certifications)
        #expect(out.contains("variants:\n  - name: \"Besar (40 × 32 cm)\"\n    price: 165000\n  - name: \"Kecil: 20 cm\"\n"))
        // And emptied again: a flow `[]` where the block was.
        let emptied = try patch(out, [("variants", .rows([]))])
        #expect(emptied.contains("variants: []\ncertifications:"))
    }

    @Test func aBlockListIsReplacedAtItsIndentation() throws {
        let images: FieldValue = .rows([[.init("src", "images/products/baru.jpg"), .init("alt", "Tas baru")]])
        let out = try patch(Self.product, [("images", images)])
        #expect(out.contains("images:\n  - src: images/products/baru.jpg\n    alt: Tas baru\nstock:\n"))
    }

    @Test func aFlowListKeepsItsPlace() throws {
        let out = try patch(Self.product, [("tags", .list(["anyaman", "oleh-oleh, murah"]))])
        #expect(out.contains(#"tags: [anyaman, "oleh-oleh, murah"]"#))
    }

    @Test func emptyingAFieldLeavesItsKeyAndComment() throws {
        let out = try patch(Self.product, [("title", .text(""))])
        #expect(out.contains("title:   # dibaca pembeli\n"))
    }

    @Test func theBodyIsReplacedAndFrontMatterKept() throws {
        let out = try patch(Self.product, [], body: "Baru.\r\n")
        #expect(out == Self.product.replacingOccurrences(of: "Tas dari pandan.\n", with: "Baru.\n"))
    }

    @Test func aFileWithoutReadableFrontMatterIsRefused() {
        #expect(throws: FrontMatterPatcher.Failure.unreadable) {
            try FrontMatterPatcher.patch(Array("---\ntitle: [\n---\n".utf8), file: "x.md", changes: [("title", .text("a"))])
        }
    }

    @Test func theSourceMapHasByteRangesOfKeysAndValues() throws {
        let text = "\u{FEFF}---\r\n# ☕\r\ntitle: \"Kopi\"\r\nvariants:\r\n  - name: A\r\n    price: 1\r\n---\r\n"
        let map = try #require(SourceMap.read(Array(text.utf8), file: "x.md"))
        let bytes = Array(text.utf8)
        let title = try #require(map.field("title"))
        #expect(String(decoding: bytes[title.key.start..<title.key.end], as: UTF8.self) == "title")
        #expect(String(decoding: bytes[title.value.span.start..<title.value.span.end], as: UTF8.self) == "\"Kopi\"")
        #expect(title.key.line == 3)
        #expect(map.location(of: "variants.price") == SourceLocation(file: "x.md", line: 6, column: 5))
        #expect(map.field(atLine: 5)?.name == "variants")
    }
}
