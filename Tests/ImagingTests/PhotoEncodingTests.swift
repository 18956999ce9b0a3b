import Imaging
import PhotoFixtures
import Testing

@Suite struct PhotoEncodingTests {
    @Test(arguments: [PhotoEncoding.webp, .jpeg])
    func copiesAreUprightAndCarryNoMetadata(_ encoding: PhotoEncoding) throws {
        let phone = try SamplePhotos.phoneJPEG(width: 400, height: 300, orientation: 6)
        let decoded = try Photo.decode(phone, width: 300, height: 400)
        #expect((decoded.width, decoded.height) == (300, 400))
        let copy = try decoded.encoded(width: 150, height: 200, as: encoding, quality: 75)
        let header = try Photo.header(of: copy)
        #expect((header.storedWidth, header.storedHeight) == (150, 200))
        #expect(header.orientation == 1)
        #expect(!header.hasEXIF && !header.hasXMP && !header.hasIPTC && !header.hasLocation)
        #expect(header.profileBytes == 0)
        // No trace of the EXIF block or its GPS tags in the bytes either.
        #expect(!copy.contains(subsequence: Array("Exif".utf8)))
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let phone = try SamplePhotos.phoneJPEG()
        func once() throws -> [[UInt8]] {
            let decoded = try Photo.decode(phone, width: 300, height: 400)
            return try [PhotoEncoding.webp, .jpeg].map { try decoded.encoded(width: 240, height: 320, as: $0, quality: 75) }
        }
        #expect(try once() == once())
    }

    @Test func aTruncatedJPEGIsRefusedWhenDecoded() throws {
        let whole = try SamplePhotos.encoded(width: 320, height: 240, as: .jpeg)
        let cut = Array(whole.prefix(whole.count / 2))
        _ = try Photo.header(of: cut)  // the header is intact
        #expect {
            let decoded = try Photo.decode(cut, width: 320, height: 240)
            _ = try decoded.encoded(width: 320, height: 240, as: .webp, quality: 75)
        } throws: { error in
            if case .damaged = error as? PhotoFailure { return true }
            return false
        }
    }

    /// A screenshot or logo with transparency still gets its JPEG (which has no alpha channel),
    /// while its WebP copies keep the transparency.
    @Test func aPhotoWithTransparencyIsPublishedAsJPEGToo() throws {
        let png = TestPNG.makeRGBA(width: 32, height: 32) { x, _ in (200, 40, 40, x < 16 ? 0 : 255) }
        let decoded = try Photo.decode(png, width: 32, height: 32)
        let jpeg = try decoded.encoded(width: 16, height: 16, as: .jpeg, quality: 80)
        let header = try Photo.header(of: jpeg)
        #expect(header.format == .jpeg && (header.storedWidth, header.storedHeight) == (16, 16))
        let webp = try decoded.encoded(width: 16, height: 16, as: .webp, quality: 80)
        // VP8X with its alpha flag (bit 4) set, or an ALPH chunk.
        #expect(webp.contains(subsequence: Array("ALPH".utf8)) || (webp.count > 20 && webp[20] & 0x10 != 0))
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { self[$0..<$0 + subsequence.count].elementsEqual(subsequence) }
    }
}
