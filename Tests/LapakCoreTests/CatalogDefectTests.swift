import Foundation
import Testing
@testable import LapakCore

/// What the catalogs and the structured data say of pre-orders, made-to-order products,
/// descriptions with tables and lists, and variants (each measured wrong before).
@Suite struct CatalogDefectTests {
    func build(_ fields: String, body: String = "Tas dari pandan.") throws -> (site: TestSite, output: String) {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields, body: body)])
        let output = site.root + "/out"
        let report = site.build(output: output)
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics.map { $0.formatted(.en) })")
        return (site, output)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func madeToOrderIsInStockWithHandlingTime() throws {
        let (site, out) = try build(TestSite.validProductFields + "\nmade_to_order: 3")
        _ = site
        let xml = try read(out + "/katalog.xml")
        #expect(xml.contains("<g:availability>in_stock</g:availability>"))
        #expect(xml.contains("<g:min_handling_time>3</g:min_handling_time>\n<g:max_handling_time>3</g:max_handling_time>"))
    }

    @Test func aPreorderOfferSaysWhenItStarts() throws {
        let (site, out) = try build(TestSite.validProductFields + "\navailability: preorder\navailable_from: 2026-02-01")
        _ = site
        #expect(try read(out + "/katalog.xml").contains("<g:availability_date>2026-02-01T00:00:00+07:00</g:availability_date>"))
        #expect(try read(out + "/produk/tas/index.html").contains(#""availabilityStarts":"2026-02-01T00:00:00+07:00""#))
    }

    @Test func tablesAndListsReadAsPlainText() throws {
        let body = """
        Tas pandan.

        | Ukuran | Berat | Harga |
        |---|:---:|---|
        | S | 50 g | Rp 85.000 |
        | **L** | 80 g | Rp 95.000 |

        - Dianyam tangan
        - Pewarna alami

        3. Pesan
        4. Bayar
        """
        let (site, out) = try build(TestSite.validProductFields, body: body)
        _ = site
        let xml = try read(out + "/katalog.xml")
        #expect(xml.contains("""
        <g:description>Tas pandan.
        Ukuran: S, Berat: 50 g, Harga: Rp 85.000
        Ukuran: L, Berat: 80 g, Harga: Rp 95.000
        • Dianyam tangan
        • Pewarna alami
        3. Pesan
        4. Bayar</g:description>
        """))
        #expect(!xml.contains("|"))
    }

    @Test func eachVariantLinksToThePageWithItChosenAndSizeHoldsSizesOnly() throws {
        let fields = TestSite.validProductFields + """

        variants:
          - name: "Kecil"
            size: "S"
            price: 85000
          - name: "Biru"
            color: "Biru"
            price: 90000
        """
        let (site, out) = try build(fields)
        _ = site
        let xml = try read(out + "/katalog.xml")
        #expect(xml.contains("<g:link>https://uji.example.org/produk/tas/?varian=kecil#varian-kecil</g:link>"))
        #expect(xml.contains("<g:link>https://uji.example.org/produk/tas/?varian=biru#varian-biru</g:link>"))
        #expect(xml.components(separatedBy: "<g:size>").count == 2 && xml.contains("<g:size>S</g:size>"))
        #expect(xml.contains("<g:color>Biru</g:color>"))
        let page = try read(out + "/produk/tas/index.html")
        #expect(page.contains(#"<tr id="varian-kecil">"#) && page.contains(#"<tr id="varian-biru">"#))
        #expect(page.contains(#"data-key="kecil""#))
    }

    @Test func variantsAreAProductGroupInStructuredData() throws {
        let fields = TestSite.validProductFields + "\nvariants:\n  - size: S\n    price: 85000\n  - size: L\n    price: 95000"
        let (site, out) = try build(fields)
        _ = site
        let page = try read(out + "/produk/tas/index.html")
        let start = try #require(page.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "ProductGroup")
        #expect(json["productGroupID"] as? String == "tas")
        #expect(json["variesBy"] as? [String] == ["https://schema.org/size"])
        let variants = try #require(json["hasVariant"] as? [[String: Any]])
        #expect(variants.map { $0["size"] as? String } == ["S", "L"])
        #expect(variants.map { ($0["offers"] as? [String: Any])?["url"] as? String }
            == ["https://uji.example.org/produk/tas/?varian=s#varian-s", "https://uji.example.org/produk/tas/?varian=l#varian-l"])
    }

    @Test func variantKeysStayApartWhenNamesComeOutAlike() throws {
        let fields = TestSite.validProductFields
            + "\nvariants:\n  - name: Ukuran S\n    price: 1\n  - name: ukuran s\n    price: 2\n  - name: \"!!\"\n    price: 3"
        let (site, out) = try build(fields)
        _ = site
        let page = try read(out + "/produk/tas/index.html")
        for key in ["ukuran-s", "ukuran-s-2", "varian-3"] { #expect(page.contains("<tr id=\"varian-\(key)\">"), "\(key)") }
    }
}
