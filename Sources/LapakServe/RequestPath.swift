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
        guard let bytes = PercentDecoding.decode(raw, plusIsSpace: false) else { return .malformed }
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
}
