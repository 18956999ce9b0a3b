import Foundation

/// The few file-system operations loading needs, with paths kept as plain strings.
enum FileSystem {
    struct Entry {
        let name: String
        let isDirectory: Bool
        let isSymlink: Bool
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Entries of a folder, sorted by name so that results never depend on the file system's order.
    static func list(_ path: String) -> [Entry] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var out: [Entry] = []
        while let entry = readdir(dir) {
            guard let name = name(of: entry) else { continue }
            let full = path + "/" + name
            // The entry's type comes with it on most file systems; a stat per file (tens of
            // thousands of images) is only paid where the file system does not say.
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFLNK: type = Int32(DT_LNK)
                case S_IFDIR: type = Int32(DT_DIR)
                default: type = Int32(DT_REG)
                }
            }
            let isLink = type == Int32(DT_LNK)
            let isDir = isLink ? isDirectory(full) : type == Int32(DT_DIR)
            out.append(Entry(name: name, isDirectory: isDir, isSymlink: isLink))
        }
        return out.sorted { $0.name.utf8Precedes($1.name) }
    }

    /// A directory entry's name; nil for `.` and `..`.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String? {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        return name == "." || name == ".." ? nil : name
    }

    /// Every regular file below a folder, as paths relative to it, sorted.
    /// `list` gives a folder's entries (a listing already made may be reused).
    static func walk(_ root: String, relativeTo prefix: String = "",
                     list: (String) -> [Entry] = { FileSystem.list($0) }) -> [(relative: String, isSymlink: Bool)] {
        var out: [(String, Bool)] = []
        for entry in list(root) where !entry.name.hasPrefix(".") {
            let relative = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            if entry.isDirectory {
                out += walk(root + "/" + entry.name, relativeTo: relative, list: list)
            } else {
                out.append((relative, entry.isSymlink))
            }
        }
        return out
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw POSIXError(.EIO) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if count == 0 { bytes.removeLast(bytes.count - offset); break }
            offset += count
        }
        return bytes
    }

    /// The first bytes of a file: image headers hold the pixel size near the start.
    static func readPrefix(_ path: String, maxBytes: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw POSIXError(.EIO) }
        // Sized by the file, not by the limit: zeroing a large buffer per small image adds up.
        let wanted = min(maxBytes, max(0, Int(info.st_size)))
        var bytes = [UInt8](repeating: 0, count: wanted)
        var offset = 0
        while offset < wanted {
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if count == 0 { break }
            offset += count
        }
        bytes.removeLast(wanted - offset)
        return bytes
    }

    /// The canonical absolute path, with every symbolic link resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
