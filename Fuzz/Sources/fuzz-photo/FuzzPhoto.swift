import Imaging
import LibFuzzer

#if canImport(Glibc)
import Glibc
#endif

/// Bytes in, as a photo from a member's phone: the header check, then (for what passes it) a
/// decode at a small size and a WebP and a JPEG copy. What a published copy holds is checked
/// too: never EXIF, GPS or XMP, whatever the input carried.
func fuzzPhoto(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = PhotoLimits()
    // Small enough that one input never takes more than a moment to decode.
    limits.maxPixels = 4_000_000
    guard let header = try? Photo.header(of: bytes, limits: limits) else { return 0 }
    let width = max(1, min(header.width, 64))
    let height = max(1, header.height * width / max(1, header.width))
    guard let decoded = try? Photo.decode(bytes, width: width, height: height) else { return 0 }
    for encoding in [PhotoEncoding.webp, .jpeg] {
        guard let copy = try? decoded.encoded(width: width, height: height, as: encoding, quality: 75) else { continue }
        guard let published = try? Photo.header(of: copy) else {
            print("a published copy does not read back")
            abort()
        }
        if published.hasMetadata || published.hasLocation || published.orientation != 1 {
            print("a published copy carries metadata")
            abort()
        }
    }
    return 0
}

@main
enum FuzzPhoto {
    static func main() {
        PhotoEngine.start()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPhoto(data, size) })
    }
}
