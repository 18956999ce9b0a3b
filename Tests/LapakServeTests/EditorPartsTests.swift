import Foundation
import Testing
@testable import LapakServe

/// The editor's parts on their own: the multipart parser against hostile bodies, the PIN
/// lockout and CSRF tokens, and the addresses it accepts.
@Suite struct MultipartParserTests {
    let boundary = "----b0undary"

    func body(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    @Test func aBrowsersBodyIsRead() throws {
        let bytes = body("""
        ------b0undary
        Content-Disposition: form-data; name="title"

        Tas "Pandan"; besar
        ------b0undary
        Content-Disposition: form-data; name="photo"; filename="IMG;1.jpg"
        Content-Type: image/jpeg

        \u{FF}\u{D8}------b0undar
        ------b0undary--

        """)
        let form = try #require(MultipartParser.parse(bytes, boundary: boundary))
        #expect(form["title"] == #"Tas "Pandan"; besar"#)
        #expect(form.files["photo"]?.fileName == "IMG;1.jpg")
        #expect(form.files["photo"]?.bytes == Array("\u{FF}\u{D8}------b0undar".utf8))
    }

    @Test func theBoundaryComesFromTheContentType() {
        #expect(MultipartParser.boundary(ofContentType: "multipart/form-data; boundary=----WebKitFormBoundaryx7") == "----WebKitFormBoundaryx7")
        #expect(MultipartParser.boundary(ofContentType: #"multipart/form-data; boundary="a b""#) == nil)
        #expect(MultipartParser.boundary(ofContentType: "multipart/form-data") == nil)
        #expect(MultipartParser.boundary(ofContentType: "text/plain; boundary=x") == nil)
        #expect(MultipartParser.boundary(ofContentType: "multipart/form-data; boundary=" + String(repeating: "a", count: 71)) == nil)
    }

    @Test func hostileBodiesAreRefusedWhole() {
        let hostile = [
            "",                                                                         // nothing
            "------b0undary",                                                           // no part, no end
            "preamble\n------b0undary\nContent-Disposition: form-data; name=\"a\"\n\nx\n------b0undary--\n",
            "------b0undary\nContent-Disposition: form-data; name=\"a\"\n\nx",           // no closing delimiter
            "------b0undary\nno colon here\n\nx\n------b0undary--\n",                   // header without colon
            "------b0undary\nContent-Disposition: attachment; name=\"a\"\n\nx\n------b0undary--\n",
            "------b0undary\nContent-Disposition: form-data\n\nx\n------b0undary--\n",  // no name
            "------b0undary\nContent-Disposition: form-data; name=\"a\"\nx\n------b0undary--\n", // headers never end
            "------b0undaryXX\n",
        ]
        for text in hostile {
            #expect(MultipartParser.parse(body(text), boundary: boundary) == nil, "\(text)")
        }
        // A text field that is not UTF-8.
        var bytes = body("------b0undary\nContent-Disposition: form-data; name=\"a\"\n\n")
        bytes += [0xC3, 0x28]
        bytes += body("\n------b0undary--\n")
        #expect(MultipartParser.parse(bytes, boundary: boundary) == nil)
    }

    @Test func partsAndHeadersAreBounded() {
        let part = "------b0undary\nContent-Disposition: form-data; name=\"a\"\n\nx\n"
        let many = String(repeating: part, count: MultipartParser.maxParts + 1) + "------b0undary--\n"
        #expect(MultipartParser.parse(body(many), boundary: boundary) == nil)
        let longHeader = "------b0undary\nContent-Disposition: form-data; name=\"a\"\nX-Pad: " + String(repeating: "p", count: 4096)
            + "\n\nx\n------b0undary--\n"
        #expect(MultipartParser.parse(body(longHeader), boundary: boundary) == nil)
    }

    @Test func randomBytesNeverCrashIt() {
        let start = body("------b0undary\nContent-Disposition: form-data; name=\"a\"\n\n")
        for length in 0..<400 {
            // The same noise on every run: a multiplicative hash of position and length.
            let noise = (0..<length).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 11 ^ length &* 40_503) }
            // Whatever comes back, it came back.
            _ = MultipartParser.parse(start + noise, boundary: boundary)
            _ = MultipartParser.parse(noise, boundary: boundary)
            _ = FormData.urlEncoded(noise)
        }
        #expect(FormData.urlEncoded(Array("a=%ZZ".utf8)) == nil)
        #expect(FormData.urlEncoded(Array("a=1&a=2&b=x+y%21".utf8))?.fields == ["a": "1", "b": "x y!"])
    }
}

@Suite struct EditorAccessTests {
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    @Test func wrongPINsLockEveryoneOutUntilTheLockoutEnds() {
        let clock = Clock()
        let access = EditorAccess(pin: "135790", lockout: 300, clock: { clock.now })
        for left in stride(from: EditorAccess.maxFailures - 1, through: 1, by: -1) {
            #expect(access.enter(pin: "000000") == .wrong(attemptsLeft: left))
        }
        #expect(access.enter(pin: "000000") == .locked(until: clock.now.addingTimeInterval(300)))
        #expect(access.enter(pin: "135790") == .locked(until: clock.now.addingTimeInterval(300)))
        clock.now = clock.now.addingTimeInterval(301)
        guard case .accepted(let token) = access.enter(pin: "135790") else {
            Issue.record("the right PIN after the lockout opens a session")
            return
        }
        #expect(access.session(cookieHeader: "other=1; \(EditorAccess.cookieName)=\(token)") != nil)
    }

    @Test func aSessionsCSRFTokenFitsOnlyThatSession() throws {
        let access = EditorAccess(pin: nil)
        let first = try #require(access.session(cookieHeader: "\(EditorAccess.cookieName)=\(access.openSession())"))
        let second = try #require(access.session(cookieHeader: "\(EditorAccess.cookieName)=\(access.openSession())"))
        #expect(access.csrfMatches(first.session.csrf, session: first.session))
        #expect(!access.csrfMatches(second.session.csrf, session: first.session))
        #expect(!access.csrfMatches(nil, session: first.session))
        #expect(!access.csrfMatches("", session: first.session))
        #expect(access.session(cookieHeader: "\(EditorAccess.cookieName)=forged") == nil)
    }

    @Test func sessionsExpire() {
        let clock = Clock()
        let access = EditorAccess(pin: nil, clock: { clock.now })
        let token = access.openSession()
        clock.now = clock.now.addingTimeInterval(13 * 3600)
        #expect(access.session(cookieHeader: "\(EditorAccess.cookieName)=\(token)") == nil)
    }

    @Test func newPINsAreSixDigits() {
        for _ in 0..<50 {
            let pin = EditorAccess.newPIN()
            #expect(pin.count == 6 && pin.allSatisfy(\.isNumber))
        }
    }
}

@Suite struct EditorRouteTests {
    @Test func onlyTheEditorsOwnAddressesWithCheckedNamesAreRoutes() {
        #expect(EditorRoute.parse("/_lapak/") == .list)
        #expect(EditorRoute.parse("/_lapak/edit/products/tas-anyaman") == .edit(.product, name: "tas-anyaman"))
        #expect(EditorRoute.parse("/_lapak/save/news/2025-12-13-pelatihan") == .save(.news, name: "2025-12-13-pelatihan"))
        for bad in ["/_lapak/edit/products/..", "/_lapak/edit/products/.git", "/_lapak/edit/products/Tas", "/_lapak/edit/site/tas",
                    "/_lapak/edit/products/a/b", "/_lapak/edit/products/tas.md/..", "/_lapak/edit/products/-rf", "/lapak/",
                    "/_lapak/delete/products", "/_lapak/edit/products/" + String(repeating: "a", count: 121)] {
            #expect(EditorRoute.parse(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct EditorAnnouncementTests {
    @Test func lanModePrintsTheAddressThePINAndAQRCode() {
        let lines = EditorAnnouncement.lines(url: "http://192.168.1.20:8080/", pin: "482913", language: .id)
        #expect(lines[0].hasSuffix("http://192.168.1.20:8080/_lapak/"))
        #expect(lines[1].hasPrefix("PIN: 482913"))
        let code = lines.dropFirst(3)
        #expect(code.count > 10)
        #expect(code.allSatisfy { $0.unicodeScalars.allSatisfy { " █▀▄".unicodeScalars.contains($0) } })
    }

    @Test func onLoopbackOnlyTheAddressIsPrinted() {
        #expect(EditorAnnouncement.lines(url: "http://127.0.0.1:8080/", pin: nil, language: .en) == ["Editor at http://127.0.0.1:8080/_lapak/"])
    }
}
