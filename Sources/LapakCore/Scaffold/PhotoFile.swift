/// A photo given to `lapak new --image`: its kind is read from its first bytes, not its name,
/// so a renamed document is refused rather than published as a broken image.
enum PhotoFile {
    /// The file extension for the photo's format, or nil when it is not a web photo.
    static func fileExtension(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return "gif" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "webp" }
        return nil
    }

    static let extensions = ["jpg", "jpeg", "png", "webp", "gif"]
}
