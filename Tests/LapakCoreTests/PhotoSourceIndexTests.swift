import Foundation
import Imaging
import Testing
@testable import LapakCore

/// The index of photo stamps a rebuild trusts instead of reading and hashing unchanged photos:
/// what one build writes, the next reads back exactly; what it cannot read, it forgets.
@Suite struct PhotoSourceIndexTests {
    let file = FileManager.default.temporaryDirectory.path + "/lapak-index-\(UUID().uuidString)/photo-sources.tsv"
    let header = PhotoHeader(format: .jpeg, storedWidth: 4000, storedHeight: 3000, orientation: 6, hasEXIF: true,
                             hasXMP: false, hasIPTC: true, hasLocation: true, profileBytes: 3144)
    let digest = String(repeating: "ab", count: 32)

    @Test func whatOneBuildWritesTheNextReadsBack() throws {
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        // Times well before the build started, so the entries count as settled; one before 1970.
        let stamps = [
            ("images/products/tas pandan.jpg", FileStamp(device: 2049, inode: 18_446_744_073_709_551_615, size: 2_345_678, modified: 1_700_000_000_000_000_000, changed: 1_700_000_000_000_000_001)),
            ("images/ñ/kopi.jpg", FileStamp(device: 0, inode: 7, size: 0, modified: -86_400_000_000_000, changed: 5)),
        ]
        let writing = PhotoSourceIndex(file: file)
        for (path, stamp) in stamps { writing.record(path, stamp: stamp, digest: digest, header: header) }
        writing.save()
        let reading = PhotoSourceIndex(file: file)
        for (path, stamp) in stamps {
            let known = try #require(reading.lookup(path, stamp: stamp), "\(path)")
            #expect(known == PhotoSourceIndex.Known(stamp: stamp, digest: digest, header: header))
        }
        #expect(reading.lookup(stamps[0].0, stamp: stamps[1].1) == nil)
    }

    @Test func aDamagedLineIsForgottenAndTheOthersKept() throws {
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5)
        let good = ["a.jpg", "1", "2", "3", "4", "5", digest, "jpeg", "4000", "3000", "6", "1", "0", "1", "1", "3144"]
        var bad = good
        bad[0] = "b.jpg"
        bad[8] = "40x0"
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try (PhotoSourceIndex.formatLine + "\n" + good.joined(separator: "\t") + "\n" + bad.joined(separator: "\t") + "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let index = PhotoSourceIndex(file: file)
        #expect(index.lookup("a.jpg", stamp: stamp)?.header == header)
        #expect(index.lookup("b.jpg", stamp: stamp) == nil)
    }

    @Test func linesWithTooFewOrTooManyFieldsAreForgottenAndAnotherFormatIsNotRead() throws {
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let before1970 = FileStamp(device: 1, inode: 2, size: 3, modified: -4, changed: 5)
        let good = ["a.jpg", "1", "2", "3", "-4", "5", digest, "jpeg", "4000", "3000", "6", "1", "0", "1", "1", "3144"]
        let short = ["b.jpg"] + good.dropFirst().dropLast()
        let long = ["c.jpg"] + good.dropFirst() + ["0"]
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let lines = [good, short, long].map { $0.joined(separator: "\t") }
        try ("\n" + PhotoSourceIndex.formatLine + "\n\n" + lines.joined(separator: "\n")).write(toFile: file, atomically: true, encoding: .utf8)
        let index = PhotoSourceIndex(file: file)
        #expect(index.lookup("a.jpg", stamp: before1970)?.header == header)
        #expect(index.lookup("b.jpg", stamp: before1970) == nil)
        #expect(index.lookup("c.jpg", stamp: before1970) == nil)

        try ("lapak photo sources 0\n" + lines[0] + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(PhotoSourceIndex(file: file).lookup("a.jpg", stamp: before1970) == nil)
    }
}
