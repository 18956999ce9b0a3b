import Foundation
import Testing
@testable import LapakCore

/// The short addresses printed as QR codes: they must keep working from one build to the next.
@Suite struct ShortCodeTests {
    @Test func aCodeDependsOnTheProductsAddressNotOnItsPlace() {
        let one = ShortCodes.codes(for: ["tas-pandan", "jamu-kunyit", "beras"])
        let other = ShortCodes.codes(for: ["beras", "kopi-bubuk", "tas-pandan", "jamu-kunyit"])
        #expect(one["tas-pandan"] == other["tas-pandan"] && one["beras"] == other["beras"])
        #expect(one.values.allSatisfy { $0.count == 6 && $0.allSatisfy { "0123456789abcdefghjkmnpqrstvwxyz".contains($0) } })
    }

    @Test func twoAddressesThatHashAlikeAreToldApartTheSameWayEveryTime() throws {
        // Birthday search for two addresses whose unsalted codes collide (2^30 codes: a few tens of thousands).
        var seen: [String: String] = [:]
        var pair: (String, String)?
        for number in 0..<400_000 {
            let slug = "produk-\(number)"
            let code = ShortCodes.make(slug, salt: 0)
            if let earlier = seen[code] { pair = (earlier, slug); break }
            seen[code] = slug
        }
        let (first, second) = try #require(pair)
        let codes = ShortCodes.codes(for: [second, first])
        #expect(codes == ShortCodes.codes(for: [first, second]))
        let (low, high) = first < second ? (first, second) : (second, first)
        #expect(codes[low] == ShortCodes.make(low, salt: 0))
        #expect(codes[high] == ShortCodes.make(high, salt: 1))
    }

    @Test func shortPagesAndPrintPagesStayOutOfTheSitemapAndForwardWithoutScript() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        let output = site.root + "/out"
        #expect(!site.build(output: output).diagnostics.contains { $0.severity == .error })
        let code = try #require(ShortCodes.codes(for: ["tas"])["tas"])
        let short = try String(contentsOfFile: output + "/p/\(code)/index.html", encoding: .utf8)
        #expect(short.contains(#"<meta http-equiv="refresh" content="0; url=/produk/tas/">"#))
        #expect(short.contains(#"<a class="button" href="/produk/tas/">"#))
        #expect(short.contains(#"<meta name="robots" content="noindex">"#))
        #expect(short.contains(#"<link rel="canonical" href="https://uji.example.org/produk/tas/">"#))
        let sitemap = try String(contentsOfFile: output + "/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("/produk/tas/") && !sitemap.contains("/p/") && !sitemap.contains("cetak") && !sitemap.contains("label"))
        let list = try String(contentsOfFile: output + "/katalog/cetak/index.html", encoding: .utf8)
        #expect(list.contains(#"aria-label="https://uji.example.org/p/\#(code)/""#))
    }
}

/// The printed QR codes keep their modules above half a millimetre, whatever the base URL.
@Suite struct PrintedQRSizeTests {
    /// (modules across, printed side in mm) of a drawn code.
    func measure(_ svg: String) throws -> (modules: Int, millimetres: Double) {
        let box = try #require(svg.firstMatch(of: /viewBox="0 0 (\d+) \d+" width="([\d.]+)mm"/))
        return (try #require(Int(box.1)), try #require(Double(box.2)))
    }

    @Test func aShortAddressIsAVersion4CodeAt22And25Millimetres() throws {
        let address = "https://lapak.example.org/p/k3x9qa/"
        #expect(try measure(PrintPages.qrSVG(for: address, side: PrintPages.labelQRSide, from: QRCodeStore(file: nil))) == (41, 22.0))
        #expect(try measure(PrintPages.qrSVG(for: address, side: PrintPages.listQRSide, from: QRCodeStore(file: nil))) == (41, 25.0))
    }

    @Test func aLongerBaseURLDrawsALargerCodeWithModulesOverHalfAMillimetre() throws {
        let address = "https://lapak-purna-migran-indonesia.example.org/toko-komunitas/p/k3x9qa/"
        let (modules, millimetres) = try measure(PrintPages.qrSVG(for: address, side: PrintPages.labelQRSide, from: QRCodeStore(file: nil)))
        #expect(modules > 41)
        #expect(millimetres / Double(modules) >= 0.5 && millimetres > 22)
    }
}
