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

    private static func read(_ file: String) -> [String: Known] {
        guard let bytes = try? FileSystem.readBytes(file) else { return [:] }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(formatLine) else { return [:] }
        var out: [String: Known] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 16, let device = UInt64(f[1]), let inode = UInt64(f[2]), let size = Int64(f[3]),
                  let modified = Int64(f[4]), let changed = Int64(f[5]), f[6].count == 64,
                  let format = PhotoFormat(rawValue: f[7]), let width = Int(f[8]), let height = Int(f[9]),
                  let orientation = Int(f[10]), let profile = Int(f[15]) else { continue }
            let stamp = FileStamp(device: device, inode: inode, size: size, modified: modified, changed: changed)
            let header = PhotoHeader(format: format, storedWidth: width, storedHeight: height, orientation: orientation,
                                     hasEXIF: f[11] == "1", hasXMP: f[12] == "1", hasIPTC: f[13] == "1",
                                     hasLocation: f[14] == "1", profileBytes: profile)
            out[f[0]] = Known(stamp: stamp, digest: f[6], header: header)
        }
        return out
    }
}

/// Files written whole or not at all: to a temporary name beside the target, then renamed.
enum AtomicFile {
    /// `mode` 0o444 for cache entries: published by hard link, they must not be edited in place.
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StagedOutput.Failure.system("open", path: temporary, errno: errno) }
        var offset = 0
        let failed: Int32? = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return errno }
                offset += written
            }
            return nil
        }
        close(fd)
        if let failed {
            unlink(temporary)
            throw StagedOutput.Failure.system("write", path: temporary, errno: failed)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw StagedOutput.Failure.system("rename", path: path, errno: code)
        }
    }

    /// A temporary file left by a killed process: `NAME.tmp-PID-…` whose process is gone.
    static func isAbandonedTemporary(_ name: String) -> Bool {
        guard let range = name.range(of: ".tmp-") else { return false }
        guard let pid = Int32(name[range.upperBound...].prefix { $0 != "-" }) else { return true }
        return pid != getpid() && kill(pid, 0) != 0 && errno != EPERM
    }
}
