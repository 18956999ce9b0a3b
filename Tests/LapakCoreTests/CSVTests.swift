import Testing
@testable import LapakCore

/// katalog.csv is opened in spreadsheets: no cell may run as a formula.
@Suite struct CSVTests {
    func row(_ fields: [String]) -> String {
        var out: [UInt8] = []
        CSV.appendRow(fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: ["=HYPERLINK(\"http://x.example\",\"klik\")", "+62 812", "-5", "@SUM(A1)", "\tTas", "\rTas"])
    func aCellThatWouldRunAsAFormulaIsNeutralised(_ field: String) {
        let line = row([field, "ok"])
        #expect(line.hasPrefix("\"'"), "\(line)")
        #expect(line.hasSuffix(",ok\r\n"))
    }

    @Test func ordinaryCellsStayAsTheyAre() {
        #expect(row(["Tas Anyaman Pandan", "Rp 85.000", "a, b", "kata \"pandan\""])
                == "Tas Anyaman Pandan,Rp 85.000,\"a, b\",\"kata \"\"pandan\"\"\"\r\n")
        #expect(row(["tas-pandan-1", "5 - 7 hari"]) == "tas-pandan-1,5 - 7 hari\r\n")
    }
}

@Suite struct CatalogTitleTests {
    @Test func aLongTitleIsShortenedBeforeTheVariantName() {
        let title = String(repeating: "Tas anyaman pandan motif kawung ", count: 6)
        let small = Catalog.variantTitle(title, "Kecil (20 × 15 cm)")
        let large = Catalog.variantTitle(title, "Besar (40 × 32 cm)")
        #expect(small.unicodeScalars.count <= 150 && large.unicodeScalars.count <= 150)
        #expect(small.hasSuffix("… (Kecil (20 × 15 cm))") && large.hasSuffix("… (Besar (40 × 32 cm))"))
        #expect(small != large)
        #expect(Catalog.variantTitle("Tas Pandan", "Besar") == "Tas Pandan (Besar)")
    }
}
