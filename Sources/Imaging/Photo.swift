import VipsShim

/// Reading, decoding and encoding photos through libvips. Every function is safe to call from
/// several threads at once.
public enum Photo {
    static let errorSize = 512

    static func message(_ error: [CChar]) -> String {
        String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The header of a photo held in `bytes`, checked against `limits` before anything is decoded.
    public static func header(of bytes: [UInt8], limits: PhotoLimits = PhotoLimits()) throws(PhotoFailure) -> PhotoHeader {
        guard bytes.count <= limits.maxFileBytes else { throw .fileTooLarge(bytes: bytes.count, limit: limits.maxFileBytes) }
        guard let format = PhotoFormat.sniff(bytes) else { throw .notAPhoto }
        guard PhotoEngine.start() else { throw .unreadable(detail: "libvips did not start") }
        var raw = lapak_photo_header()
        var error = [CChar](repeating: 0, count: errorSize)
        let status = bytes.withUnsafeBufferPointer { buffer in
            lapak_photo_read_header(buffer.baseAddress, buffer.count, &raw, &error, error.count)
        }
        guard status == 0 else { throw .damaged(detail: Photo.message(error)) }
        let header = PhotoHeader(
            format: format, storedWidth: Int(raw.width), storedHeight: Int(raw.height), orientation: Int(raw.orientation),
            hasEXIF: raw.has_exif != 0, hasXMP: raw.has_xmp != 0, hasIPTC: raw.has_iptc != 0,
            hasLocation: raw.has_gps != 0, profileBytes: Int(raw.icc_bytes))
        guard header.storedWidth > 0, header.storedHeight > 0 else { throw .damaged(detail: "empty image") }
        guard header.storedWidth * header.storedHeight <= limits.maxPixels else {
            throw .tooManyPixels(width: header.width, height: header.height, limit: limits.maxPixels)
        }
        guard header.profileBytes <= limits.maxProfileBytes else {
            throw .profileTooLarge(bytes: header.profileBytes, limit: limits.maxProfileBytes)
        }
        return header
    }

    /// Decodes `bytes` once, upright and in sRGB, at `width` × `height` (the upright size to
    /// make the largest output from). Check the header with `header(of:)` first.
    public static func decode(_ bytes: [UInt8], width: Int, height: Int) throws(PhotoFailure) -> DecodedPhoto {
        guard PhotoEngine.start() else { throw .unreadable(detail: "libvips did not start") }
        var error = [CChar](repeating: 0, count: errorSize)
        let handle = bytes.withUnsafeBufferPointer { buffer in
            lapak_photo_decode(buffer.baseAddress, buffer.count, Int32(width), Int32(height), &error, error.count)
        }
        guard let handle else { throw .damaged(detail: Photo.message(error)) }
        return DecodedPhoto(handle: handle)
    }
}

/// How a published copy is encoded.
public enum PhotoEncoding: String, Sendable, Hashable {
    case webp, jpeg, png, avif, heic

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        default: rawValue
        }
    }

    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        case .png: "image/png"
        case .avif: "image/avif"
        case .heic: "image/heic"
        }
    }

    var shimValue: lapak_encoding {
        switch self {
        case .webp: LAPAK_ENCODE_WEBP
        case .jpeg: LAPAK_ENCODE_JPEG
        case .png: LAPAK_ENCODE_PNG
        case .avif: LAPAK_ENCODE_AVIF
        case .heic: LAPAK_ENCODE_HEIC
        }
    }
}

/// A photo's pixels in memory, upright and in sRGB, from which every size is made.
public final class DecodedPhoto {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { lapak_photo_free(handle) }

    /// The photo at `width` × `height`, kept in memory: each smaller copy can then be made from
    /// the next larger one, reading fewer pixels than from the largest.
    public func resized(width: Int, height: Int) throws(PhotoFailure) -> DecodedPhoto {
        var error = [CChar](repeating: 0, count: Photo.errorSize)
        guard let resized = lapak_photo_resize(handle, Int32(width), Int32(height), &error, error.count) else {
            throw .damaged(detail: Photo.message(error))
        }
        return DecodedPhoto(handle: resized)
    }

    public var width: Int { Int(lapak_photo_width(handle)) }
    public var height: Int { Int(lapak_photo_height(handle)) }

    /// The photo at `width` × `height`, encoded without any metadata (no EXIF, GPS, XMP,
    /// IPTC or colour profile: the pixels are sRGB, which browsers assume).
    /// `effort` is the WebP encoder's, from 0 (fastest) to 6 (smallest); libwebp's default is 4.
    public func encoded(width: Int, height: Int, as encoding: PhotoEncoding, quality: Int,
                        effort: Int = 4) throws(PhotoFailure) -> [UInt8] {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        var error = [CChar](repeating: 0, count: Photo.errorSize)
        let status = lapak_photo_encode(handle, Int32(width), Int32(height), encoding.shimValue, Int32(quality),
                                        Int32(effort), &buffer, &length, &error, error.count)
        guard status == 0, let buffer else { throw .damaged(detail: Photo.message(error)) }
        defer { lapak_buffer_free(buffer) }
        let bytes = Array(UnsafeRawBufferPointer(start: buffer, count: length))
        return encoding == .webp ? WebPMetadata.removed(from: bytes) : bytes
    }
}

/// libvips 8.14's WebP encoder writes an EXIF chunk (the image's resolution) even when told to
/// strip metadata; the pixels carry none, but a published file must carry no EXIF at all. This
/// drops the RIFF container's EXIF and XMP chunks and their flags in the VP8X header; the
/// compressed image data is untouched.
enum WebPMetadata {
    static func removed(from bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else { return bytes }
        var out = Array(bytes[0..<12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return bytes }
            let fourCC = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            if fourCC != "EXIF" && fourCC != "XMP " {
                var chunk = Array(bytes[offset..<end])
                // VP8X flags: bit 3 EXIF, bit 2 XMP.
                if fourCC == "VP8X" && chunk.count > 8 { chunk[8] &= ~UInt8(0b0000_1100) }
                out += chunk
            }
            offset = end
        }
        let riffSize = out.count - 8
        out[4] = UInt8(riffSize & 0xFF)
        out[5] = UInt8((riffSize >> 8) & 0xFF)
        out[6] = UInt8((riffSize >> 16) & 0xFF)
        out[7] = UInt8((riffSize >> 24) & 0xFF)
        return out
    }
}

extension Photo {
    /// A photo as it may be kept in a site's folder and its git history: upright, without any
    /// metadata (no GPS position), at most `maxSide` pixels on its long side. Screenshots and
    /// drawings (PNG, GIF) stay lossless as PNG; a HEIC becomes a JPEG unless `keepHEIC`.
    public static func safeOriginal(_ bytes: [UInt8], maxSide: Int, keepHEIC: Bool = false,
                                    limits: PhotoLimits = PhotoLimits()) throws(PhotoFailure) -> (bytes: [UInt8], encoding: PhotoEncoding) {
        let header = try header(of: bytes, limits: limits)
        let scale = min(1.0, Double(maxSide) / Double(max(header.width, header.height)))
        let width = max(1, Int((Double(header.width) * scale).rounded()))
        let height = max(1, Int((Double(header.height) * scale).rounded()))
        let encoding: PhotoEncoding
        switch header.format {
        case .png, .gif: encoding = .png
        case .webp: encoding = .webp
        case .heif: encoding = keepHEIC ? .heic : .jpeg
        case .jpeg: encoding = .jpeg
        }
        let decoded = try decode(bytes, width: width, height: height)
        return (try decoded.encoded(width: width, height: height, as: encoding, quality: 90), encoding)
    }
}
