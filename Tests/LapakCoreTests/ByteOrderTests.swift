import Testing
@testable import LapakCore

/// Byte order and ASCII checks used on every file name and text of a build.
@Suite struct ByteOrderTests {
    @Test func namesSortByTheirUTF8Bytes() {
        let names = ["b.md", "a.md", "ab.md", "a", "Z.md", "é.md", ""]
        #expect(names.sorted { $0.utf8Precedes($1) } == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect("a".utf8Precedes("ab") && !"ab".utf8Precedes("a") && !"a".utf8Precedes("a"))
    }

    @Test func asciiIsEveryByteBelow128() {
        #expect("tas-anyaman_01.jpg".isASCII)
        #expect("".isASCII)
        #expect(!"batík".isASCII)
    }
}
