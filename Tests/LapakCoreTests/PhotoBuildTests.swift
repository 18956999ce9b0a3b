import Foundation
import Imaging
import PhotoFixtures
import Testing
@testable import LapakCore

/// Photos go out processed: upright, stripped, sized, fingerprinted; never the original.
@Suite struct PhotoBuildTests {
    func site(photo: [UInt8], body: String = "Tas dari pandan.") throws -> TestSite {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body)])
        try site.writeBytes("content/images/products/tas.jpg", photo)
        return site
    }

    func published(_ output: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output + "/images/products").sorted()
    }

    @Test func aPhonePhotoIsPublishedUprightStrippedAndSized() throws {
        let site = try site(photo: try SamplePhotos.phoneJPEG(width: 2000, height: 1500, orientation: 6))
        let output = site.root + "/out"
        let report = site.build(output: output)
        #expect(report.succeeded, "\(report.diagnostics.map { $0.formatted(.en) })")
        #expect((report.photos, report.photosProcessed) == (1, 1))
        let files = try published(output)
        #expect(!files.contains("tas.jpg"))
        let widths = files.map { $0.split(separator: ".")[2] + "." + $0.split(separator: ".")[3] }
        #expect(widths == ["1024.webp", "1200.jpg", "1500.webp", "320.webp", "640.webp"])
        let fingerprints = Set(files.map { $0.split(separator: ".")[1] })
        #expect(fingerprints.count == 1 && fingerprints.first?.count == 10)
        for file in files {
            let header = try Photo.header(of: Array(try Data(contentsOf: URL(fileURLWithPath: output + "/images/products/" + file))))
            #expect(header.storedHeight > header.storedWidth, "\(file) is upright")
            #expect(header.orientation == 1 && !header.hasMetadata && !header.hasLocation && header.profileBytes == 0, "\(file)")
        }
        let page = try String(contentsOfFile: output + "/produk/tas/index.html", encoding: .utf8)
        let name = "/images/products/tas.\(fingerprints.first!)"
        #expect(page.contains("srcset=\"\(name).320.webp 320w, \(name).640.webp 640w, \(name).1024.webp 1024w, \(name).1500.webp 1500w\""))
        #expect(page.contains("src=\"\(name).1200.jpg\""))
        #expect(page.contains("width=\"1500\" height=\"2000\""))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://uji.example.org\(name).1200.jpg\">"))
        #expect(page.contains("<meta property=\"og:image:width\" content=\"1200\">"))
        let feed = try String(contentsOfFile: output + "/products.json", encoding: .utf8)
        #expect(feed.contains("https://uji.example.org\(name).1200.jpg"))
    }

    @Test func aSecondBuildTakesEveryPhotoFromTheCacheAndWritesTheSameBytes() throws {
        let site = try site(photo: try SamplePhotos.phoneJPEG(width: 800, height: 600))
        let first = site.build(output: site.root + "/a")
        let second = site.build(output: site.root + "/b")
        #expect(first.photosProcessed == 1 && second.photosProcessed == 0 && second.photos == 1)
        for file in try published(site.root + "/a") {
            #expect(FileManager.default.contentsEqual(atPath: site.root + "/a/images/products/" + file,
                                                      andPath: site.root + "/b/images/products/" + file))
        }
    }

    @Test func aChangedPhotoGetsANewNameAndTheOldCacheEntryGoes() throws {
        let site = try site(photo: try SamplePhotos.phoneJPEG(width: 800, height: 600))
        #expect(site.build(output: site.root + "/out").succeeded)
        let before = try published(site.root + "/out")
        let cache = site.root + "/.lapak/cache/photos"
        let entriesBefore = try FileManager.default.subpathsOfDirectory(atPath: cache).filter { $0.contains(".") }
        try site.writeBytes("content/images/products/tas.jpg", try SamplePhotos.phoneJPEG(width: 800, height: 600, orientation: 1))
        let report = site.build(output: site.root + "/out")
        #expect(report.succeeded && report.photosProcessed == 1)
        let after = try published(site.root + "/out")
        #expect(Set(before).isDisjoint(with: after))
        let entriesAfter = try FileManager.default.subpathsOfDirectory(atPath: cache).filter { $0.contains(".") }
        #expect(entriesAfter.count == after.count && Set(entriesAfter).isDisjoint(with: entriesBefore))
    }

    @Test func aHalfWrittenCacheEntryIsNeverUsed() throws {
        let site = try site(photo: try SamplePhotos.phoneJPEG(width: 800, height: 600))
        #expect(site.build(output: site.root + "/out").succeeded)
        // What a killed build leaves: the copies written last (the narrowest) missing, a temporary file.
        let cache = site.root + "/.lapak/cache/photos"
        let shard = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache + "/" + shard)
        let narrowest = try #require(entries.first { $0.hasSuffix(".320.webp") })
        try FileManager.default.removeItem(atPath: cache + "/" + shard + "/" + narrowest)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: cache + "/" + shard + "/" + narrowest + ".tmp-999999-1"))
        let report = site.build(output: site.root + "/out")
        #expect(report.succeeded && report.photosProcessed == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: cache + "/" + shard)
        #expect(!left.contains { $0.contains(".tmp-") })
        // Any other copy gone from the cache is made again as it is published.
        let jpeg = try #require(left.first { $0.hasSuffix(".jpg") })
        try FileManager.default.removeItem(atPath: cache + "/" + shard + "/" + jpeg)
        #expect(site.build(output: site.root + "/out").succeeded)
        #expect(try published(site.root + "/out").contains { $0.hasSuffix(".jpg") })
        #expect(FileManager.default.fileExists(atPath: cache + "/" + shard + "/" + jpeg))
    }

    @Test func aTruncatedPhotoIsAnErrorAtTheLineThatNamesIt() throws {
        let whole = try SamplePhotos.encoded(width: 800, height: 600, as: .jpeg)
        let site = try site(photo: Array(whole.prefix(whole.count / 2)))
        let output = site.root + "/out"
        let report = site.build(output: output)
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.code == "photo-damaged")
        #expect(error.location.description == "content/products/tas.md:6:10")
        #expect(error.message(.id) == "foto `images/products/tas.jpg` rusak atau terpotong dan tidak bisa dibuka")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(arguments: [
        ("photo-not-a-photo", Array("ini bukan foto, hanya teks\n".utf8)),
        ("photo-too-many-pixels", TestPNG.claiming(width: 30_000, height: 30_000)),
    ])
    func aFileThatCannotBePublishedIsRefusedAtItsLine(code: String, bytes: [UInt8]) throws {
        let site = try site(photo: bytes)
        let report = site.build(output: site.root + "/out")
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [code])
        #expect(errors.first?.location.description == "content/products/tas.md:6:10")
    }

    @Test func aPhotoInTheBodyIsPublishedAsItsWebPCopy() throws {
        let site = try site(photo: try SamplePhotos.phoneJPEG(width: 2000, height: 1500, orientation: 1),
                            body: "Lihat:\n\n![Tas dari dekat](images/products/dekat.png)\n")
        try site.writeBytes("content/images/products/dekat.png", SamplePhotos.png(width: 1200, height: 900))
        let output = site.root + "/out"
        #expect(site.build(output: output).succeeded)
        let page = try String(contentsOfFile: output + "/produk/tas/index.html", encoding: .utf8)
        let copy = try #require(try published(output).first { $0.hasPrefix("dekat.") && $0.hasSuffix(".1024.webp") })
        #expect(page.contains("<img src=\"/images/products/\(copy)\" alt=\"Tas dari dekat\""))
        #expect(!FileManager.default.fileExists(atPath: output + "/images/products/dekat.png"))
    }

    @Test func photosNamedNowhereAreNotPublishedButOtherFilesAre() throws {
        let site = try site(photo: try SamplePhotos.phoneJPEG(width: 800, height: 600))
        try site.writeBytes("content/images/products/rumah-saya.jpg", try SamplePhotos.phoneJPEG(width: 800, height: 600))
        try site.write("content/images/brosur.pdf", "%PDF-1.4")
        let output = site.root + "/out"
        #expect(site.build(output: output).succeeded)
        #expect(try !published(output).contains { $0.hasPrefix("rumah-saya") })
        #expect(FileManager.default.fileExists(atPath: output + "/images/brosur.pdf"))
    }

    static let siteYAML = """
    title: "Lapak Uji"
    base_url: "https://uji.example.org/"
    categories:
      tas-anyaman: "Tas Anyaman"
    """

    @Test func siteYMLChoosesTheWidthsTheQualityAndAVIF() throws {
        let site = try site(photo: try SamplePhotos.phoneJPEG(width: 800, height: 600, orientation: 1))
        try site.write("content/site.yml", Self.siteYAML + "\nphotos:\n  widths: [600, 300]\n  quality: 70\n  avif: true\n")
        let output = site.root + "/out"
        let report = site.build(output: output)
        #expect(report.succeeded, "\(report.diagnostics.map { $0.formatted(.en) })")
        let files = try published(output)
        #expect(files.map { $0.split(separator: ".").suffix(2).joined(separator: ".") }
            == ["300.avif", "300.webp", "600.avif", "600.webp", "800.jpg"])
        for file in files where file.hasSuffix(".avif") {
            let header = try Photo.header(of: Array(try Data(contentsOf: URL(fileURLWithPath: output + "/images/products/" + file))))
            #expect(header.format == .heif && !header.hasMetadata && !header.hasLocation, "\(file)")
        }
        let page = try String(contentsOfFile: output + "/produk/tas/index.html", encoding: .utf8)
        let avif = try #require(page.range(of: "<source type=\"image/avif\""))
        let webp = try #require(page.range(of: "<source type=\"image/webp\""))
        #expect(avif.lowerBound < webp.lowerBound, "browsers take the first source they can show")
    }

    @Test func aWidthOutOfRangeIsAnErrorAtItsLine() throws {
        let site = try site(photo: try SamplePhotos.phoneJPEG(width: 800, height: 600))
        try site.write("content/site.yml", Self.siteYAML + "\nphotos:\n  widths: [320, 5]\n")
        let report = site.build(output: site.root + "/out")
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.code == "photo-setting-out-of-range")
        #expect(error.location.description == "content/site.yml:6:17")
        #expect(error.message(.en) == "`photos.widths` is 5, outside 16 to 4096")
    }
}

@Suite struct PublishedNameTests {
    @Test(arguments: [("images/products/tas.jpg", "images/products/", "tas"),
                      ("images/Foto Produk/tas pandan é.JPG", "images/foto-produk/", "tas-pandan-e"),
                      ("images/products/日本.jpg", "images/products/", "foto")])
    func copiesArePublishedUnderNamesThatAreValidURLs(source: String, folder: String, stem: String) {
        let published = PublishedPhoto.publishedName(of: source)
        #expect(published.folder == folder && published.stem == stem)
    }
}
