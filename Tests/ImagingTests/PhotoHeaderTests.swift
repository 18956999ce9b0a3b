import Imaging
import PhotoFixtures
import Testing

@Suite struct PhotoHeaderTests {
    @Test func aPhoneJPEGIsReadTurnedUprightWithItsLocation() throws {
        let header = try Photo.header(of: try SamplePhotos.phoneJPEG(width: 400, height: 300, orientation: 6))
        #expect(header.format == .jpeg)
        #expect(header.orientation == 6)
        #expect((header.storedWidth, header.storedHeight) == (400, 300))
        #expect((header.width, header.height) == (300, 400))
        #expect(header.hasLocation)
        #expect(header.hasEXIF)
    }

    @Test func anOrientationWithoutPositionHasNoLocation() throws {
        let header = try Photo.header(of: try SamplePhotos.phoneJPEG(orientation: 3, gps: false))
        #expect(header.orientation == 3)
        #expect((header.width, header.height) == (400, 300))
        #expect(!header.hasLocation)
    }

    @Test(arguments: [PhotoEncoding.png, .webp, .jpeg, .heic])
    func everyAcceptedFormatIsRecognisedByItsContent(_ encoding: PhotoEncoding) throws {
        let bytes = try SamplePhotos.encoded(width: 64, height: 48, as: encoding)
        let header = try Photo.header(of: bytes)
        let expected: [PhotoEncoding: PhotoFormat] = [.png: .png, .webp: .webp, .jpeg: .jpeg, .heic: .heif]
        #expect(header.format == expected[encoding])
        #expect((header.width, header.height) == (64, 48))
    }

    @Test func textNamedLikeAPhotoIsNotAPhoto() {
        #expect(throws: PhotoFailure.notAPhoto) { try Photo.header(of: Array("bukan foto\n".utf8)) }
        #expect(throws: PhotoFailure.notAPhoto) { try Photo.header(of: Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)) }
        #expect(throws: PhotoFailure.notAPhoto) { try Photo.header(of: []) }
    }

    @Test func aDecompressionBombIsRefusedFromItsHeader() {
        let bomb = TestPNG.claiming(width: 30_000, height: 30_000)
        #expect(bomb.count < 200)
        #expect(throws: PhotoFailure.tooManyPixels(width: 30_000, height: 30_000, limit: 100_000_000)) {
            try Photo.header(of: bomb)
        }
    }

    @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
        var limits = PhotoLimits()
        limits.maxFileBytes = 1000
        let photo = try SamplePhotos.encoded(width: 200, height: 150, as: .png)
        #expect(throws: PhotoFailure.fileTooLarge(bytes: photo.count, limit: 1000)) { try Photo.header(of: photo, limits: limits) }
    }

    @Test func aHeaderCutShortIsDamaged() throws {
        let photo = try SamplePhotos.encoded(width: 64, height: 48, as: .png)
        #expect {
            try Photo.header(of: Array(photo.prefix(12)))
        } throws: { error in
            if case .damaged = error as? PhotoFailure { return true }
            return false
        }
    }

    @Test func sha256MatchesTheStandardVector() {
        #expect(ContentDigest.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentDigest.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
