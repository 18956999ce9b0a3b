import VipsShim

/// The raster formats Lapak accepts, told by a file's first bytes, never by its name.
public enum PhotoFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif, heif

    /// nil for anything else, PDFs and SVGs included.
    public static func sniff(_ bytes: some Collection<UInt8>) -> PhotoFormat? {
        let prefix = Array(bytes.prefix(16))
        switch prefix.withUnsafeBufferPointer({ lapak_photo_sniff($0.baseAddress, $0.count) }) {
        case LAPAK_PHOTO_JPEG: return .jpeg
        case LAPAK_PHOTO_PNG: return .png
        case LAPAK_PHOTO_WEBP: return .webp
        case LAPAK_PHOTO_GIF: return .gif
        case LAPAK_PHOTO_HEIF: return .heif
        default: return nil
        }
    }
}

/// What a photo's header says, read without decoding its pixels.
public struct PhotoHeader: Sendable, Hashable {
    public let format: PhotoFormat
    /// As stored in the file.
    public let storedWidth: Int
    public let storedHeight: Int
    /// EXIF orientation, 1 (upright) to 8.
    public let orientation: Int
    public let hasEXIF: Bool
    public let hasXMP: Bool
    public let hasIPTC: Bool
    /// The photo says where it was taken.
    public let hasLocation: Bool
    public let profileBytes: Int

    public init(format: PhotoFormat, storedWidth: Int, storedHeight: Int, orientation: Int = 1, hasEXIF: Bool = false,
                hasXMP: Bool = false, hasIPTC: Bool = false, hasLocation: Bool = false, profileBytes: Int = 0) {
        self.format = format
        self.storedWidth = storedWidth
        self.storedHeight = storedHeight
        self.orientation = orientation
        self.hasEXIF = hasEXIF
        self.hasXMP = hasXMP
        self.hasIPTC = hasIPTC
        self.hasLocation = hasLocation
        self.profileBytes = profileBytes
    }

    /// Orientations 5 to 8 turn the picture a quarter: its width is the stored height.
    var isQuarterTurned: Bool { orientation >= 5 && orientation <= 8 }
    /// The size a viewer sees, once turned upright.
    public var width: Int { isQuarterTurned ? storedHeight : storedWidth }
    public var height: Int { isQuarterTurned ? storedWidth : storedHeight }
    /// Anything beyond the pixels that a published copy must not carry.
    public var hasMetadata: Bool { hasEXIF || hasXMP || hasIPTC }
}
