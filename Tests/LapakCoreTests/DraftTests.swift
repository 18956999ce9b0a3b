import Foundation
import Testing
@testable import LapakCore

/// A draft is work in progress: the editor saves one with its mistakes still in it, and the site
/// must go on building while the member finishes it.
@Suite struct DraftTests {
    static let draftWithBadPrice = TestSite.product("""
        title: "Tas Anyaman Pandan"
        price: 85.000,-
        category: tas-anyaman
        producer: desbumi-kedunggebang
        images: [images/products/tas.jpg]
        draft: true
        """)

    @Test func aDraftsMistakesAreWarningsAndTheSiteStillBuildsWithoutIt() throws {
        let site = try TestSite(files: [
            "content/products/tas.md": TestSite.product(TestSite.validProductFields),
            "content/products/tas-draf.md": Self.draftWithBadPrice,
        ])
        let output = site.root + "/out"
        let report = site.build(output: output)
        #expect(report.succeeded, "\(report.diagnostics.map { $0.formatted(.en) })")
        let price = try #require(report.diagnostics.first { $0.location.file == "content/products/tas-draf.md" })
        #expect(price.severity == .warning)
        #expect(price.location.line == 3)
        #expect(report.products == 1)
        #expect(!FileManager.default.fileExists(atPath: output + "/produk/tas-draf/index.html"))
    }

    @Test func showingDraftsShowsTheGoodOnesAndLeavesABrokenOneOutWithItsWarnings() throws {
        let site = try TestSite(files: [
            "content/products/tas-draf.md": Self.draftWithBadPrice,
            "content/products/tas-baru.md": TestSite.product(TestSite.validProductFields + "\ndraft: true"),
        ])
        let (content, diagnostics) = site.load(drafts: true)
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(diagnostics.contains { $0.severity == .warning && $0.location == SourceLocation(file: "content/products/tas-draf.md", line: 3, column: 1) })
        #expect(content?.products.map(\.slug) == ["tas-baru"])
    }

    @Test func aFileThatIsNoDraftStillFailsTheBuild() throws {
        let site = try TestSite(files: [
            "content/products/tas.md": Self.draftWithBadPrice.replacingOccurrences(of: "draft: true", with: "draft: false"),
        ])
        #expect(!site.build(output: site.root + "/out").succeeded)
    }
}
