import Glibc

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
