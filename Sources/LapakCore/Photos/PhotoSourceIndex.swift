import Foundation
import Imaging

/// What was learned of each source photo, by its `stat` stamp, kept in the cache folder
/// between builds: a rebuild reads and hashes only the photos that changed (the way git's index
/// spares it from hashing an unchanged tree).
final class PhotoSourceIndex: @unchecked Sendable {
    struct Known: Sendable, Equatable {
        let stamp: FileStamp
        let digest: String
        let header: PhotoHeader
    }

    static let formatLine = "lapak photo sources 1"
    /// A file changed within this window of the build's start may change again without a new
    /// stamp (coarse clocks): it is hashed again next time.
    static let settleWindow: Int64 = 2_000_000_000

    let file: String
    private let lock = NSLock()
    /// Read on first use: a `lapak serve` rebuild after a text edit reads no photo, and the file
    /// holds a line per photo (4 MB at 20,000 photos).
    private var knownIfRead: [String: Known]?
    private var seen: [String: Known] = [:]
    private let loadStarted = FileStamp.wallClockNanoseconds()

    init(file: String) {
        self.file = file
    }

    /// Call with the lock held.
    private var known: [String: Known] {
        if let knownIfRead { return knownIfRead }
        let read = Self.read(file)
        knownIfRead = read
        return read
    }

    func lookup(_ path: String, stamp: FileStamp) -> Known? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = known[path], entry.stamp == stamp else { return nil }
        seen[path] = entry
        return entry
    }

    func record(_ path: String, stamp: FileStamp, digest: String, header: PhotoHeader) {
        guard stamp.isSettled(at: loadStarted, window: Self.settleWindow),
              !path.utf8.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) else { return }
        lock.lock()
        seen[path] = Known(stamp: stamp, digest: digest, header: header)
        lock.unlock()
    }

    /// Writes what this build saw (photos no longer there are forgotten), by temporary file and rename.
    func save() {
        lock.lock()
        let entries = seen
        let unchanged = entries == known
        lock.unlock()
        guard !unchanged || !FileSystem.exists(file) else { return }
        var text = Self.formatLine + "\n"
        for path in entries.keys.sorted() {
            let e = entries[path]!
            let h = e.header
            let fields: [String] = [
                path, String(e.stamp.device), String(e.stamp.inode), String(e.stamp.size), String(e.stamp.modified),
                String(e.stamp.changed), e.digest, h.format.rawValue, String(h.storedWidth), String(h.storedHeight),
                String(h.orientation), h.hasEXIF ? "1" : "0", h.hasXMP ? "1" : "0", h.hasIPTC ? "1" : "0",
                h.hasLocation ? "1" : "0", String(h.profileBytes),
            ]
            text += fields.joined(separator: "\t") + "\n"
        }
        let folder = String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)])
        try? StagedOutput.makeDirectories(folder)
        try? AtomicFile.write(Array(text.utf8), to: file)
    }

    /// Every well-formed line of the file. Read as bytes, each line's fields found in place:
    /// going through `String`'s character view cost about 170,000 instructions a line, and
    /// splitting the file into arrays of slices still 15,000 (20,000 lines at 10,000 products,
    /// read while the other threads wait for the index).
    private static func read(_ file: String) -> [String: Known] {
        guard let bytes = try? FileSystem.readBytes(file) else { return [:] }
        return bytes.withUnsafeBufferPointer { buffer in
            var out: [String: Known] = [:]
            var fields: [Field] = []
            fields.reserveCapacity(16)
            var formatChecked = false
            var lineStart = 0
            while lineStart < buffer.count {
                let lineEnd = buffer[lineStart...].firstIndex(of: 0x0A) ?? buffer.count
                defer { lineStart = lineEnd + 1 }
                // Empty lines are skipped, the first other one must name the format.
                guard lineEnd > lineStart else { continue }
                guard formatChecked else {
                    guard buffer[lineStart..<lineEnd].elementsEqual(formatLine.utf8) else { return [:] }
                    formatChecked = true
                    continue
                }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for index in lineStart..<lineEnd where buffer[index] == 0x09 {
                    fields.append(buffer[fieldStart..<index])
                    fieldStart = index + 1
                }
                fields.append(buffer[fieldStart..<lineEnd])
                if let (path, known) = entry(fields) { out[path] = known }
            }
            return out
        }
    }

    private typealias Field = Slice<UnsafeBufferPointer<UInt8>>

    /// One line's entry from its sixteen fields; nil when a field is malformed.
    private static func entry(_ f: [Field]) -> (String, Known)? {
        guard f.count == 16, let device = unsigned(f[1]), let inode = unsigned(f[2]),
              let size = signed(f[3]), let modified = signed(f[4]), let changed = signed(f[5]),
              f[6].count == 64, let format = PhotoFormat(rawValue: String(decoding: f[7], as: UTF8.self)),
              let width = number(f[8]), let height = number(f[9]), let orientation = number(f[10]),
              let profile = number(f[15]) else { return nil }
        let stamp = FileStamp(device: device, inode: inode, size: size, modified: modified, changed: changed)
        let flag = { (field: Field) in field.count == 1 && field.first == UInt8(ascii: "1") }
        let header = PhotoHeader(format: format, storedWidth: width, storedHeight: height, orientation: orientation,
                                 hasEXIF: flag(f[11]), hasXMP: flag(f[12]), hasIPTC: flag(f[13]),
                                 hasLocation: flag(f[14]), profileBytes: profile)
        return (String(decoding: f[0], as: UTF8.self),
                Known(stamp: stamp, digest: String(decoding: f[6], as: UTF8.self), header: header))
    }

    /// A decimal that fits 64 bits (nanosecond times have 19 digits); nil for anything else.
    private static func unsigned(_ digits: Field) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            if overflowTimes || overflowSum { return nil }
            value = sum
        }
        return value
    }

    private static func number(_ digits: Field) -> Int? {
        unsigned(digits).flatMap { Int(exactly: $0) }
    }

    /// A decimal that may start with `-` (a time before 1970).
    private static func signed(_ digits: Field) -> Int64? {
        if digits.first == UInt8(ascii: "-") { return unsigned(digits.dropFirst()).flatMap { Int64(exactly: $0) }.map { -$0 } }
        return unsigned(digits).flatMap { Int64(exactly: $0) }
    }
}
