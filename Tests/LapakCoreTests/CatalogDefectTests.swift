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

/// Sale prices: crossed out on the page with their dates, in both catalogs and in JSON-LD, and
/// refused when they are not a sale.
@Suite struct SalePriceTests {
    let sale = TestSite.validProductFields + "\nsale_price: 70000\nsale_from: 2025-12-01\nsale_until: 2025-12-31"

    @Test func aSaleReachesThePageTheCatalogsAndTheStructuredData() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(sale)])
        let out = site.root + "/out"
        #expect(!site.build(output: out).diagnostics.contains { $0.severity == .error })
        let xml = try String(contentsOfFile: out + "/katalog.xml", encoding: .utf8)
        #expect(xml.contains("<g:price>85000.00 IDR</g:price>\n<g:sale_price>70000.00 IDR</g:sale_price>\n"
            + "<g:sale_price_effective_date>2025-12-01T00:00:00+07:00/2025-12-31T23:59:59+07:00</g:sale_price_effective_date>"))
        let csv = try String(contentsOfFile: out + "/katalog.csv", encoding: .utf8)
        #expect(csv.hasPrefix("id,title,description,availability,condition,price,sale_price,sale_price_effective_date,"))
        #expect(csv.contains(",85000.00 IDR,70000.00 IDR,2025-12-01T00:00:00+07:00/2025-12-31T23:59:59+07:00,"))
        let page = try String(contentsOfFile: out + "/produk/tas/index.html", encoding: .utf8)
        #expect(page.contains("<del>Rp 85.000</del> <ins>Rp 70.000</ins>"))
        #expect(page.contains("31 Desember 2025"))
        // What the buyer pays while the sale lasts: in the order message, the cart and link previews.
        #expect(page.contains("%28Rp%2070.000%29") && page.contains(#"data-price="70000""#))
        #expect(page.contains(#"<meta property="product:price:amount" content="70000">"#))
        #expect(page.contains(#""price":"70000","priceCurrency":"IDR","priceValidUntil":"2025-12-31","priceSpecification":{"@type":"UnitPriceSpecification","priceType":"https://schema.org/StrikethroughPrice","price":"85000""#))
    }

    @Test func checkWarnsOnceTheSaleHasEnded() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(sale)])
        let january = Date(timeIntervalSince1970: Double(ContentDate(year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 1).epochSeconds))
        let report = Checker.run(CheckOptions(sourceDirectory: site.root, now: january))
        let ended = report.diagnostics.filter { $0.code == "channel-sale-ended" }
        #expect(ended.count == 1 && ended.first?.location.line == 9)
        #expect(ended.first?.message(.id) == "harga promo sudah berakhir pada 2025-12-31")
        #expect(report.readiness.map(\.ready) == [0, 0])
        let lastDay = Date(timeIntervalSince1970: Double(ContentDate(year: 2025, month: 12, day: 31, hour: 23).epochSeconds))
        #expect(!Checker.run(CheckOptions(sourceDirectory: site.root, now: lastDay)).diagnostics.contains { $0.code == "channel-sale-ended" })
    }

    @Test func aSaleThatIsNoSaleIsRefusedAtItsLine() throws {
        for (fields, code, line) in [
            (TestSite.validProductFields + "\nsale_price: 90000", "channel-sale-not-lower", 7),
            (TestSite.validProductFields + "\nsale_price: 70000\nsale_from: 2025-12-31\nsale_until: 2025-12-01", "channel-sale-dates-reversed", 9),
            (TestSite.validProductFields + "\nsale_until: 2025-12-01", "channel-sale-without-price", 7),
        ] {
            let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields)])
            let (_, diagnostics) = site.load()
            let found = diagnostics.filter { $0.code == code }
            #expect(found.count == 1 && found.first?.severity == .error && found.first?.location.line == line, "\(code)")
        }
    }
}

/// Categories of site.yml carry Google's and Meta's categories into the catalogs.
@Suite struct ChannelCategoryTests {
    @Test func aCategoryMapsToGoogleAndMetaAndProductTypeIsItsPath() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        try site.write("content/site.yml", """
        title: "Lapak Uji"
        base_url: "https://uji.example.org/"
        categories:
          tas-anyaman:
            name: "Tas Anyaman"
            google: "Apparel & Accessories > Handbags, Wallets & Cases > Handbags"
            meta: "Clothing & Accessories > Bags & Luggage"
            gogle: "salah ketik"
        """)
        let out = site.root + "/out"
        let report = site.build(output: out)
        #expect(report.diagnostics.map(\.code) == ["unknown-field"])
        let xml = try String(contentsOfFile: out + "/katalog.xml", encoding: .utf8)
        #expect(xml.contains("<g:product_type>Produk &gt; Tas Anyaman</g:product_type>\n"
            + "<g:google_product_category>Apparel &amp; Accessories &gt; Handbags, Wallets &amp; Cases &gt; Handbags</g:google_product_category>"))
        let csv = try String(contentsOfFile: out + "/katalog.csv", encoding: .utf8)
        #expect(csv.contains(",Produk > Tas Anyaman,\"Apparel & Accessories > Handbags, Wallets & Cases > Handbags\",Clothing & Accessories > Bags & Luggage,"))
    }
}

/// Shipping and returns of site.yml, a product's own where it differs, in the catalogs, the
/// structured data and on the ordering page.
@Suite struct ShippingTests {
    @Test func shippingAndReturnsReachEveryOutputAndAProductMayDiffer() throws {
        let own = TestSite.validProductFields.replacingOccurrences(of: "Tas Anyaman Pandan", with: "Nasi Kotak")
            + "\nshipping:\n  price: 10000\n  days: 0-1\nreturns_days: 0"
        let site = try TestSite(files: [
            "content/products/tas.md": TestSite.product(TestSite.validProductFields),
            "content/products/nasi.md": TestSite.product(own),
            "content/pages/cara-pesan.md": "---\ntitle: Cara Pesan\n---\nPesan lewat WhatsApp.\n",
        ])
        try site.write("content/site.yml", """
        title: "Lapak Uji"
        base_url: "https://uji.example.org/"
        shipping:
          origin: "Jawa Timur"
          couriers: [JNE, POS Indonesia]
          price: 20000
          days: 2-5
        returns_days: 7
        """)
        let out = site.root + "/out"
        #expect(site.build(output: out).diagnostics.isEmpty)
        let xml = try String(contentsOfFile: out + "/katalog.xml", encoding: .utf8)
        #expect(xml.contains("<g:shipping>\n<g:country>ID</g:country>\n<g:service>JNE / POS Indonesia</g:service>\n"
            + "<g:price>20000.00 IDR</g:price>\n<g:min_transit_time>2</g:min_transit_time>\n<g:max_transit_time>5</g:max_transit_time>\n</g:shipping>"))
        #expect(xml.contains("<g:price>10000.00 IDR</g:price>\n<g:min_transit_time>0</g:min_transit_time>\n<g:max_transit_time>1</g:max_transit_time>"))
        let csv = try String(contentsOfFile: out + "/katalog.csv", encoding: .utf8)
        #expect(csv.contains("ID::JNE / POS Indonesia:20000.00 IDR\r\n") && csv.contains("ID::JNE / POS Indonesia:10000.00 IDR\r\n"))
        let tas = try String(contentsOfFile: out + "/produk/tas/index.html", encoding: .utf8)
        #expect(tas.contains(#""merchantReturnDays":7"#) && tas.contains(#""shippingRate":{"@type":"MonetaryAmount","value":20000,"currency":"IDR"}"#))
        let nasi = try String(contentsOfFile: out + "/produk/nasi/index.html", encoding: .utf8)
        #expect(nasi.contains("MerchantReturnNotPermitted") && nasi.contains(#""value":10000"#))
        let page = try String(contentsOfFile: out + "/cara-pesan/index.html", encoding: .utf8)
        #expect(page.contains("<li>Kurir: JNE, POS Indonesia</li>") && page.contains("<li>Barang boleh dikembalikan dalam 7 hari</li>"))
    }

    @Test func aShippingFieldWrittenWrongIsNamedAtItsLine() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\nshipping:\n  days: lama\n  harga: 5000")])
        let (_, diagnostics) = site.load()
        #expect(diagnostics.map(\.code).sorted() == ["not-whole-number", "unknown-field"])
        #expect(diagnostics.map(\.location.line).sorted() == [8, 9])
    }
}

/// A variant's own stock and photo reach the catalogs and the structured data.
@Suite struct VariantStockAndPhotoTests {
    @Test func aVariantsStockAndPhotoAreItsOwn() throws {
        let fields = TestSite.validProductFields
            + "\nvariants:\n  - size: S\n    price: 85000\n    stock: 0\n  - size: L\n    price: 95000\n    image: images/products/besar.jpg"
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields)])
        try site.writeBytes("content/images/products/besar.jpg", TestSite.sampleJPEG)
        let out = site.root + "/out"
        #expect(!site.build(output: out).diagnostics.contains { $0.severity == .error })
        let xml = try String(contentsOfFile: out + "/katalog.xml", encoding: .utf8)
        let items = xml.components(separatedBy: "<item>").dropFirst()
        #expect(items.count == 2)
        #expect(items.first?.contains("<g:availability>out_of_stock</g:availability>") == true)
        #expect(items.last?.contains("<g:availability>in_stock</g:availability>") == true)
        #expect(items.last?.contains("<g:image_link>https://uji.example.org/images/products/besar.") == true)
        #expect(items.last?.contains("<g:additional_image_link>https://uji.example.org/images/products/tas.") == true)
        let page = try String(contentsOfFile: out + "/produk/tas/index.html", encoding: .utf8)
        #expect(page.contains("OutOfStock") && page.contains("images/products/besar."))
    }

    @Test func aVariantsMisspelledFieldGetsTheNearestOne() throws {
        let fields = TestSite.validProductFields + "\nvariants:\n  - name: S\n    price: 85000\n    warna: Biru"
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields)])
        let (_, diagnostics) = site.load()
        let d = try #require(diagnostics.first { $0.code == "unknown-field" })
        #expect(d.message(.en) == "unknown field `warna`; did you mean `color`?")
    }
}
