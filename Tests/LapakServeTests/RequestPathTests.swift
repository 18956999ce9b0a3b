import Testing
@testable import LapakServe

@Suite struct RequestPathTests {
    @Test(arguments: [
        "/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E/Package.swift", "/%252e%252e/Package.swift",
        "/produk/..%5c..%5cPackage.swift", "/produk/..\\..\\Package.swift", "/%00", "/a%00.html", "/%zz",
        "/%", "/a/./b", "Package.swift", "http://evil.example/", "/%c0%ae%c0%ae/Package.swift", "/tab%09",
    ])
    func refused(target: String) {
        #expect(RequestPath.parse(target) == .malformed)
    }

    @Test func hiddenNamesAreNeverServed() {
        #expect(RequestPath.parse("/.git/config") == .hidden)
        #expect(RequestPath.parse("/.site.staging-1/index.html") == .hidden)
    }

    @Test func pathsAreDecodedOnce() {
        #expect(RequestPath.parse("/") == .path(""))
        #expect(RequestPath.parse("/produk/tas/") == .path("produk/tas/"))
        #expect(RequestPath.parse("/produk//tas") == .path("produk/tas"))
        #expect(RequestPath.parse("/images/foto%20tas.jpg") == .path("images/foto tas.jpg"))
        #expect(RequestPath.parse("/tag/caf%C3%A9/") == .path("tag/café/"))
    }
}
