import Imaging

/// Photos made at test time, so no binary fixture is committed.
public enum SamplePhotos {
    /// A picture with some detail (gradients and stripes), `width` × `height` as stored.
    public static func png(width: Int, height: Int) -> [UInt8] {
        TestPNG.make(width: width, height: height) { x, y in
            (UInt8(x * 255 / max(1, width - 1)), UInt8(y * 255 / max(1, height - 1)), (x / 8 + y / 8) % 2 == 0 ? 40 : 200)
        }
    }

    /// The photo encoded as `encoding` by libvips, without metadata.
    public static func encoded(width: Int, height: Int, as encoding: PhotoEncoding) throws -> [UInt8] {
        let source = png(width: width, height: height)
        return try Photo.decode(source, width: width, height: height).encoded(width: width, height: height, as: encoding, quality: 90)
    }

    /// A phone's JPEG: stored `width` × `height`, EXIF orientation 6 (shown turned a quarter
    /// clockwise) and the GPS position where it was taken.
    public static func phoneJPEG(width: Int = 400, height: Int = 300, orientation: Int = 6, gps: Bool = true) throws -> [UInt8] {
        PhoneEXIF.splice(into: try encoded(width: width, height: height, as: .jpeg), orientation: orientation, gps: gps)
    }
}
