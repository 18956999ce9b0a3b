import Imaging

/// A photo given to `lapak new --image`: its kind is read from its first bytes, not its name, so
/// a renamed document is refused; what is stored is a safe copy, never the phone's file.
enum PhotoFile {
    /// The file extension the stored copy gets, or nil when it is not a photo Lapak accepts.
    /// A HEIC from an iPhone is stored as JPEG, which every tool opens.
    static func fileExtension(of bytes: [UInt8]) -> String? {
        switch PhotoFormat.sniff(bytes) {
        case .jpeg?, .heif?: "jpg"
        case .png?, .gif?: "png"
        case .webp?: "webp"
        case nil: nil
        }
    }

    /// Photos already saved under a new file's name, in the order they are looked for.
    static let extensions = ["jpg", "jpeg", "png", "webp", "gif", "heic"]

    /// The copy kept in `content/`: upright, without metadata (no GPS position enters the site's
    /// folder or its git history), at most `PhotoStripper.maxSide` on its long side.
    static func safeCopy(of bytes: [UInt8]) throws(PhotoFailure) -> [UInt8] {
        try Photo.safeOriginal(bytes, maxSide: PhotoStripper.maxSide).bytes
    }
}
