import Foundation
import QRCode
import Testing

@Suite struct QRCodeTests {
    @Test func shortAddressDecodesBackWithARealReader() throws {
        let address = "https://lapak.example/p/7K2Q/"
        let code = try QRCode(encoding: address)
        #expect(try zbar(read: code) == address)
    }

    @Test func quartileCorrectionNeedsALargerSymbolThanLow() throws {
        let text = String(repeating: "tas anyaman pandan ", count: 4)
        let low = try QRCode(encoding: text, correction: .low)
        let quartile = try QRCode(encoding: text, correction: .quartile)
        #expect(quartile.version > low.version)
        #expect(quartile.size == 17 + 4 * quartile.version)
    }

    @Test func textLongerThanTheLargestSymbolIsRefused() {
        #expect(throws: QRCodeFailure.textTooLong(bytes: 5000)) {
            try QRCode(encoding: String(repeating: "x", count: 5000), correction: .high)
        }
    }

    @Test func nulIsRefusedRatherThanCut() {
        #expect(throws: QRCodeFailure.containsNUL) { try QRCode(encoding: "a\u{0}b") }
    }

    @Test func terminalLinesDrawEveryModuleWithItsQuietZone() throws {
        let code = try QRCode(encoding: "http://192.168.1.20:8080/_lapak/")
        let lines = code.terminalLines()
        let side = code.size + 2 * QRCode.quietZone
        #expect(lines.count == (side + 1) / 2)
        // Read the half blocks back into modules: light is drawn, dark is left blank.
        for (index, line) in lines.enumerated() {
            let cells = Array(line)
            #expect(cells.count == side)
            for column in 0..<side {
                let (topLight, bottomLight): (Bool, Bool) = switch cells[column] {
                case "█": (true, true)
                case "▀": (true, false)
                case "▄": (false, true)
                default: (false, false)
                }
                let row = index * 2 - QRCode.quietZone
                #expect(topLight == !code.isDark(row: row, column: column - QRCode.quietZone))
                if index * 2 + 1 < side {
                    #expect(bottomLight == !code.isDark(row: row + 1, column: column - QRCode.quietZone))
                }
            }
        }
    }

    @Test func svgIsOnePathWithTheQuietZoneAndAnEscapedLabel() throws {
        let code = try QRCode(encoding: "https://lapak.example/p/AB/")
        let svg = code.svg(side: "30mm", label: "Tas \"pandan\" & <anyaman>")
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"30mm\""))
        #expect(svg.contains("aria-label=\"Tas &quot;pandan&quot; &amp; &lt;anyaman&gt;\""))
        #expect(svg.components(separatedBy: "<path").count == 2)
    }

    /// Draws the code as a plain bitmap, 4 pixels a module, and asks zbarimg to read it.
    private func zbar(read code: QRCode) throws -> String {
        let scale = 4, side = (code.size + 2 * QRCode.quietZone) * scale
        var pbm = "P1\n\(side) \(side)\n"
        for y in 0..<side {
            for x in 0..<side {
                let dark = code.isDark(row: y / scale - QRCode.quietZone, column: x / scale - QRCode.quietZone)
                pbm += dark ? "1 " : "0 "
            }
            pbm += "\n"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pbm")
        try pbm.write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--raw", "-q", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
