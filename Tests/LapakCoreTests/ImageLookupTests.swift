import Testing
@testable import LapakCore

/// Image paths as contributors write them resolve to one key of the index.
@Suite struct ImageLookupTests {
    private let index = ImageIndex(entries: ["images/products/tas.jpg": .init(width: 800, height: 600)])

    @Test(arguments: ["images/products/tas.jpg", "/images/products/tas.jpg", "content/images/products/tas.jpg",
                      " images/products/tas.jpg ", "images//products/tas.jpg", "images/./products/tas.jpg"])
    func spellingsOfOneImage(written: String) {
        guard case .found(let key, let entry) = index.lookup(written) else {
            Issue.record("\(written) not found")
            return
        }
        #expect(key == "images/products/tas.jpg")
        #expect(entry.width == 800)
    }

    @Test(arguments: ["images/../../secret.jpg", "../images/products/tas.jpg", "https://example.org/tas.jpg",
                      "//example.org/tas.jpg", "images\\products\\tas.jpg"])
    func pathsOutsideTheContentFolder(written: String) {
        guard case .outside = index.lookup(written) else {
            Issue.record("\(written) should be refused")
            return
        }
    }

    @Test func missingImageKeepsItsKey() {
        guard case .missing(let key) = index.lookup("/images/products/topi.jpg") else {
            Issue.record("expected missing")
            return
        }
        #expect(key == "images/products/topi.jpg")
    }
}
