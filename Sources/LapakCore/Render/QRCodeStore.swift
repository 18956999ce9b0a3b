import QRCode
import Synchronization

/// The QR codes of printed pages, kept between builds in the cache folder: encoding is the costly
/// part of a price list (libqrencode scores all eight masks, about 0.2 ms a code), and a
/// product's short address rarely changes. A build reads the file on its first code, encodes
/// only addresses it lacks, and writes back the codes it used when anything changed.
final class QRCodeStore: Sendable {
    /// The file's first line: its layout, the correction level and the encoder's version. A file
    /// with another first line is ignored and written anew.
    static let formatLine = "lapak qr codes 1 Q libqrencode " + QRCode.libraryVersion

    /// nil keeps nothing between builds (`lapak check`, tests of pages alone).
    let file: String?
    private let state = Mutex(State())

    private struct State {
        var kept: [String: QRCode]?
        var used: [String: QRCode] = [:]
        var madeAny = false
    }

    init(file: String?) {
        self.file = file
    }

    /// The code of `address` at correction level Q, from the file or made now; nil only for an
    /// address no QR code can hold.
    func code(for address: String) -> QRCode? {
        let found = state.withLock { state -> QRCode? in
            if state.kept == nil { state.kept = file.map(Self.read) ?? [:] }
            guard let code = state.used[address] ?? state.kept?[address] else { return nil }
            state.used[address] = code
            return code
        }
        if let found { return found }
        // Outside the lock: pages on both cores encode at once. Two asking for one address both
        // encode it; the result is the same.
        guard let made = try? QRCode(encoding: address, correction: .quartile) else { return nil }
        state.withLock { state in
            state.used[address] = made
            state.madeAny = true
        }
        return made
    }

    /// Writes the codes this build used, by temporary file and rename, when one was made or one
    /// kept went unused; a build that drew none leaves the file as it is.
    func save() {
        guard let file else { return }
        let (used, changed) = state.withLock { state in
            (state.used, state.madeAny || (state.kept.map { $0.count != state.used.count } ?? false))
        }
        guard changed, !used.isEmpty else { return }
        var bytes = Array((Self.formatLine + "\n").utf8)
        for address in used.keys.sorted() where !address.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A }) {
            let code = used[address]!
            bytes += Array(address.utf8)
            bytes.append(0x09)
            bytes += Array(String(code.version).utf8)
            bytes.append(0x09)
            Self.appendHex(code.allModules, to: &bytes)
            bytes.append(0x0A)
        }
        let folder = String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)])
        try? StagedOutput.makeDirectories(folder)
        try? AtomicFile.write(bytes, to: file)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Modules packed eight to a byte, first module in the high bit, as hex.
    private static func appendHex(_ modules: [Bool], to bytes: inout [UInt8]) {
        var index = 0
        while index < modules.count {
            var byte = 0
            for bit in 0..<8 where index + bit < modules.count && modules[index + bit] { byte |= 0x80 >> bit }
            bytes.append(hexDigits[byte >> 4])
            bytes.append(hexDigits[byte & 0xF])
            index += 8
        }
    }

    /// Every well-formed line of the file; a missing or foreign file, or a damaged line, is
    /// simply not there, and its codes are made again.
    static func read(_ file: String) -> [String: QRCode] {
        guard let bytes = try? FileSystem.readBytes(file) else { return [:] }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, Array(first) == Array(formatLine.utf8) else { return [:] }
        var out: [String: QRCode] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == 3, let version = Int(String(decoding: fields[1], as: UTF8.self)),
                  (1...40).contains(version) else { continue }
            let size = 17 + 4 * version
            guard let modules = unpackHex(fields[2], count: size * size),
                  let code = QRCode(version: version, modules: modules) else { continue }
            out[String(decoding: fields[0], as: UTF8.self)] = code
        }
        return out
    }

    private static func unpackHex(_ hex: ArraySlice<UInt8>, count: Int) -> [Bool]? {
        guard hex.count == (count + 7) / 8 * 2 else { return nil }
        func value(_ digit: UInt8) -> Int? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(digit - UInt8(ascii: "a")) + 10
            default: nil
            }
        }
        var modules: [Bool] = []
        modules.reserveCapacity(count)
        var index = hex.startIndex
        while index < hex.endIndex {
            guard let high = value(hex[index]), let low = value(hex[index + 1]) else { return nil }
            let byte = high << 4 | low
            for bit in 0..<8 where modules.count < count { modules.append(byte & (0x80 >> bit) != 0) }
            index += 2
        }
        return modules
    }
}
