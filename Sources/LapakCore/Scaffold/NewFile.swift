import Foundation

/// Creates a file that must not exist yet: `O_EXCL` makes "never overwrite" hold even when two
/// people run `lapak new` with the same title at the same moment.
enum NewFile {
    enum Failure: Error, CustomStringConvertible {
        case exists
        case system(String, errno: Int32)

        var description: String {
            switch self {
            case .exists: "file exists"
            case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
            }
        }
    }

    static func create(_ path: String, bytes: [UInt8]) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .system("mkdir \(folder)", errno: errno)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw errno == EEXIST ? .exists : .system("open \(path)", errno: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                let code = errno
                unlink(path)
                throw .system("write \(path)", errno: code)
            }
            offset += count
        }
    }
}
