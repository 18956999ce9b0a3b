import Foundation
import PhotoFixtures
import Testing
@testable import LapakCore

/// `lapak check` against the shopping channels' published rules: per rule, a product that breaks
/// it and the message it gets, with its channel and code; and the readiness line.
@Suite struct ChannelRuleTests {
    func check(_ fields: String, body: String = "Tas dari pandan.") throws -> CheckReport {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields, body: body)])
        return Checker.run(CheckOptions(sourceDirectory: site.root))
    }

    func only(_ code: String, in report: CheckReport) throws -> Diagnostic {
        let matching = report.diagnostics.filter { $0.code == code }
        #expect(matching.count == 1, "\(report.diagnostics.map { $0.formatted(.en) })")
        return try #require(matching.first)
    }

    func readiness(_ report: CheckReport) -> [String] {
        report.readiness.map { "\($0.channel.rawValue) \($0.ready)/\($0.total)" }
    }

    @Test func aCleanProductIsReadyForBothChannels() throws {
        let report = try check(TestSite.validProductFields)
        #expect(report.entries.isEmpty)
        #expect(readiness(report) == ["google 1/1", "meta 1/1"])
        #expect(CheckTextFormatter(language: .id).format(report).hasSuffix("Siap dijual di Google: 1 dari 1 produk; Meta: 1 dari 1.\n"))
        #expect(CheckTextFormatter(language: .en).format(report).hasSuffix("Ready for Google: 1 of 1 product; Meta: 1 of 1.\n"))
    }

    @Test func aPreorderWithoutItsDateIsRefusedWhereItIsWritten() throws {
        let report = try check(TestSite.validProductFields + "\navailability: preorder")
        let d = try only("channel-preorder-without-date", in: report)
        #expect(d.severity == .error)
        #expect(d.location.description == "content/products/tas.md:7:1")
        #expect(d.problem.channels == [.google])
        #expect(d.message(.id) == "produk pesanan dulu (`availability: preorder`) belum punya tanggal siap kirim")
        #expect(d.message(.en) == "this pre-order product (`availability: preorder`) has no date when it ships")
        #expect(readiness(report) == ["google 0/1", "meta 0/1"])
    }

    @Test func aPreorderWithItsDateOrMadeToOrderIsFine() throws {
        #expect(try check(TestSite.validProductFields + "\navailability: preorder\navailable_from: 2026-02-01").entries.isEmpty)
        #expect(try check(TestSite.validProductFields + "\navailability: preorder\nmade_to_order: 3").entries.isEmpty)
        let draft = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\navailability: preorder\ndraft: true")])
        #expect(draft.load().1.isEmpty)
    }

    @Test func aTitleOverGooglesLimitIsNamed() throws {
        let long = String(repeating: "Tas anyaman pandan ", count: 9) + "besar"
        let report = try check(TestSite.validProductFields.replacingOccurrences(of: "Tas Anyaman Pandan", with: long))
        let d = try only("channel-title-too-long", in: report)
        #expect(d.location.line == 2)
        #expect(d.message(.en) == "this title has \(long.count) characters; Google takes 150")
        // Advice: the catalog cuts the title, the product is still accepted.
        #expect(readiness(report) == ["google 1/1", "meta 1/1"])
    }

    @Test func aTitleInCapitalsIsNamed() throws {
        let report = try check(TestSite.validProductFields.replacingOccurrences(of: "Tas Anyaman Pandan", with: "TAS ANYAMAN PANDAN"))
        #expect(try only("channel-title-capitals", in: report).message(.id) == "judul ini ditulis dengan huruf besar semua")
    }

    @Test func aDescriptionOverGooglesLimitIsNamed() throws {
        let body = Array(repeating: "Tas ini dianyam dari daun pandan pilihan oleh ibu-ibu purna migran.", count: 100).joined(separator: "\n\n")
        let d = try only("channel-description-too-long", in: try check(TestSite.validProductFields, body: body))
        #expect(d.message(.en) == "this product's text is longer than 5000 characters, Google's limit")
        #expect(d.location.description == "content/products/tas.md:8")
    }

    @Test func variantsThatSayNothingChannelsSeeGetAdvice() throws {
        let fields = TestSite.validProductFields + "\nvariants:\n  - name: Kecil\n    price: 85000\n  - name: Besar\n    price: 95000"
        let report = try check(fields)
        let found = report.diagnostics.filter { $0.code == "channel-variant-without-attribute" }
        #expect(found.map(\.location.line) == [8, 10])
        #expect(found.first?.message(.en) == "the option `Kecil` does not say how it differs")
        #expect(readiness(report) == ["google 1/1", "meta 1/1"])
    }

    @Test func variantsAlikeAreRefused() throws {
        let fields = TestSite.validProductFields
            + "\nvariants:\n  - name: Kecil\n    size: S\n    price: 85000\n  - name: Mini\n    size: S\n    price: 80000"
        let report = try check(fields)
        let d = try only("channel-variants-alike", in: report)
        #expect(d.location.line == 11)
        #expect(d.message(.en) == "the options `Kecil` and `Mini` have the same size, colour, material and pattern")
        #expect(readiness(report) == ["google 0/1", "meta 0/1"])
    }

    @Test func aVariantAtZeroIsRefused() throws {
        let fields = TestSite.validProductFields + "\nvariants:\n  - size: S\n    price: 0\n  - size: L\n    price: 95000"
        let report = try check(fields)
        #expect(try only("channel-zero-price", in: report).message(.id) == "pilihan `S` berharga 0")
        #expect(readiness(report) == ["google 0/1", "meta 0/1"])
    }

    @Test func anSVGPhotoIsRefused() throws {
        let site = try TestSite(files: [
            "content/products/tas.md": TestSite.product(TestSite.validProductFields.replacingOccurrences(of: "tas.jpg", with: "tas.svg")),
            "content/images/products/tas.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
        ])
        let report = Checker.run(CheckOptions(sourceDirectory: site.root))
        let d = try only("channel-photo-format", in: report)
        #expect(d.location.line == 6)
        #expect(readiness(report) == ["google 0/1", "meta 0/1"])
    }

    @Test func aPhotoUnder500PixelsOrNoPhotoLeavesTheProductNotReady() throws {
        let small = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        try small.writeBytes("content/images/products/tas.jpg", try SamplePhotos.encoded(width: 640, height: 480, as: .jpeg))
        let report = Checker.run(CheckOptions(sourceDirectory: small.root))
        #expect(try only("photo-too-small", in: report).problem.channels == [.google, .meta])
        #expect(readiness(report) == ["google 0/1", "meta 0/1"])
        let none = try check(TestSite.validProductFields.replacingOccurrences(of: "images: [images/products/tas.jpg]", with: "images: []"))
        #expect(try only("product-without-photo", in: none).problem.channels == [.google, .meta])
        #expect(readiness(none) == ["google 0/1", "meta 0/1"])
    }

    @Test func theJSONReportNamesTheChannelsAndWhetherTheyRefuse() throws {
        let report = try check(TestSite.validProductFields + "\navailability: preorder")
        let json = CheckJSONFormatter(language: .en).format(report)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let entry = try #require(parsed.first { $0["code"] as? String == "channel-preorder-without-date" })
        #expect(entry["channels"] as? [String] == ["google"])
        #expect(entry["refused"] as? Bool == true)
    }
}
