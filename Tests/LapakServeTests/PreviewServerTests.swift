import Foundation
import LapakCore
import Testing
@testable import LapakServe

/// `lapak serve` end to end on 127.0.0.1: pages, live reload, errors in the browser, and the
/// requests a hostile page or client could send.
@Suite struct PreviewServerTests {
    func started() async throws -> ServeFixture {
        let fixture = try ServeFixture()
        let problem = await fixture.server.start()
        #expect(problem == nil, "\(problem.map { $0.formatted(.en) } ?? "")")
        #expect(fixture.port != 0)
        return fixture
    }

    /// Runs `body` against a started server and stops it afterwards, also when `body` throws.
    func serving(_ body: (ServeFixture) async throws -> Void) async throws {
        try await ServeFixture.serving(body)
    }

    /// An open reload stream, read on its own thread.
    func openReloadStream(port: UInt16) async -> RawConnection? {
        await offPool {
            guard let connection = RawConnection(port: port) else { return nil }
            connection.send("GET /__lapak/reload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            return connection
        }
    }

    func waitForBuild(_ generation: Int, on stream: RawConnection) async -> Bool {
        await offPool {
            let text = String(decoding: stream.read(timeout: 20) {
                String(decoding: $0, as: UTF8.self).contains("data: \(generation)\n\n")
            }, as: UTF8.self)
            return text.contains("data: \(generation)\n\n")
        }
    }

    @Test func servesPagesAndReloadsThemAfterAChange() async throws {
        try await serving { fixture in
            let home = try #require(await get("/", port: fixture.port))
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains(#"new EventSource("/__lapak/reload")"#))
            let page = try #require(await get("/produk/tas/", port: fixture.port))
            #expect(page.body.contains("Tas Anyaman Pandan"))
            #expect(page.body.contains(#"var seen="1""#))

            let stream = try #require(await openReloadStream(port: fixture.port))
            #expect(await waitForBuild(1, on: stream))
            #expect(stream.text().hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(stream.text().lowercased().contains("content-type: text/event-stream"))

            let changed = ContinuousClock.now
            try fixture.write("content/products/tas.md", ServeFixture.product.replacingOccurrences(of: "Tas Anyaman Pandan", with: "Tas Pandan Baru"))
            #expect(await waitForBuild(2, on: stream))
            let reloaded = ContinuousClock.now - changed
            let updated = try #require(await get("/produk/tas/", port: fixture.port))
            #expect(updated.body.contains("Tas Pandan Baru"))
            #expect(updated.body.contains(#"var seen="2""#))
            #expect(reloaded < .seconds(10))

            // The reload script lives only in what is served, never in the site as a build makes it.
            guard case .file(let file)? = fixture.server.session?.lookup("produk/tas/"), case .bytes(let built) = file.render() else {
                Issue.record("the session has no /produk/tas/")
                return
            }
            #expect(String(decoding: built, as: UTF8.self).contains("Tas Pandan Baru"))
            #expect(!String(decoding: built, as: UTF8.self).contains("EventSource"))
        }
    }

    @Test func neverServesAFileFromOutsideTheSite() async throws {
        let fixture = try ServeFixture()
        try fixture.writeBytes("content/images/products/lain.jpg", Array("JPEG".utf8))
        let problem = await fixture.server.start()
        #expect(problem == nil)
        do {
            // The photo is served as its processed copies, made when first asked for; the original never.
            let page = try #require(await get("/produk/tas/", port: fixture.port))
            let start = try #require(page.body.range(of: "srcset=\"")).upperBound
            let webp = String(page.body[start...].prefix { $0 != " " })
            #expect(webp.hasPrefix("/images/products/tas.") && webp.hasSuffix(".webp"))
            let photo = try #require(await get(webp, port: fixture.port))
            #expect(photo.status == 200)
            #expect(photo.headers["content-type"] == "image/webp")
            // A secret outside the site folder, and a photo of the last good build replaced by a
            // link to it after the build: the link is not followed when the photo is asked for.
            let outside = NSTemporaryDirectory() + "lapak-serve-secret-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: outside) }
            try Data("SECRET-BESIDE".utf8).write(to: URL(fileURLWithPath: outside))
            try FileManager.default.removeItem(atPath: fixture.root + "/content/images/products/lain.jpg")
            try FileManager.default.createSymbolicLink(atPath: fixture.root + "/content/images/products/lain.jpg", withDestinationPath: outside)
            for path in [
                "/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E/%2E%2E/Package.swift", "/%252e%252e/Package.swift",
                "/%252e%252e%252fPackage.swift", "/produk/..%5c..%5cPackage.swift", "/produk/..\\..\\Package.swift",
                "/%00", "/index.html%00.css", "/..%2fPackage.swift", "/produk/../../Package.swift", "//../Package.swift",
                "/images/products/lain.jpg", "/images/products/tas.jpg", "/.staging/x",
                "/luar/Package.swift", "/content/site.yml", "/Package.swift",
            ] {
                let response = try #require(await get(path, port: fixture.port), "no answer to \(path)")
                #expect((400..<500).contains(response.status) || response.status == 500, "\(path) → \(response.status)")
                #expect(!response.body.contains("SECRET"), "\(path) leaked a file")
            }
            let css = try #require(await get("/style.css", port: fixture.port))
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")

        } catch {
            await fixture.server.stop()
            throw error
        }
        await fixture.server.stop()
    }

    @Test func unknownPagesUnderALanguageGetThatLanguages404() async throws {
        try await ServeFixture.serving(languages: "[id, en]") { fixture in
            let english = try #require(await get("/en/not-here/", port: fixture.port))
            #expect(english.status == 404)
            #expect(english.body.contains("Page not found") && english.body.contains("<html lang=\"en\">"))
            let indonesian = try #require(await get("/tidak-ada/", port: fixture.port))
            #expect(indonesian.status == 404 && indonesian.body.contains("Halaman tidak ditemukan"))
        }
    }

    @Test func unknownPagesGetTheThemes404() async throws {
        try await serving { fixture in
            let missing = try #require(await get("/tidak-ada/", port: fixture.port))
            #expect(missing.status == 404)
            #expect(missing.body.contains("Halaman tidak ditemukan"))
            #expect(missing.body.contains("EventSource"))
            let folder = try #require(await get("/produk/tas", port: fixture.port))
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/produk/tas/")
        }
    }

    @Test func foreignHostsAndOriginsAreRefused() async throws {
        try await serving { fixture in
            let port = fixture.port
            #expect(await get("/", port: port, host: "evil.example")?.status == 403)
            #expect(await get("/", port: port, host: "evil.example:\(port)")?.status == 403)
            #expect(await get("/", port: port, host: "127.0.0.1.evil.example")?.status == 403)
            #expect(await get("/", port: port, host: "localhost:\(port)")?.status == 200)
            #expect(await get("/", port: port, host: "[::1]:\(port)")?.status == 200)
            #expect(await get("/__lapak/reload", port: port, headers: ["Origin": "http://evil.example"])?.status == 403)
            #expect(await get("/__lapak/reload", port: port, headers: ["Origin": "null"])?.status == 403)
            let noHost = await offPool { () -> Int? in
                guard let connection = RawConnection(port: port) else { return nil }
                connection.send("GET / HTTP/1.0\r\n\r\n")
                return connection.response()?.status
            }
            #expect(noHost == 400)
            let sameOrigin = await offPool { () -> String in
                guard let connection = RawConnection(port: port) else { return "" }
                connection.send("GET /__lapak/reload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\n\r\n")
                return String(decoding: connection.read(timeout: 5) { String(decoding: $0, as: UTF8.self).contains("data: 1") }, as: UTF8.self)
            }
            #expect(sameOrigin.hasPrefix("HTTP/1.1 200 OK"))
        }
    }

    @Test func malformedRequestsGet400AndTheNextRequestIsServed() async throws {
        try await serving { fixture in
            let port = fixture.port
            let statuses = await offPool { () -> [Int] in
                guard let connection = RawConnection(port: port) else { return [] }
                var out: [Int] = []
                for path in ["/%zz", "/%00", "/style.css"] {
                    connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
                    out.append(connection.response()?.status ?? 0)
                }
                return out
            }
            #expect(statuses == [400, 400, 200])
            // Not HTTP at all: the connection is closed, and the server goes on serving.
            let closed = await offPool { () -> Bool in
                guard let connection = RawConnection(port: port) else { return false }
                connection.send("\u{1}\u{2}GARBAGE\r\n\r\n")
                return connection.isClosedByPeer
            }
            #expect(closed)
            #expect(await get("/", port: port)?.status == 200)
        }
    }

    @Test func aBuildErrorIsShownInTheBrowserUntilFixed() async throws {
        try await serving { fixture in
            let stream = try #require(await openReloadStream(port: fixture.port))
            #expect(await waitForBuild(1, on: stream))
            try fixture.write("content/products/tas.md", ServeFixture.product.replacingOccurrences(of: "price: 85000", with: "price: 85.000"))
            #expect(await waitForBuild(2, on: stream))
            let page = try #require(await get("/produk/tas/", port: fixture.port))
            #expect(page.status == 500)
            #expect(page.body.contains("Situs belum bisa dibangun"))
            #expect(page.body.contains("content/products/tas.md:3:1: galat: `price` ditulis dengan pemisah ribuan (`85.000`)"))
            #expect(page.body.contains(" 3 | price: 85.000"))
            #expect(page.body.contains("saran: Tulis harga dalam Rupiah tanpa titik: `price: 85000`."))
            #expect(page.body.contains("EventSource"))
            #expect(await get("/style.css", port: fixture.port)?.status == 200, "assets of the last good build stay")
            try fixture.write("content/products/tas.md", ServeFixture.product)
            #expect(await waitForBuild(3, on: stream))
            #expect(await get("/produk/tas/", port: fixture.port)?.status == 200)
        }
    }

    @Test func aTemplateFailingAtRunTimeIsShownOnItsPage() async throws {
        let fixture = try ServeFixture()
        try fixture.write("themes/default/templates/product.html", "<p>{{ product.title }} {{ no_such_name }}</p>\n")
        let problem = await fixture.server.start()
        #expect(problem == nil)
        let page = await get("/produk/tas/", port: fixture.port)
        let home = await get("/", port: fixture.port)
        await fixture.server.stop()
        #expect(page?.status == 500)
        #expect(page?.body.contains("Situs belum bisa dibangun") == true)
        #expect(page?.body.contains("themes/default/templates/product.html:1:") == true)
        #expect(page?.body.contains("EventSource") == true, "the page turns back into the site once the template is fixed")
        #expect(home?.status == 200, "other pages are served")
    }

    @Test func stopsCleanly() async throws {
        let fixture = try await started()
        let port = fixture.port
        let stream = await openReloadStream(port: port)
        var announced = false
        if let stream { announced = await waitForBuild(1, on: stream) }
        await fixture.server.stop()
        #expect(announced)
        #expect(await offPool { stream?.isClosedByPeer ?? false }, "open reload streams end")
        #expect(await offPool { RawConnection(port: port) } == nil, "nothing listens any more")
    }

    @Test func aPortInUseIsReportedNotThrown() async throws {
        try await serving { first in
            let second = PreviewServer(options: ServeOptions(sourceDirectory: first.root, port: first.port))
            let problem = try #require(await second.start())
            #expect(problem.code == "cannot-listen")
            #expect(problem.message(.id).hasPrefix("tidak dapat membuka `127.0.0.1:\(first.port)`"))
            #expect(problem.hint(.en) == "Another `lapak serve` may be running. Stop it first, or choose another number, for example `--port 8081`.")
            #expect(second.url.isEmpty && second.session == nil, "a server that could not start leaves nothing behind")
        }
    }
}
