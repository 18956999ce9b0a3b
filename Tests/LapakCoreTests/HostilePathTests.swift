import Foundation
import Testing
@testable import LapakCore

/// Names and links that would make a build read or write where it should not, or publish two
/// things at one address.
@Suite struct HostilePathTests {
    func outsideFolder() throws -> String {
        let path = NSTemporaryDirectory() + "lapak-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        try Data("rahasia".utf8).write(to: URL(fileURLWithPath: path + "/secret.md"))
        try Data(TestSite.sampleJPEG).write(to: URL(fileURLWithPath: path + "/sub/foto.jpg"))
        return path
    }

    func link(_ site: TestSite, _ relative: String, to target: String) throws {
        let path = site.root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    // MARK: Slugs

    @Test(arguments: ["Tas.md", "tas anyaman.md", "tas_anyaman.md", "kopi-é.md", "../x.md", "tas--x.md", "-tas.md", "タス.md"])
    func fileNamesThatAreNotSlugsAreErrors(name: String) throws {
        let site = try TestSite()
        try site.write("content/products/" + name.replacingOccurrences(of: "../", with: "%2E%2E"), TestSite.product(TestSite.validProductFields))
        let (_, diagnostics) = site.load()
        #expect(diagnostics.first(code: "invalid-slug") != nil, "\(name): \(diagnostics.map(\.code))")
    }

    @Test(arguments: ["Tas", "tas/../../etc", "tas anyaman", "🙂", "tas.html", "TAS"])
    func explicitSlugsThatAreNotSafeAreErrors(slug: String) throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\nslug: \"\(slug)\"")])
        #expect(site.load().1.first(code: "invalid-slug")?.location.line == 7)
    }

    @Test func tagsAreTransliteratedAndRefusedWhenNothingIsLeft() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\ntags: [Kerajinan Tangan, Batik Ñusantara, \"🙂\"]")])
        let (content, diagnostics) = site.load()
        #expect(diagnostics.first(code: "invalid-slug") != nil)
        _ = content
        let fine = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\ntags: [Kerajinan Tangan, Batik Ñusantara]")])
        #expect(fine.load().0?.products.first?.tags == ["kerajinan-tangan", "batik-nusantara"])
    }

    // MARK: Twins

    @Test func caseTwinsAreAnErrorNamingBothFiles() throws {
        let site = try TestSite(files: [
            "content/products/Tas.md": TestSite.product(TestSite.validProductFields + "\nslug: tas-besar"),
            "content/products/tas.md": TestSite.product(TestSite.validProductFields),
        ])
        let d = try #require(site.load().1.first(code: "name-twin"))
        #expect(d.location.file == "content/products/tas.md")
        #expect(d.message(.en).contains("content/products/Tas.md"))
    }

    @Test func unicodeNormalisationTwinsAreAnErrorNamingBothFiles() throws {
        let nfc = "kopi-caf\u{E9}.md", nfd = "kopi-cafe\u{301}.md"
        // Swift compares strings by canonical equivalence, so the two names cannot share a dictionary.
        let site = try TestSite()
        try site.write("content/pages/" + nfc, "---\ntitle: A\nslug: kopi-a\n---\nA\n")
        try site.write("content/pages/" + nfd, "---\ntitle: B\nslug: kopi-b\n---\nB\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root + "/content/pages").count == 2)
        let twins = site.load().1.filter { $0.code == "name-twin" }
        let d = try #require(twins.first)
        #expect(twins.count == 1)
        for name in [nfc, nfd] {
            #expect(d.location.file == "content/pages/" + name || d.message(.en).contains("content/pages/" + name))
        }
    }

    @Test func imageTwinsAreAnError() throws {
        let site = try TestSite()
        try site.writeBytes("content/images/products/Tas.jpg", TestSite.sampleJPEG)
        #expect(site.load().1.first(code: "name-twin")?.location.file == "content/images/products/tas.jpg")
    }

    @Test func twoItemsAtOneAddressAreAnErrorNamingBoth() throws {
        let site = try TestSite(files: [
            "content/products/tas.md": TestSite.product(TestSite.validProductFields),
            "content/products/tas-lain.md": TestSite.product(TestSite.validProductFields + "\nslug: tas"),
        ])
        let (content, _) = site.load()
        let loaded = try #require(content)
        let d = try #require(Site.assemble(loaded).diagnostics.first(code: "duplicate-slug"))
        #expect(d.location.file == "content/products/tas.md")
        #expect(d.message(.en).contains("content/products/tas-lain.md"))
    }

    // MARK: Links out of the site

    @Test func aLinkedFileOutsideIsRefusedAndNotRead() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let site = try TestSite()
        try link(site, "content/products/curian.md", to: outside + "/secret.md")
        let (content, diagnostics) = site.load()
        #expect(diagnostics.first(code: "symlink-outside")?.location.file == "content/products/curian.md")
        #expect(content?.products.isEmpty == true)
    }

    @Test func aLinkedFolderOutsideIsRefusedWithEverythingBehindIt() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let site = try TestSite()
        try link(site, "content/pages", to: outside)
        try link(site, "content/images/luar", to: outside + "/sub")
        let (content, diagnostics) = site.load()
        let links = diagnostics.filter { $0.code == "symlink-outside" }.map(\.location.file).sorted()
        #expect(links == ["content/images/luar", "content/pages"])
        #expect(content == nil || content?.pages.isEmpty == true)
        #expect(content?.images.entries.keys.contains("images/luar/foto.jpg") != true)
    }

    @Test func aLinkedContentFolderOutsideIsRefused() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let site = try TestSite()
        try FileManager.default.moveItem(atPath: site.root + "/content", toPath: outside + "/content")
        try link(site, "content", to: outside + "/content")
        let (content, diagnostics) = site.load()
        #expect(content == nil)
        #expect(diagnostics.first(code: "symlink-outside")?.location.file == "content")
    }

    @Test func linksThatStayInsideAreFine() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        try link(site, "content/images/sama", to: site.root + "/content/images/products")
        try link(site, "content/products/tas-juga.md", to: "tas.md")
        let (_, diagnostics) = site.load()
        #expect(diagnostics.first(code: "symlink-outside") == nil)
    }

    @Test(arguments: ["templates", "templates/base.html", "static", "static/style.css", "i18n/id.yml"])
    func themeLinksOutsideStopTheBuild(relative: String) throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        try site.write("content/site.yml", """
        title: "Lapak Uji"
        base_url: "https://uji.example.org/"
        theme: sendiri
        categories:
          tas-anyaman: "Tas Anyaman"
        """)
        if !relative.hasPrefix("templates") { try site.write("themes/sendiri/templates/page.html", "{{ content_page.title }}") }
        try link(site, "themes/sendiri/" + relative, to: outside + "/secret.md")
        let output = site.root + "/site"
        let report = site.build(output: output)
        #expect(!report.succeeded)
        #expect(report.diagnostics.first(code: "symlink-outside")?.location.file == "themes/sendiri/" + relative)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    // MARK: Writing

    @Test(arguments: ["../x.html", "/etc/x", "a/../../x", "a//b", "", ".", "a/./b", "a\\b", "a\0b"])
    func stagedOutputWritesOnlyInsideItsOwnFolder(path: String) throws {
        let parent = NSTemporaryDirectory() + "lapak-stage-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let staged = try StagedOutput(destination: parent + "/site")
        #expect(throws: StagedOutput.Failure.self) { try staged.write(path, text: "x") }
        staged.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
    }

    @Test func stagingNeverReusesAFolderItDidNotCreate() throws {
        let parent = NSTemporaryDirectory() + "lapak-stage-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: parent + "/site", withIntermediateDirectories: true)
        let staged = try StagedOutput(destination: parent + "/site")
        // A link planted inside the staging folder is not followed when writing.
        try FileManager.default.createSymbolicLink(atPath: staged.staging + "/index.html", withDestinationPath: parent + "/korban")
        #expect(throws: StagedOutput.Failure.self) { try staged.write("index.html", text: "x") }
        #expect(!FileManager.default.fileExists(atPath: parent + "/korban"))
        staged.abandon()
    }

    @Test func leftoversOfDeadBuildsGoAndThoseOfLiveOnesStay() throws {
        let parent = NSTemporaryDirectory() + "lapak-stage-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let dead = parent + "/.site.staging-999999999-1"
        let live = parent + "/.site.staging-1-2"  // process 1 is always alive
        let oldDead = parent + "/.site.staging-old-999999998"
        for folder in [dead, live, oldDead] {
            try FileManager.default.createDirectory(atPath: folder + "/produk", withIntermediateDirectories: true)
        }
        let staged = try StagedOutput(destination: parent + "/site")
        staged.abandon()
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(!FileManager.default.fileExists(atPath: oldDead))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    /// The old site is removed by folder descriptors, two levels shared among the cores: what a
    /// link in it points at stays, and nothing of the old site is left beside the new one.
    @Test func replacingASiteRemovesTheOldOneWithoutFollowingItsLinks() throws {
        let parent = NSTemporaryDirectory() + "lapak-stage-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let files = FileManager.default
        let outside = try outsideFolder()
        defer { try? files.removeItem(atPath: outside) }
        try files.createDirectory(atPath: outside + "/dalam", withIntermediateDirectories: true)
        try "rahasia".write(toFile: outside + "/dalam/x.txt", atomically: false, encoding: .utf8)
        let old = parent + "/site"
        try files.createDirectory(atPath: old + "/produk/tas/foto", withIntermediateDirectories: true)
        for file in ["index.html", "produk/index.html", "produk/tas/index.html", "produk/tas/foto/a.webp"] {
            try "lama".write(toFile: old + "/" + file, atomically: false, encoding: .utf8)
        }
        for link in ["tautan", "produk/tautan", "produk/tas/tautan"] {
            try files.createSymbolicLink(atPath: old + "/" + link, withDestinationPath: outside)
        }
        let dead = parent + "/.site.staging-999999999-1"
        try files.createDirectory(atPath: dead + "/produk", withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: dead + "/produk/tautan", withDestinationPath: outside)

        let staged = try StagedOutput(destination: old)
        try staged.write("produk/baru/index.html", text: "baru")
        try staged.commit()

        #expect(try files.contentsOfDirectory(atPath: parent) == ["site"])
        #expect(try files.subpathsOfDirectory(atPath: old).sorted() == ["produk", "produk/baru", "produk/baru/index.html"])
        #expect(try String(contentsOfFile: outside + "/dalam/x.txt", encoding: .utf8) == "rahasia")
    }
}
