import Foundation
import Imaging
import PhotoFixtures
import Testing
@testable import LapakCore

/// No GPS position enters a site's folder or its git history: what `lapak new --image` stores
/// and what `lapak photos --strip` rewrites.
@Suite struct SafeOriginalTests {
    func header(_ site: TestSite, _ path: String) throws -> PhotoHeader {
        try Photo.header(of: Array(try Data(contentsOf: URL(fileURLWithPath: site.root + "/" + path))))
    }

    @Test func aPhonePhotoGivenToNewIsStoredUprightWithoutItsPosition() throws {
        let site = try TestSite()
        try site.writeBytes("dari-hp.jpg", try SamplePhotos.phoneJPEG(width: 3200, height: 2400, orientation: 6))
        var request = ScaffoldRequest(kind: .product, title: "Tas Anyaman Pandan", sourceDirectory: site.root)
        request.producers = ["desbumi-kedunggebang"]
        request.photo = site.root + "/dari-hp.jpg"
        let (result, diagnostics) = Scaffolder.run(request)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.formatted(.en) })")
        let stored = try #require(result?.copiedPhoto)
        let header = try header(site, stored)
        #expect(!header.hasLocation && !header.hasMetadata && header.orientation == 1)
        #expect((header.width, header.height) == (1800, 2400))
    }

    @Test func anIPhoneHEICIsStoredAsJPEG() throws {
        let site = try TestSite()
        try site.writeBytes("IMG_0001.HEIC", try SamplePhotos.encoded(width: 640, height: 480, as: .heic))
        var request = ScaffoldRequest(kind: .product, title: "Jamu Kunyit", sourceDirectory: site.root)
        request.producers = ["desbumi-kedunggebang"]
        request.photo = site.root + "/IMG_0001.HEIC"
        let (result, diagnostics) = Scaffolder.run(request)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.formatted(.en) })")
        #expect(result?.copiedPhoto == "content/images/products/jamu-kunyit.jpg")
        #expect(try header(site, "content/images/products/jamu-kunyit.jpg").format == .jpeg)
    }

    @Test func stripRewritesPhotosWithAPositionAndLeavesSafeOnesAlone() throws {
        let site = try TestSite()
        try site.writeBytes("content/images/products/dari-hp.jpg", try SamplePhotos.phoneJPEG(width: 800, height: 600, orientation: 6))
        try site.write("content/images/brosur.pdf", "%PDF-1.4")
        let first = PhotoStripper.run(sourceDirectory: site.root)
        #expect(first.rewritten == ["content/images/products/dari-hp.jpg"])
        #expect(first.unchanged == 1)  // tas.jpg was made without metadata
        let header = try header(site, "content/images/products/dari-hp.jpg")
        #expect(!header.hasLocation && header.orientation == 1 && (header.width, header.height) == (600, 800))
        #expect(PhotoStripper.run(sourceDirectory: site.root).rewritten.isEmpty)
        #expect(try String(contentsOfFile: site.root + "/content/images/brosur.pdf", encoding: .utf8) == "%PDF-1.4")
    }
}
