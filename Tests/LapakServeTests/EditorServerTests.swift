import Foundation
import Imaging
import LapakCore
import PhotoFixtures
import Testing
@testable import LapakServe

/// The editor of `lapak serve --edit` over HTTP, and what it refuses.
@Suite(.serialized) struct EditorServerTests {
    func serving(edit: Bool = true, host: String = "127.0.0.1", pin: String? = nil,
                 _ body: (ServeFixture) async throws -> Void) async throws {
        try await ServeFixture.serving(edit: edit, host: host, pin: pin, body)
    }

    /// A session cookie and the product form's CSRF token and digest, as a browser gets them.
    func openForm(_ fixture: ServeFixture, cookie: String? = nil) async throws -> (cookie: String, csrf: String, hash: String) {
        let list = try #require(await send("GET", "/_lapak/", port: fixture.port, headers: cookie.map { ["Cookie": $0] } ?? [:]))
        #expect(list.status == 200)
        let session = try #require(cookie ?? list.sessionCookie)
        let form = try #require(await send("GET", "/_lapak/edit/products/tas", port: fixture.port, headers: ["Cookie": session]))
        #expect(form.status == 200)
        return (session, try #require(form.hidden("_csrf")), try #require(form.hidden("_hash")))
    }

    func save(_ fixture: ServeFixture, _ fields: [String: String], cookie: String, origin: String? = nil,
              path: String = "/_lapak/save/products/tas") async -> RawResponse? {
        var headers = ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"]
        if let origin { headers["Origin"] = origin }
        return await send("POST", path, port: fixture.port, headers: headers, body: urlEncoded(fields))
    }

    var fileText: (ServeFixture) throws -> String {
        { try String(contentsOfFile: $0.root + "/content/products/tas.md", encoding: .utf8) }
    }

    @Test func withoutEditNothingUnderTheReservedPathAnswers() async throws {
        try await serving(edit: false) { fixture in
            #expect(await send("GET", "/_lapak/", port: fixture.port)?.status == 404)
            let post = await send("POST", "/_lapak/save/products/tas", port: fixture.port, body: urlEncoded(["price": "1"]))
            #expect(post?.status == 404)
        }
    }

    @Test func aChangedPriceIsSavedAndOnlyItsLineChanges() async throws {
        try await serving { fixture in
            let before = try fileText(fixture)
            let (cookie, csrf, hash) = try await openForm(fixture)
            let response = try #require(await save(fixture, ["_csrf": csrf, "_hash": hash, "_action": "publish", "title": "Tas Anyaman Pandan",
                                                            "price": "90000", "category": "tas-anyaman", "producer": "desbumi-kedunggebang",
                                                            "body": "Tas dari pandan.\n"], cookie: cookie, origin: "http://127.0.0.1:\(fixture.port)"))
            #expect(response.status == 200)
            #expect(response.body.contains("Tersimpan"))
            #expect(try fileText(fixture) == before.replacingOccurrences(of: "price: 85000", with: "price: 90000"))
        }
    }

    @Test func aBadPriceIsShownBesideItsFieldAndNotPublished() async throws {
        try await serving { fixture in
            let before = try fileText(fixture)
            let (cookie, csrf, hash) = try await openForm(fixture)
            let fields = ["_csrf": csrf, "_hash": hash, "_action": "publish", "title": "Tas Anyaman Pandan", "price": "85.000",
                          "category": "tas-anyaman", "producer": "desbumi-kedunggebang", "body": "Tas dari pandan.\n"]
            let refused = try #require(await save(fixture, fields, cookie: cookie))
            #expect(refused.status == 422)
            #expect(refused.body.contains(#"id="price-error-0">`price` ditulis dengan pemisah ribuan"#))
            #expect(try fileText(fixture) == before)
            var draft = fields
            draft["_action"] = "draft"
            let saved = try #require(await save(fixture, draft, cookie: cookie))
            #expect(saved.status == 200)
            #expect(try fileText(fixture).contains("price: 85.000\n"))
            #expect(try fileText(fixture).contains("draft: true\n"))
        }
    }

    @Test func aPostWithoutOrWithAWrongCSRFTokenIsRefused() async throws {
        try await serving { fixture in
            let before = try fileText(fixture)
            let (cookie, _, hash) = try await openForm(fixture)
            #expect(await save(fixture, ["_hash": hash, "price": "1"], cookie: cookie)?.status == 403)
            #expect(await save(fixture, ["_csrf": "0000", "_hash": hash, "price": "1"], cookie: cookie)?.status == 403)
            // Another session's token does not fit this session.
            let (_, otherCSRF, _) = try await openForm(fixture)
            #expect(await save(fixture, ["_csrf": otherCSRF, "_hash": hash, "price": "1"], cookie: cookie)?.status == 403)
            #expect(try fileText(fixture) == before)
        }
    }

    @Test func aForeignOriginIsRefused() async throws {
        try await serving { fixture in
            let (cookie, csrf, hash) = try await openForm(fixture)
            let response = await save(fixture, ["_csrf": csrf, "_hash": hash, "price": "1"], cookie: cookie, origin: "http://evil.example")
            #expect(response?.status == 403)
            // And a foreign Host on loopback is refused before the editor sees it (DNS rebinding).
            #expect(await get("/_lapak/", port: fixture.port, host: "evil.example")?.status == 403)
        }
    }

    @Test func aFileChangedOnDiskIsNeverOverwritten() async throws {
        try await serving { fixture in
            let (cookie, csrf, hash) = try await openForm(fixture)
            try fixture.write("content/products/tas.md", ServeFixture.product.replacingOccurrences(of: "85000", with: "70000"))
            let response = try #require(await save(fixture, ["_csrf": csrf, "_hash": hash, "_action": "publish", "title": "Tas Anyaman Pandan",
                                                            "price": "90000", "category": "tas-anyaman", "producer": "desbumi-kedunggebang",
                                                            "body": "Tas dari pandan.\n"], cookie: cookie))
            #expect(response.status == 409)
            #expect(response.body.contains("Isi di berkas sekarang: 70000"))
            #expect(try fileText(fixture).contains("price: 70000"))
        }
    }

    @Test func pathTraversalIsRefused() async throws {
        try await serving { fixture in
            let (cookie, csrf, _) = try await openForm(fixture)
            for path in ["/_lapak/edit/products/..%2F..%2FPackage", "/_lapak/edit/products/%2e%2e", "/_lapak/edit/../Package.swift",
                         "/_lapak/edit/products/.hidden", "/_lapak/edit/secrets/tas", "/_lapak/edit/products/Tas", "/_lapak/edit/products/a%00b"] {
                let response = try #require(await send("GET", path, port: fixture.port, headers: ["Cookie": cookie]))
                #expect([400, 404].contains(response.status), "\(path)")
                #expect(!response.body.contains("SECRET-SOURCE"))
            }
            let post = await send("POST", "/_lapak/save/products/..%2F..%2Fevil", port: fixture.port,
                                  headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"],
                                  body: urlEncoded(["_csrf": csrf, "title": "x"]))
            #expect([400, 404].contains(post?.status ?? 0))
            #expect(!FileManager.default.fileExists(atPath: fixture.root + "/evil.md"))
        }
    }

    @Test func anOversizedUploadIsRefusedBeforeItIsRead() async throws {
        try await serving { fixture in
            let (cookie, _, _) = try await openForm(fixture)
            let response = await send("POST", "/_lapak/save/products/tas", port: fixture.port,
                                      headers: ["Cookie": cookie, "Content-Type": "multipart/form-data; boundary=x"],
                                      body: Array("--x".utf8), announcedLength: 30 * 1_048_576)
            #expect(response?.status == 413)
        }
    }

    @Test func aNewProductWithAPhotoIsWrittenOnlyInsideContent() async throws {
        try await serving { fixture in
            let outside = try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted()
            let (cookie, csrf, _) = try await openForm(fixture)
            // A phone's photo: sideways (EXIF orientation 6), with a GPS position, larger than 2400 px.
            let photo = try SamplePhotos.phoneJPEG(width: 3000, height: 2000, orientation: 6, gps: true)
            let body = multipart(["_csrf": csrf, "_hash": "", "_action": "publish", "title": "Keranjang Rotan", "price": "120000",
                                  "category": "tas-anyaman", "producer": "desbumi-kedunggebang", "body": "Keranjang dari rotan.\n"],
                                 file: ("photo", "IMG_0001.HEIC.jpg", photo))
            let response = try #require(await send("POST", "/_lapak/save/products", port: fixture.port,
                                                   headers: ["Cookie": cookie, "Content-Type": "multipart/form-data; boundary=----lapakTest7MA4YWxk"],
                                                   body: body))
            #expect(response.status == 200, "\(response.body)")
            let text = try String(contentsOfFile: fixture.root + "/content/products/keranjang-rotan.md", encoding: .utf8)
            #expect(text.contains("price: 120000\n"))
            #expect(text.contains("- src: images/products/keranjang-rotan.jpg"))
            let stored = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture.root + "/content/images/products/keranjang-rotan.jpg")))
            let header = try Photo.header(of: stored)
            #expect(header.format == .jpeg)
            #expect(header.width == 1600 && header.height == 2400)
            #expect(header.orientation == 1 && !header.hasMetadata)
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted() == outside)
        }
    }

    @Test func aPhotoSentWithARefusedFormIsKeptForTheNextSubmit() async throws {
        try await serving { fixture in
            let (cookie, csrf, _) = try await openForm(fixture)
            let fields = ["_csrf": csrf, "_hash": "", "_action": "publish", "title": "Keranjang Rotan", "price": "",
                          "category": "tas-anyaman", "producer": "desbumi-kedunggebang", "body": "Keranjang.\n"]
            let body = multipart(fields, file: ("photo", "a.jpg", try SamplePhotos.encoded(width: 40, height: 30, as: .jpeg)))
            let refused = try #require(await send("POST", "/_lapak/save/products", port: fixture.port,
                                                  headers: ["Cookie": cookie, "Content-Type": "multipart/form-data; boundary=----lapakTest7MA4YWxk"],
                                                  body: body))
            #expect(refused.status == 422)
            #expect(refused.body.contains(#"id="price-error-0""#))
            #expect(!FileManager.default.fileExists(atPath: fixture.root + "/content/products/keranjang-rotan.md"))
            let pending = try #require(refused.hidden("_photo"))
            #expect(pending == "images/products/keranjang-rotan.jpg")
            var again = fields
            again["price"] = "120000"
            again["_photo"] = pending
            let saved = try #require(await save(fixture, again, cookie: cookie, path: "/_lapak/save/products"))
            #expect(saved.status == 200)
            let text = try String(contentsOfFile: fixture.root + "/content/products/keranjang-rotan.md", encoding: .utf8)
            #expect(text.contains("- src: images/products/keranjang-rotan.jpg\n"))
            // A `_photo` that is not one the editor could have made is ignored.
            again["_photo"] = "../../Package.swift"
            again["title"] = "Keranjang Lain"
            again["_action"] = "draft"  // without a photo it cannot be published
            _ = await save(fixture, again, cookie: cookie, path: "/_lapak/save/products")
            let other = try String(contentsOfFile: fixture.root + "/content/products/keranjang-lain.md", encoding: .utf8)
            #expect(!other.contains("Package.swift"))
        }
    }

    @Test func anUploadThatIsNotAPhotoIsRefusedAndNothingWritten() async throws {
        try await serving { fixture in
            let before = try fileText(fixture)
            let (cookie, csrf, hash) = try await openForm(fixture)
            let body = multipart(["_csrf": csrf, "_hash": hash, "_action": "publish", "title": "Tas Anyaman Pandan", "price": "85000",
                                  "category": "tas-anyaman", "producer": "desbumi-kedunggebang"],
                                 file: ("photo", "foto.jpg", Array("<?php system($_GET['x']); ?>".utf8)))
            let response = try #require(await send("POST", "/_lapak/save/products/tas", port: fixture.port,
                                                   headers: ["Cookie": cookie, "Content-Type": "multipart/form-data; boundary=----lapakTest7MA4YWxk"],
                                                   body: body))
            #expect(response.status == 422)
            #expect(response.body.contains("bukan foto"))
            #expect(try fileText(fixture) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/content/images/products") == ["tas.jpg"])
        }
    }

    @Test func lanModeAsksEveryClientForThePINAndLocksAfterWrongOnes() async throws {
        try await serving(host: "0.0.0.0", pin: "246810") { fixture in
            #expect(fixture.server.pin == "246810")
            let list = try #require(await send("GET", "/_lapak/", port: fixture.port))
            #expect(list.status == 303)
            #expect(list.headers["location"] == "/_lapak/pin")
            let blind = await send("POST", "/_lapak/save/products/tas", port: fixture.port,
                                   headers: ["Content-Type": "application/x-www-form-urlencoded"], body: urlEncoded(["price": "1"]))
            #expect(blind?.status == 403)
            let pin = { (typed: String) async -> RawResponse? in
                await send("POST", "/_lapak/pin", port: fixture.port, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                           body: urlEncoded(["pin": typed]))
            }
            for attempt in 1...4 { #expect(await pin("00000\(attempt)")?.status == 403) }
            #expect(await pin("000005")?.status == 429)
            // Locked: even the right PIN is refused now.
            let locked = try #require(await pin("246810"))
            #expect(locked.status == 429)
            #expect(locked.sessionCookie == nil)
        }
    }

    @Test func theRightPINOpensASession() async throws {
        try await serving(host: "0.0.0.0", pin: "246810") { fixture in
            let entered = try #require(await send("POST", "/_lapak/pin", port: fixture.port,
                                                  headers: ["Content-Type": "application/x-www-form-urlencoded"], body: urlEncoded(["pin": "246810"])))
            #expect(entered.status == 303)
            let cookie = try #require(entered.sessionCookie)
            #expect(entered.headers["set-cookie"]?.contains("HttpOnly; SameSite=Strict") == true)
            let (_, csrf, _) = try await openForm(fixture, cookie: cookie)
            #expect(!csrf.isEmpty)
        }
    }
}

/// The other kinds, the preview, the trash and the changes screen.
@Suite(.serialized) struct EditorScreensTests {
    func session(_ fixture: ServeFixture) async throws -> (cookie: String, csrf: String) {
        let list = try #require(await send("GET", "/_lapak/?kind=news", port: fixture.port))
        let cookie = try #require(list.sessionCookie)
        let form = try #require(await send("GET", "/_lapak/new/news", port: fixture.port, headers: ["Cookie": cookie]))
        return (cookie, try #require(form.hidden("_csrf")))
    }

    func post(_ fixture: ServeFixture, _ path: String, _ fields: [String: String], cookie: String) async -> RawResponse? {
        await send("POST", path, port: fixture.port, headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"],
                   body: urlEncoded(fields))
    }

    @Test func aNewsArticleIsCreatedWithLapakNewsName() async throws {
        try await ServeFixture.serving(edit: true) { fixture in
            let (cookie, csrf) = try await session(fixture)
            let response = try #require(await post(fixture, "/_lapak/save/news", ["_csrf": csrf, "_action": "publish",
                                                                                 "title": "Pelatihan Pembukuan", "date": "2025-12-13",
                                                                                 "producers": "desbumi-kedunggebang", "body": "Isi berita.\n"],
                                                   cookie: cookie))
            #expect(response.status == 200, "\(response.body)")
            let news = try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/content/news")
            #expect(news.count == 1 && news[0].hasSuffix("-pelatihan-pembukuan.md"))
            let text = try String(contentsOfFile: fixture.root + "/content/news/" + news[0], encoding: .utf8)
            #expect(text.contains("date: 2025-12-13\n"))
            #expect(text.contains("producers: [desbumi-kedunggebang]\n"))
            #expect(text.contains("# Judul berita."))
            let changes = try #require(await send("GET", "/_lapak/changes", port: fixture.port, headers: ["Cookie": cookie]))
            #expect(changes.body.contains("content/news/" + news[0]))
        }
    }

    @Test func thePreviewShowsTheDescriptionWithoutSavingIt() async throws {
        try await ServeFixture.serving(edit: true) { fixture in
            let before = try String(contentsOfFile: fixture.root + "/content/products/tas.md", encoding: .utf8)
            let (cookie, csrf) = try await session(fixture)
            let form = try #require(await send("GET", "/_lapak/edit/products/tas", port: fixture.port, headers: ["Cookie": cookie]))
            let response = try #require(await post(fixture, "/_lapak/save/products/tas",
                                                   ["_csrf": csrf, "_hash": form.hidden("_hash") ?? "", "_action": "preview",
                                                    "body": "**Kuat** <script>alert(1)</script>"], cookie: cookie))
            #expect(response.status == 200)
            #expect(response.body.contains("<strong>Kuat</strong>"))
            #expect(!response.body.contains("<script>alert(1)"))
            #expect(try String(contentsOfFile: fixture.root + "/content/products/tas.md", encoding: .utf8) == before)
        }
    }

    @Test func deletingMovesTheFileAndItsUnusedPhotoToTheTrash() async throws {
        try await ServeFixture.serving(edit: true) { fixture in
            let (cookie, csrf) = try await session(fixture)
            let response = try #require(await post(fixture, "/_lapak/delete/products/tas", ["_csrf": csrf], cookie: cookie))
            #expect(response.status == 200)
            #expect(!FileManager.default.fileExists(atPath: fixture.root + "/content/products/tas.md"))
            let trash = try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/content/.trash")
            #expect(trash.count == 1)
            #expect(FileManager.default.fileExists(atPath: fixture.root + "/content/.trash/\(trash[0])/products/tas.md"))
            #expect(FileManager.default.fileExists(atPath: fixture.root + "/content/.trash/\(trash[0])/images/products/tas.jpg"))
            // Without the token nothing is deleted.
            #expect(await post(fixture, "/_lapak/delete/producers/desbumi-kedunggebang", [:], cookie: cookie)?.status == 403)
        }
    }

    @Test func withLangEnTheEditorSpeaksEnglish() async throws {
        try await ServeFixture.serving(edit: true, language: .en) { fixture in
            let list = try #require(await send("GET", "/_lapak/", port: fixture.port))
            #expect(list.body.contains("Add product"))
            let cookie = try #require(list.sessionCookie)
            let form = try #require(await send("GET", "/_lapak/edit/products/tas", port: fixture.port, headers: ["Cookie": cookie]))
            #expect(form.body.contains(#"<html lang="en">"#))
            #expect(form.body.contains("Price (Rp)"))
            let refused = try #require(await post(fixture, "/_lapak/save/products/tas",
                                                  ["_csrf": form.hidden("_csrf") ?? "", "_hash": form.hidden("_hash") ?? "",
                                                   "_action": "publish", "price": "Rp 85.000"], cookie: cookie))
            #expect(refused.status == 422)
            #expect(refused.body.contains("Not saved: 1 error(s)"))
        }
    }
}
