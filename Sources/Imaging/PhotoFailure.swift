/// Why a photo cannot be published. Each says what a contributor can do about it; libvips'
/// own words are kept in `detail` for developers, never shown as the message.
public enum PhotoFailure: Error, Sendable, Hashable {
    /// Not JPEG, PNG, WebP, GIF or HEIC/HEIF, whatever its name says.
    case notAPhoto
    case fileTooLarge(bytes: Int, limit: Int)
    /// More pixels than any phone takes: a decompression bomb, or a scan far too large.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// An embedded colour profile larger than any real one.
    case profileTooLarge(bytes: Int, limit: Int)
    /// The file is cut off or damaged.
    case damaged(detail: String)
    case unreadable(detail: String)
}

/// Bounds on what is decoded, so no file can take the build's memory or time.
public struct PhotoLimits: Sendable, Equatable {
    /// Phone photos are 1–15 MB; HEIC and JPEG from a 200-megapixel camera stay under 40.
    public var maxFileBytes = 40 * 1024 * 1024
    /// 100 megapixels: more than phones take by default, far less than a bomb claims.
    public var maxPixels = 100_000_000
    /// Real ICC profiles are a few kilobytes, printers' at most a few hundred.
    public var maxProfileBytes = 1024 * 1024

    public init() {}
}
