import Foundation
import QRCode
import Testing
@testable import LapakCore

/// Printed pages' QR codes are kept between builds; a kept code is used as it is, and a damaged
/// or foreign file only costs making the codes again.
@Suite struct QRCodeStoreTests {
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func buildTwice(editingStore edit: (String) -> String) throws -> (first: String, second: String) {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        let output = site.root + "/out"
        #expect(site.build(output: output).succeeded)
        let first = try read(output + "/katalog/cetak/index.html")
        let store = site.root + "/.lapak/cache/qr-codes.tsv"
        try edit(read(store)).write(toFile: store, atomically: true, encoding: .utf8)
        #expect(site.build(output: output).succeeded)
        return (first, try read(output + "/katalog/cetak/index.html"))
    }

    @Test func aKeptCodeIsDrawnWithoutEncodingAgain() throws {
        // Another address's code, written in place of the product's: the second build draws it.
        let other = try QRCode(encoding: "https://lapak.example.org/p/zzzzzz/")
        let otherSVG = PrintPages.qrSVG(for: "https://lapak.example.org/p/zzzzzz/", side: PrintPages.listQRSide,
                                        from: QRCodeStore(file: nil))
        let otherPath = try #require(otherSVG.range(of: " d=\"").map { otherSVG[$0.upperBound...].prefix { $0 != "\"" } })
        let (first, second) = try buildTwice { text in
            let lines = text.split(separator: "\n").map(String.init)
            let kept = lines[1].split(separator: "\t").map(String.init)
            let packed = QRCodeStoreTests.packed(other)
            return lines[0] + "\n" + [kept[0], String(other.version), packed].joined(separator: "\t") + "\n"
        }
        #expect(!first.contains(otherPath))
        #expect(second.contains(otherPath))
    }

    @Test(arguments: ["", "lapak qr codes 0\n", "lapak qr codes 1 Q libqrencode 0.0.1\nx\t4\t00\n"])
    func aDamagedOrForeignStoreIsIgnored(_ replacement: String) throws {
        let (first, second) = try buildTwice { _ in replacement }
        #expect(first == second)
    }

    @Test func aCodeOfTheWrongShapeIsRefused() {
        #expect(QRCode(version: 1, modules: Array(repeating: false, count: 21 * 21)) != nil)
        #expect(QRCode(version: 1, modules: Array(repeating: false, count: 20 * 20)) == nil)
        #expect(QRCode(version: 41, modules: []) == nil)
    }

    static func packed(_ code: QRCode) -> String {
        var hex = ""
        let modules = code.allModules
        var index = 0
        while index < modules.count {
            var byte = 0
            for bit in 0..<8 where index + bit < modules.count && modules[index + bit] { byte |= 0x80 >> bit }
            hex += String(format: "%02x", byte)
            index += 8
        }
        return hex
    }
}
