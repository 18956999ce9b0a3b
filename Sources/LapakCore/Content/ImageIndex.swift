import Imaging

/// Every file under `content/images/` with its pixel size, so front matter can be checked
/// and `<img>` tags get `width` and `height` without reading a file twice.
public struct ImageIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        /// Upright, for photos.
        public let width: Int?
        public let height: Int?
        /// A photo the site can publish, and the copies it publishes of it.
        public let photo: PublishedPhoto?
        public let header: PhotoHeader?
        /// A file that is a photo by its name or content but cannot be published.
        public let failure: PhotoFailure?
        /// SHA-256 of a photo's content.
        public let digest: String?
        /// The photo file as it was when its digest was taken.
        let stamp: FileStamp?

        public init(width: Int?, height: Int?, photo: PublishedPhoto? = nil, header: PhotoHeader? = nil,
                    failure: PhotoFailure? = nil, digest: String? = nil) {
            self.init(width: width, height: height, photo: photo, header: header, failure: failure, digest: digest, stamp: nil)
        }

        init(width: Int?, height: Int?, photo: PublishedPhoto?, header: PhotoHeader?, failure: PhotoFailure?, digest: String?,
             stamp: FileStamp?) {
            self.stamp = stamp
            self.width = width
            self.height = height
            self.photo = photo
            self.header = header
            self.failure = failure
            self.digest = digest
        }

        /// Photos are published only as their processed copies; other files (PDFs, SVGs) as they are.
        public var isPhoto: Bool { photo != nil || failure != nil }
    }

    /// Keyed by path relative to `content/`, e.g. `images/products/tas.jpg`.
    public let entries: [String: Entry]
    /// Each published copy's path, to the photo it is a copy of.
    private let copies: [String: String]

    public init(entries: [String: Entry]) {
        self.entries = entries
        var copies: [String: String] = [:]
        for (key, entry) in entries {
            for rendition in entry.photo?.renditions ?? [] { copies[rendition.path] = key }
        }
        self.copies = copies
    }

    /// The photo a published copy (`images/x.3f9a2c1d0b.640.webp`) was made from.
    public func photo(published path: String) -> PublishedPhoto? {
        copies[path].flatMap { entries[$0]?.photo }
    }

    /// Resolves what a contributor wrote (`images/x.jpg`, `/images/x.jpg`) to a key of `entries`;
    /// `.outside` for paths that climb out of `content/` or name a scheme.
    enum Lookup { case found(String, Entry), missing(String), outside }

    func lookup(_ written: String) -> Lookup {
        // What contributors almost always write, `images/…/x.jpg`, is a key as it stands.
        if Self.isPlainKey(written), let entry = entries[written] { return .found(written, entry) }
        var path = written.trimmed
        if path.contains("://") || path.hasPrefix("//") || path.contains("\\") { return .outside }
        while path.hasPrefix("/") { path.removeFirst() }
        if path.hasPrefix("content/") { path.removeFirst("content/".count) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains(where: { $0 == ".." }) { return .outside }
        let key = parts.filter { $0 != "." }.joined(separator: "/")
        if let entry = entries[key] { return .found(key, entry) }
        return .missing(key)
    }

    /// A relative path without white space at its ends, backslashes, empty, `.` or `..` parts and
    /// a `content/` prefix: one that the full resolution below would leave unchanged.
    private static func isPlainKey(_ path: String) -> Bool {
        guard let first = path.utf8.first, let last = path.utf8.last, first > 0x20, last > 0x20, first != UInt8(ascii: "/"),
              last != UInt8(ascii: "/"), first < 0x80, last < 0x80, !path.hasPrefix("content/") else { return false }
        var partLength = 0
        var onlyDots = true
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ":"): return false
            case UInt8(ascii: "/"):
                if partLength == 0 || onlyDots { return false }
                partLength = 0
                onlyDots = true
            default:
                partLength += 1
                if byte != UInt8(ascii: ".") { onlyDots = false }
            }
        }
        return partLength > 0 && !onlyDots
    }
}

/// Reads the pixel size from the first bytes of a JPEG, PNG, GIF or WebP file.
enum ImageSize {
    static func read(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        func be16(_ i: Int) -> Int { Int(bytes[i]) << 8 | Int(bytes[i + 1]) }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        func le16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return (be32(16), be32(20))
        }
        if bytes.count >= 10, bytes.starts(with: Array("GIF8".utf8)) {
            return (le16(6), le16(8))
        }
        if bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
            switch chunk {
            case "VP8 ": return (le16(26) & 0x3FFF, le16(28) & 0x3FFF)
            case "VP8L":
                let b = bytes[21...24].map(Int.init)
                return (1 + (b[0] | (b[1] & 0x3F) << 8), 1 + ((b[1] >> 6) | b[2] << 2 | (b[3] & 0x0F) << 10))
            case "VP8X":
                return (1 + (Int(bytes[24]) | Int(bytes[25]) << 8 | Int(bytes[26]) << 16),
                        1 + (Int(bytes[27]) | Int(bytes[28]) << 8 | Int(bytes[29]) << 16))
            default: return nil
            }
        }
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < bytes.count {
            guard bytes[i] == 0xFF else { return nil }
            let marker = bytes[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = be16(i + 2)
            // SOF markers carry the frame size; C4, C8 and CC are tables, not frames.
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                return (be16(i + 7), be16(i + 5))
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }
}
