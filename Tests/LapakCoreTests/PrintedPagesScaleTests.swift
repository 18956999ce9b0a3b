import Foundation
import Testing
@testable import LapakCore

/// The whole site's price list and label sheet hold every product while that can be printed; a
/// larger catalog is printed a producer at a time, and its whole-site pages say where.
@Suite struct PrintedPagesScaleTests {
    func site(products count: Int) throws -> TestSite {
        var files: [String: String] = [:]
        for number in 1...count {
            let fields = TestSite.validProductFields.replacingOccurrences(of: "Tas Anyaman Pandan", with: "Tas \(number)")
            files["content/products/tas-\(number).md"] = TestSite.product(fields)
        }
        return try TestSite(files: files)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aLargeCatalogIsPrintedAProducerAtATime() throws {
        let site = try site(products: PrintPages.wholeSiteLimit + 1)
        let output = site.root + "/out"
        let report = site.build(output: output)
        #expect(report.succeeded, "\(report.diagnostics.prefix(3).map { $0.formatted(.en) })")
        let list = try read(output + "/katalog/cetak/index.html")
        #expect(!list.contains("<svg"))
        #expect(list.contains(#"<a href="/komunitas/desbumi-kedunggebang/cetak/">"#))
        #expect(list.contains(#"<a href="/komunitas/desbumi-kedunggebang/label/">"#))
        #expect(list.contains("\(PrintPages.wholeSiteLimit + 1) produk"))
        let labels = try read(output + "/katalog/label/index.html")
        #expect(!labels.contains("<svg") && labels.contains(#"<a href="/komunitas/desbumi-kedunggebang/label/">"#))
        let producerLabels = try read(output + "/komunitas/desbumi-kedunggebang/label/index.html")
        #expect(producerLabels.components(separatedBy: #"<li class="label">"#).count - 1 == PrintPages.wholeSiteLimit + 1)
        let producerList = try read(output + "/komunitas/desbumi-kedunggebang/cetak/index.html")
        #expect(producerList.components(separatedBy: #"<li class="pl-row">"#).count - 1 == PrintPages.wholeSiteLimit + 1)
    }

    @Test func aSmallCatalogPrintsWhole() throws {
        let site = try site(products: 3)
        let output = site.root + "/out"
        #expect(site.build(output: output).succeeded)
        let list = try read(output + "/katalog/cetak/index.html")
        #expect(list.components(separatedBy: #"<li class="pl-row">"#).count - 1 == 3)
        let labels = try read(output + "/katalog/label/index.html")
        #expect(labels.components(separatedBy: #"<li class="label">"#).count - 1 == 3)
    }
}
