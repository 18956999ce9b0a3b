import CQRencode

/// How much of a code may be lost (smudged, photocopied, folded) before it stops reading.
/// A printed price list uses `.quartile`: about 25% of the code can be restored.
public enum QRCorrection: Sendable {
    case low, medium, quartile, high

    var level: QRecLevel {
        switch self {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}

/// Why a text could not become a code.
public enum QRCodeFailure: Error, Sendable, Equatable {
    /// The text is longer than the largest code holds at this correction level.
    case textTooLong(bytes: Int)
    /// Text with a NUL byte cannot be handed to libqrencode.
    case containsNUL
}

/// A QR code as a square of dark and light modules, made by libqrencode.
///
/// The matrix holds the symbol only; whoever draws it adds the quiet zone (four light modules
/// on every side, as ISO/IEC 18004 asks) with `isDark(row:column:)` answering false outside.
public struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    /// The QR version, 1...40.
    public let version: Int
    let modules: [Bool]

    /// Encodes `text` as 8-bit data (UTF-8), letting libqrencode choose the smallest version.
    public init(encoding text: String, correction: QRCorrection = .quartile) throws(QRCodeFailure) {
        let bytes = Array(text.utf8)
        if bytes.contains(0) { throw .containsNUL }
        // Debian builds libqrencode thread-safe, so codes can be made on every core at once.
        let made = bytes.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, correction.level)
        }
        guard let made else { throw .textTooLong(bytes: bytes.count) }
        defer { QRcode_free(made) }
        let width = Int(made.pointee.width)
        let data = UnsafeBufferPointer(start: made.pointee.data, count: width * width)
        // Bit 0 of each byte is the module's colour; the other bits say which part it belongs to.
        modules = data.map { $0 & 1 == 1 }
        size = width
        version = Int(made.pointee.version)
    }

    /// A code read back from where it was kept (a cache), checked for its shape: nil when
    /// `modules` is not the square a version of that number has.
    public init?(version: Int, modules: [Bool]) {
        let size = 17 + 4 * version
        guard (1...40).contains(version), modules.count == size * size else { return nil }
        self.size = size
        self.version = version
        self.modules = modules
    }

    /// Every module, row by row, dark as true: what `init(version:modules:)` takes back.
    public var allModules: [Bool] { modules }

    /// libqrencode's version: codes kept from another version may differ (a mask chosen otherwise).
    public static let libraryVersion: String = String(cString: QRcode_APIVersionString())

    /// Whether the module at `row`, `column` is dark; false outside the symbol, so the quiet zone
    /// can be drawn by reading past the edges.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, column >= 0, row < size, column < size else { return false }
        return modules[row * size + column]
    }
}
