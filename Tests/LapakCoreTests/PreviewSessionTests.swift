import Foundation
import PhotoFixtures
import Testing
@testable import LapakCore

/// `lapak serve`'s in-memory site: after any change, every file it serves is the file a full
/// build writes, byte for byte, while only the changed content files are parsed again.
@Suite(.serialized) struct PreviewSessionTests {
    /// A copy of the repository's sample site (content and theme) in a temporary folder.
    final class SampleSite {
        let root = NSTemporaryDirectory() + "lapak-session-" + UUID().uuidString
        let session: PreviewSession

        init() throws {
            let repository = EndToEndTests.repository
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for folder in ["content", "themes"] {
                try FileManager.default.copyItem(atPath: repository + "/" + folder, toPath: root + "/" + folder)
            }
            // Files written by the test are trusted by their stamp at once; every edit below
            // changes the file's size, so a stamp can never hide it.
            session = PreviewSession(options: BuildOptions(sourceDirectory: root), cache: ParseCache(recentWindow: .zero))
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ relative: String, _ text: String) throws {
            try writeBytes(relative, Array(text.utf8))
        }

        func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }

        func read(_ relative: String) throws -> String {
            try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        }

        func remove(_ relative: String) throws {
            try FileManager.default.removeItem(atPath: root + "/" + relative)
        }

        var markdownFiles: Int {
            ["producers", "products", "news", "pages"].reduce(0) { count, kind in
                count + FileSystem.list(root + "/content/" + kind).filter { $0.name.hasSuffix(".md") }.count
            }
        }
    }

    /// Rebuilds the session and builds the site into a folder, and compares the two: the same
    /// paths, and the same bytes at each. Returns the rebuild's report.
    @discardableResult
    func expectSameAsBuild(_ site: SampleSite, parsed: Int? = nil, changes: ChangeSet = .unknown,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildReport {
        let report = site.session.rebuild(changes: changes)
        #expect(report.succeeded, "\(report.diagnostics.errors.map { $0.formatted(.en) })", sourceLocation: sourceLocation)
        if let parsed {
            #expect(site.session.lastLoad.filesParsed == parsed, "files parsed again", sourceLocation: sourceLocation)
        }
        let output = NSTemporaryDirectory() + "lapak-session-build-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let built = Builder(options: BuildOptions(sourceDirectory: site.root, outputDirectory: output)).build()
        #expect(built.succeeded, sourceLocation: sourceLocation)
        #expect(built.pages == report.pages && built.products == report.products && built.news == report.news,
                sourceLocation: sourceLocation)
        #expect(Set(built.diagnostics) == Set(report.diagnostics), "the same warnings", sourceLocation: sourceLocation)

        var written: [String: [UInt8]] = [:]
        for (relative, _) in FileSystem.walk(output) {
            written[relative] = try? FileSystem.readBytes(output + "/" + relative)
        }
        let served = site.session.paths
        #expect(Set(served) == Set(written.keys), """
            only served: \(Set(served).subtracting(written.keys).sorted().prefix(5)), \
            only written: \(Set(written.keys).subtracting(served).sorted().prefix(5))
            """, sourceLocation: sourceLocation)
        var differing: [String] = []
        for path in served {
            guard case .file(let file) = site.session.lookup(path), case .bytes(let bytes) = file.render(),
                  bytes == written[path] else {
                differing.append(path)
                continue
            }
        }
        #expect(differing.isEmpty, "differ from the build: \(differing.prefix(10))", sourceLocation: sourceLocation)
        #expect(written.count > 100, sourceLocation: sourceLocation)
        return report
    }

    @Test func everyChangeServesWhatAFullBuildWrites() throws {
        let site = try SampleSite()
        expectSameAsBuild(site, parsed: site.markdownFiles)
        #expect(site.session.lastLoad.imagesRead > 20)

        // Nothing changed: nothing is parsed or read again.
        expectSameAsBuild(site, parsed: 0)
        #expect(site.session.lastLoad.imagesRead == 0)

        // A product edited: its page, lists, feeds, sitemap and search index change.
        let tote = "content/products/tas-tote-ecoprint.md"
        try site.write(tote, try site.read(tote)
            .replacingOccurrences(of: "price: 185000", with: "price: 1950000")
            .replacingOccurrences(of: "Tas Tote Kanvas Ecoprint", with: "Tas Tote Kanvas Ecoprint Baru"))
        expectSameAsBuild(site, parsed: 1)

        // A product added, then another removed.
        try site.write("content/products/tas-baru.md", try site.read(tote)
            .replacingOccurrences(of: "Tas Tote Kanvas Ecoprint Baru", with: "Tas Baru Sekali")
            .replacingOccurrences(of: "date: 2025-05-08", with: "date: 2026-01-02\nfeatured: true"))
        expectSameAsBuild(site, parsed: 1)
        try site.remove("content/products/es-teh-jatinom.md")
        expectSameAsBuild(site, parsed: 0)

        // A producer renamed: every page showing its products changes.
        let producer = "content/producers/koperasi-bakti-migran-bersinar.md"
        try site.write(producer, try site.read(producer).replacingOccurrences(of: "name: ", with: "name: Koperasi Baru "))
        #expect(try site.read(producer).contains("Koperasi Baru"))
        expectSameAsBuild(site, parsed: 1)

        // An image added and used: the image index changed, so everything is parsed again.
        try site.writeBytes("content/images/products/tas-baru.png", Self.png(width: 640, height: 480))
        try site.write("content/products/tas-baru.md", try site.read("content/products/tas-baru.md")
            .replacingOccurrences(of: "images/products/tas-tote-ecoprint.jpg", with: "images/products/tas-baru.png"))
        expectSameAsBuild(site, parsed: site.markdownFiles)
        #expect(site.session.lastLoad.imagesRead == 1)

        // The image replaced by a larger one: the `width` and `height` of its `<img>` change.
        try site.writeBytes("content/images/products/tas-baru.png", Self.png(width: 1200, height: 900) + [0])
        expectSameAsBuild(site, parsed: site.markdownFiles)
        #expect(site.session.lastLoad.imagesRead == 1)

        // An image removed while a product still names it: an error, and the last good site stays.
        try site.remove("content/images/products/tas-baru.png")
        let broken = site.session.rebuild()
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.errors.first?.location.file == "content/products/tas-baru.md")
        #expect(site.session.paths.contains { $0.hasPrefix("images/products/tas-baru.") && $0.hasSuffix(".webp") })
        try site.remove("content/products/tas-baru.md")
        expectSameAsBuild(site)

        // site.yml: a new title is on every page, and a base path rewrites links in Markdown bodies.
        try site.write("content/site.yml", try site.read("content/site.yml")
            .replacingOccurrences(of: "title: \"Lapak Purna Migran\"", with: "title: \"Lapak Purna Migran Indonesia\"")
            .replacingOccurrences(of: "https://lapak.example.org/", with: "https://contoh.example.org/toko/"))
        expectSameAsBuild(site, parsed: site.markdownFiles)
        expectSameAsBuild(site, parsed: 0)
    }

    /// With a watcher naming the files written in place, only those are read; the result is still
    /// what a full build writes, and anything the quick path cannot vouch for takes the full load.
    @Test func namedChangesAreReadAloneAndServeWhatAFullBuildWrites() throws {
        let site = try SampleSite()
        expectSameAsBuild(site, parsed: site.markdownFiles, changes: .nothing)

        let tote = "content/products/tas-tote-ecoprint.md"
        try site.write(tote, try site.read(tote).replacingOccurrences(of: "Tas Tote Kanvas Ecoprint", with: "Tas Tote Lain"))
        expectSameAsBuild(site, parsed: 1, changes: .written([tote]))

        // A producer renamed: the products' values made from it are made again.
        let producer = "content/producers/koperasi-bakti-migran-bersinar.md"
        try site.write(producer, try site.read(producer).replacingOccurrences(of: "name: ", with: "name: Koperasi Lain "))
        expectSameAsBuild(site, parsed: 1, changes: .written([producer]))

        // A theme file: templates are read by every build; no content file is parsed.
        let base = "themes/default/templates/base.html"
        try site.write(base, try site.read(base).replacingOccurrences(of: "</footer>", with: "<p>Uji</p></footer>"))
        expectSameAsBuild(site, parsed: 0, changes: .written([base]))

        // A file the last load did not have: the full load lists the folders again (and reads
        // the new file and the two read by quick reloads, whose stamps it has not kept).
        try site.write("content/products/tas-lain.md", try site.read(tote).replacingOccurrences(of: "Tas Tote Lain", with: "Tas Lain Lagi"))
        expectSameAsBuild(site, parsed: 3, changes: .written(["content/products/tas-lain.md"]))

        // A file the watcher could not name, written after a quick reload: the stamps find it.
        try site.write(tote, try site.read(tote).replacingOccurrences(of: "Tas Tote Lain", with: "Tas Tote Lain Sekali"))
        expectSameAsBuild(site, parsed: 1, changes: .unknown)
    }

    /// A product edited in place that keeps its place is patched into the last build: the same
    /// files as a full build, without planning again; a change of place takes the full rebuild.
    @Test func anEditedProductThatKeepsItsPlaceIsPatchedIn() throws {
        let site = try SampleSite()
        // One language: the patch is for sites in one (a second takes the full rebuild).
        let config = try site.read("content/site.yml")
        try site.write("content/site.yml", String(config[..<config.range(of: "\ntranslations:")!.lowerBound])
            .replacingOccurrences(of: "languages: [id, en]", with: "language: id") + "\n")
        for kind in ["products", "producers", "news", "pages"] {
            for entry in FileSystem.list(site.root + "/content/" + kind) where entry.name.hasSuffix(".en.md") {
                try site.remove("content/\(kind)/\(entry.name)")
            }
        }
        expectSameAsBuild(site, changes: .unknown)
        let tote = "content/products/tas-tote-ecoprint.md"
        let good = try site.read(tote)
        // A new price, title and text, and a line added above the photos: they move down a line.
        try site.write(tote, good.replacingOccurrences(of: "price: 185000", with: "price: 175000\n# harga baru")
            .replacingOccurrences(of: "Tas Tote Kanvas Ecoprint", with: "Tas Tote Kanvas Ecoprint Baru") + "\nKalimat baru.\n")
        expectSameAsBuild(site, parsed: 1, changes: .written([tote]))
        #expect(site.session.lastRebuildPatched)
        let served = try #require(site.session.served)
        #expect(served.photos.origins == PhotoReferences.collect(served.site).origins)
        #expect(served.photos.origins.values.contains { $0.contains { $0.file == tote } })
        // Its date moves it in the newest-first lists: planned again.
        try site.write(tote, try site.read(tote).replacingOccurrences(of: "date: ", with: "date: 2019-01-01\nold_date: "))
        expectSameAsBuild(site, parsed: 1, changes: .written([tote]))
        #expect(!site.session.lastRebuildPatched)
        // A mistake is reported as by any rebuild, and the last good site stays.
        try site.write(tote, good.replacingOccurrences(of: "price: 185000", with: "price: 185.000"))
        let report = site.session.rebuild(changes: .written([tote]))
        #expect(!report.written && report.diagnostics.errors.map(\.code) == ["price-with-separators"])
        try site.write(tote, good + "\n\n")
        expectSameAsBuild(site, parsed: 1, changes: .written([tote]))
    }

    /// On the sample site, in Indonesian and English: an edited original is patched into both
    /// languages, through its translation where it has one.
    @Test func anEditedProductIsPatchedIntoEveryLanguage() throws {
        let site = try SampleSite()
        expectSameAsBuild(site, changes: .unknown)
        let translated = "content/products/tas-anyaman-pandan-kedunggebang.md"
        try site.write(translated, try site.read(translated).replacingOccurrences(of: "price: 125000", with: "price: 135000")
            + "\nKalimat baru.\n")
        expectSameAsBuild(site, parsed: 1, changes: .written([translated]))
        #expect(site.session.lastRebuildPatched)
        let english = try #require(site.session.lookup("en/produk/tas-anyaman-pandan-kedunggebang/"))
        guard case .file(let page) = english, case .bytes(let bytes) = page.render() else {
            Issue.record("no English page")
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Woven Pandan Bag") && text.contains("Rp 135,000"))

        let untranslated = "content/products/beras-gogodeso.md"
        try site.write(untranslated, try site.read(untranslated) + "\nKalimat baru.\n")
        expectSameAsBuild(site, parsed: 1, changes: .written([untranslated]))
        #expect(site.session.lastRebuildPatched)
    }

    @Test func contentErrorsAreReportedAtOnceAndTheLastGoodSiteStays() throws {
        let site = try SampleSite()
        expectSameAsBuild(site)
        let tote = "content/products/tas-tote-ecoprint.md"
        let good = try site.read(tote)
        try site.write(tote, good.replacingOccurrences(of: "price: 185000", with: "price: 185.000"))
        let report = site.session.rebuild()
        #expect(!report.succeeded && !report.written)
        #expect(report.diagnostics.errors.map(\.code) == ["price-with-separators"])
        #expect(site.session.lastLoad.filesParsed == 1)
        guard case .file(let page) = site.session.lookup("produk/tas-tote-ecoprint/"), case .bytes(let bytes) = page.render() else {
            Issue.record("the last good site is gone")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("Tas Tote Kanvas Ecoprint"))
        try site.write(tote, good + "\n")
        expectSameAsBuild(site, parsed: 1)
    }

    @Test func aTemplateFailingAtRunTimeIsReportedWhenItsPageIsAsked() throws {
        let site = try SampleSite()
        try site.write("themes/default/templates/page.html", "<p>{{ page.title }} {{ no_such_name }}</p>\n")
        let report = site.session.rebuild()
        #expect(report.succeeded, "the plan is fine; only rendering fails")
        guard case .file(let page) = site.session.lookup("tentang/"), case .failed(let diagnostics) = page.render() else {
            Issue.record("the page rendered")
            return
        }
        let built = Builder(options: BuildOptions(sourceDirectory: site.root, outputDirectory: site.root + "/site")).build()
        #expect(!built.succeeded)
        #expect(diagnostics.count == 1 && diagnostics.first?.location.file == "themes/default/templates/page.html")
        #expect(diagnostics.allSatisfy(built.diagnostics.contains))
        guard case .file(let home) = site.session.lookup(""), case .bytes = home.render() else {
            Issue.record("other pages fail too")
            return
        }
    }

    /// A PNG of that size, made by the test.
    static func png(width: Int, height: Int) -> [UInt8] { SamplePhotos.png(width: width, height: height) }
}
