import Foundation
import LapakCore
import Testing
@testable import LapakServe

/// The small pieces of `lapak serve`, each on its own.
@Suite struct ServePartsTests {
    @Test func hostHeaders() {
        #expect(LocalHosts.name(ofHostHeader: "127.0.0.1:8080") == "127.0.0.1")
        #expect(LocalHosts.name(ofHostHeader: "LocalHost") == "localhost")
        #expect(LocalHosts.name(ofHostHeader: "[::1]:8080") == "::1")
        #expect(LocalHosts.name(ofHostHeader: "a:b:c") == nil)
        #expect(LocalHosts.name(ofHostHeader: "localhost:80x") == nil)
        for local in ["localhost", "127.0.0.1", "127.1.2.3", "::1", "toko.localhost"] { #expect(LocalHosts.isLocal(local)) }
        for foreign in ["evil.example", "127.0.0.1.nip.io", "10.0.0.1", "127.0.0", "localhost.evil.example"] { #expect(!LocalHosts.isLocal(foreign)) }
        #expect(LocalHosts.originMatches(nil, host: "127.0.0.1:8080"))
        #expect(LocalHosts.originMatches("http://127.0.0.1:8080", host: "127.0.0.1:8080"))
        #expect(!LocalHosts.originMatches("http://127.0.0.1:9999", host: "127.0.0.1:8080"))
        #expect(!LocalHosts.originMatches("null", host: "127.0.0.1:8080"))
    }

    @Test func bindAddresses() throws {
        #expect(try #require(BindAddress(host: "127.0.0.1", port: 8080)).isLoopback)
        #expect(try #require(BindAddress(host: "localhost", port: 8080)).urlHost == "127.0.0.1")
        #expect(try #require(BindAddress(host: "::1", port: 8080)).urlHost == "[::1]")
        let everywhere = try #require(BindAddress(host: "0.0.0.0", port: 8080))
        #expect(!everywhere.isLoopback && everywhere.urlHost == "localhost")
        #expect(BindAddress(host: "toko.example", port: 8080) == nil)
    }

    @Test func theReloadScriptGoesBeforeTheLastBodyEnd() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let served = String(decoding: ReloadScript.inject(into: page, generation: 7), as: UTF8.self)
        #expect(served.hasPrefix("<html><body><p>&lt;/body&gt;</p><script>"))
        #expect(served.hasSuffix("</script></BODY></html>"))
        #expect(served.contains(#"var seen="7""#))
        let fragment = String(decoding: ReloadScript.inject(into: Array("<p>hai</p>".utf8), generation: 1), as: UTF8.self)
        #expect(fragment.hasPrefix("<p>hai</p><script>"))
    }

    @Test func contentTypes() {
        #expect(ContentTypes.of("produk/tas/index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.of("style.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.of("products.json") == "application/json")
        #expect(ContentTypes.of("atom.xml") == "application/xml; charset=utf-8")
        #expect(ContentTypes.of("images/a.JPG") == "image/jpeg")
        #expect(ContentTypes.of("images/a.webp") == "image/webp")
        #expect(ContentTypes.of("LICENSE") == "application/octet-stream")
    }

    @Test func siteFilesAreFoundAsInABuiltFolder() throws {
        let fixture = try ServeFixture()
        let session = PreviewSession(options: BuildOptions(sourceDirectory: fixture.root, baseURL: "http://127.0.0.1:8080/"))
        let files = SiteFiles()
        files.attach(session)
        #expect(files.lookup("").path == nil, "nothing is served before the first build")
        #expect(session.rebuild().succeeded)
        #expect(files.lookup("").path == "index.html")
        #expect(files.lookup("produk/tas/").path == "produk/tas/index.html")
        #expect(files.lookup("style.css").path == "style.css")
        if case .folder(let location) = files.lookup("produk/tas") { #expect(location == "/produk/tas/") } else { Issue.record("no redirect") }
        if case .folder(let location) = files.lookup("images/products") { #expect(location == "/images/products/") } else { Issue.record("no redirect") }
        for missing in ["produk/tas/index", "tidak-ada/", "Package.swift", "content/site.yml", "images/products/"] {
            #expect(files.lookup(missing).path == nil, "\(missing)")
        }
    }

    @Test func aFileReplacedByALinkOutOfTheSiteIsNotRead() throws {
        let fixture = try ServeFixture()
        let session = PreviewSession(options: BuildOptions(sourceDirectory: fixture.root))
        #expect(session.rebuild().succeeded)
        guard case .file(let file) = session.lookup("images/brosur.pdf") else {
            Issue.record("no file")
            return
        }
        guard case .bytes(let bytes) = file.render() else {
            Issue.record("the file was not read")
            return
        }
        #expect(bytes == Array("%PDF-1.4 brosur".utf8))
        let outside = NSTemporaryDirectory() + "lapak-serve-secret-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data("SECRET".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.removeItem(atPath: fixture.root + "/content/images/brosur.pdf")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/content/images/brosur.pdf", withDestinationPath: outside)
        #expect(file.render() == .gone)
        // A link that stays inside the site is followed, as the build follows it.
        try FileManager.default.removeItem(atPath: fixture.root + "/content/images/brosur.pdf")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/content/images/brosur.pdf",
                                                   withDestinationPath: fixture.root + "/Package.swift")
        #expect(file.render() == .bytes(Array("SECRET-SOURCE // swift-tools-version".utf8)))
    }

    @Test func editorDroppingsAreNotChanges() {
        for name in [".tas.md.swp", "tas.md~", "#tas.md#", "4913", ".DS_Store"] { #expect(ChangeWatcher.isIgnored(name)) }
        #expect(!ChangeWatcher.isIgnored("tas.md"))
    }

    @Test func aSnapshotSeesEveryKindOfChange() throws {
        let folder = NSTemporaryDirectory() + "lapak-snapshot-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/products", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/products/a.md", contents: Data("a".utf8))
        let before = FolderSnapshot([folder])
        #expect(FolderSnapshot([folder]) == before)
        FileManager.default.createFile(atPath: folder + "/products/a.md", contents: Data("ab".utf8))
        let edited = FolderSnapshot([folder])
        #expect(edited != before)
        FileManager.default.createFile(atPath: folder + "/products/.a.md.swp", contents: Data("x".utf8))
        #expect(FolderSnapshot([folder]) == edited)
        try FileManager.default.removeItem(atPath: folder + "/products/a.md")
        #expect(FolderSnapshot([folder]) != edited)
    }
}

extension PreviewLookup {
    /// The output path of a file, nil for a folder or a missing path.
    var path: String? {
        if case .file(let file) = self { return file.path }
        return nil
    }
}
