import Templates
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct LoaderTests {
    /// A fresh directory of templates under /tmp.
    static func makeTree(_ files: [String: String]) throws -> String {
        let root = "/tmp/lapak-loader-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        for (name, text) in files {
            let path = root + "/" + name
            let dir = path.split(separator: "/").dropLast().joined(separator: "/")
            _ = system("mkdir -p '/\(dir)'")
            let f = try #require(fopen(path, "wb"))
            _ = text.withCString { fputs($0, f) }
            fclose(f)
        }
        return root
    }

    @Test func directoryLoaderReadsAndLists() throws {
        let root = try Self.makeTree(["a.html": "A{% include 'sub/b.html' %}", "sub/b.html": "B", ".hidden": "x"])
        defer { _ = system("rm -rf '\(root)'") }
        let loader = DirectoryLoader(root: root)
        #expect(try loader.templateNames() == ["a.html", "sub/b.html"])
        let env = Environment(loader: loader)
        try env.loadAll()
        #expect(try env.render("a.html", context: [:]) == "AB")
    }

    @Test func directoryLoaderRefusesEscapes() throws {
        let root = try Self.makeTree(["a.html": "A"])
        defer { _ = system("rm -rf '\(root)'") }
        let loader = DirectoryLoader(root: root + "/")
        for bad in ["../a.html", "/etc/passwd", "x/../../a.html", "", "./a.html", "a//b"] {
            #expect(try loader.source(for: bad) == nil, "\(bad)")
        }
        #expect(try loader.source(for: "a.html") == "A")
        let e = try #require(renderError("{% include '../../etc/passwd' %}"))
        #expect(e.message.contains("not found"))
    }

    @Test func layeredLoaderPrefersTheFirst() throws {
        let site = InMemoryLoader(["page.html": "site page"])
        let theme = InMemoryLoader(["page.html": "theme page", "base.html": "theme base"])
        let loader = LayeredLoader([site, theme])
        #expect(try loader.source(for: "page.html") == "site page")
        #expect(try loader.source(for: "base.html") == "theme base")
        #expect(try loader.source(for: "none.html") == nil)
        #expect(try loader.templateNames() == ["base.html", "page.html"])
    }
}
