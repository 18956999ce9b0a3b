/// Turns a request target into a path inside the built site, refusing anything that could name a
/// file outside it. Decoding happens exactly once, here; nothing later decodes again.
enum RequestPath: Equatable {
    /// Relative to the site root, without a leading `/`; a trailing `/` is kept (`produk/tas/`).
    case path(String)
    /// Malformed: bad percent-encoding, control characters, NUL, backslashes, `.` or `..`
    /// segments, or a `%` left after decoding (double encoding). Answered with 400.
    case malformed
    /// Well-formed but never served: hidden names such as `.git` or the build's staging folders.
    case hidden

    static func parse(_ target: String) -> RequestPath {
        let raw = Array(target.utf8)
        guard raw.first == UInt8(ascii: "/") else { return .malformed }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < raw.count, let high = hex(raw[index + 1]), let low = hex(raw[index + 2]) else { return .malformed }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "%") }) {
            return .malformed
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return .malformed }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .malformed }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .hidden }
        let path = segments.joined(separator: "/")
        return .path(decoded.hasSuffix("/") && !path.isEmpty ? path + "/" : path)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
