import Foundation
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

    @Test func siteFilesStayInsideTheirFolder() throws {
        let parent = NSTemporaryDirectory() + "lapak-sitefiles-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: parent + "/site/produk/tas", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: parent + "/site/index.html", contents: Data("home".utf8))
        FileManager.default.createFile(atPath: parent + "/site/produk/tas/index.html", contents: Data("tas".utf8))
        FileManager.default.createFile(atPath: parent + "/rahasia.txt", contents: Data("rahasia".utf8))
        try FileManager.default.createSymbolicLink(atPath: parent + "/site/rahasia.txt", withDestinationPath: parent + "/rahasia.txt")
        try FileManager.default.createSymbolicLink(atPath: parent + "/site/sama.html", withDestinationPath: parent + "/site/index.html")
        let resolved = try #require(realpath(parent, nil))
        let real = String(cString: resolved)
        free(resolved)
        let files = SiteFiles(root: real + "/site")
        #expect(files.lookup("") == .file(real + "/site/index.html"))
        #expect(files.lookup("produk/tas/") == .file(real + "/site/produk/tas/index.html"))
        #expect(files.lookup("produk/tas") == .folder("/produk/tas/"))
        #expect(files.lookup("sama.html") == .file(real + "/site/index.html"), "a link that stays inside is fine")
        #expect(files.lookup("rahasia.txt") == .missing)
        #expect(files.lookup("produk/") == .missing)
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
