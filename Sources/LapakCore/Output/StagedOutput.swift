import CSystem
import Foundation

/// Writes a whole site into a fresh folder beside the destination and swaps it in only when
/// every file is written, so a failed or killed build never leaves a half-written site.
///
/// The staging folder is named `.NAME.staging-…` beside `NAME`; a later build removes any
/// such folder a killed build left behind. Nothing is ever written outside the staging folder.
public final class StagedOutput: @unchecked Sendable {
    public let destination: String
    public let staging: String
    private let parent: String
    private let name: String
    private var createdDirectories: Set<String> = []
    private let lock = NSLock()

    public enum Failure: Error, CustomStringConvertible {
        case system(String, path: String, errno: Int32)
        case unsafePath(String)

        public var description: String {
            switch self {
            case .system(let call, let path, let code): "\(call) \(path): \(String(cString: strerror(code)))"
            case .unsafePath(let path): "refusing to write outside the output folder: \(path)"
            }
        }
    }

    /// Creates the staging folder. `destination` may or may not exist yet.
    public init(destination: String) throws {
        let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.destination = absolute
        let url = URL(fileURLWithPath: absolute)
        parent = url.deletingLastPathComponent().path
        name = url.lastPathComponent
        try Self.makeDirectories(parent)
        Self.removeLeftovers(parent: parent, name: name)
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent + "/." + name + ".staging-" + unique
        guard mkdir(staging, 0o755) == 0 else { throw Failure.system("mkdir", path: staging, errno: errno) }
    }

    /// Folders a killed build left beside the destination. A folder whose build is still running
    /// (its process id, in the name, is alive) belongs to that build and stays.
    static func removeLeftovers(parent: String, name: String) {
        let prefix = "." + name + ".staging-"
        for entry in FileSystem.list(parent) where entry.name.hasPrefix(prefix) && entry.isDirectory && !entry.isSymlink {
            var rest = entry.name.dropFirst(prefix.count)
            if rest.hasPrefix("old-") { rest = rest.dropFirst(4) }
            if let pid = Int32(rest.prefix { $0 != "-" }), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            TreeRemoval.remove(parent + "/" + entry.name)
        }
    }

    /// Checks a relative output path: no absolute paths, no `..`, no empty or hidden-control parts.
    ///
    /// One pass over the bytes: every page and photo of a build comes through here. Returns the
    /// byte offset of the last `/`, where the file's folder ends (nil for a file at the top).
    @discardableResult
    static func validate(_ relative: String) throws -> Int? {
        var path = relative
        // nil when the path is refused; else the offset of the last part's start.
        let lastPart = path.withUTF8 { bytes -> Int? in
            guard !bytes.isEmpty, bytes[0] != UInt8(ascii: "/") else { return nil }
            var partStart = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "/")
                if byte == 0 || byte == UInt8(ascii: "\\") { return nil }
                guard byte == UInt8(ascii: "/") else { continue }
                switch index - partStart {
                case 0: return nil
                case 1: if bytes[partStart] == UInt8(ascii: ".") { return nil }
                case 2: if bytes[partStart] == UInt8(ascii: "."), bytes[partStart + 1] == UInt8(ascii: ".") { return nil }
                default: break
                }
                if index < bytes.count { partStart = index + 1 }
            }
            return partStart
        }
        guard let lastPart else { throw Failure.unsafePath(relative) }
        return lastPart > 0 ? lastPart - 1 : nil
    }

    public func write(_ relative: String, bytes: some Collection<UInt8>) throws {
        // Pages arrive as arrays already; only other collections are copied into one.
        let array = bytes as? [UInt8] ?? Array(bytes)
        try write(relative) { emit in try emit(array) }
    }

    /// Writes a file as `produce` hands over its parts, so a file of tens of megabytes (a
    /// catalog) never has to be held whole in memory.
    public func write(_ relative: String, streaming produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        let (fd, path) = try create(relative)
        defer { close(fd) }
        try produce { part in try part.withUnsafeBytes { try Self.writeAll($0, to: fd, path: path) } }
    }

    /// A new file in the staging folder, never following a link at its place.
    private func create(_ relative: String) throws -> (fd: Int32, path: String) {
        let path = try prepare(relative)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.system("open", path: path, errno: errno) }
        return (fd, path)
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else { throw Failure.system("write", path: path, errno: errno) }
            offset += written
        }
    }

    public func write(_ relative: String, text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Publishes a file that never changes (a processed photo in the cache) by a hard link, so a
    /// build with every photo cached writes no photo's bytes again; copies it where a link cannot
    /// be made (the cache on another file system).
    public func link(from source: String, to relative: String) throws {
        let path = try prepare(relative)
        if Glibc.link(source, path) == 0 { return }
        try copy(from: source, to: relative)
    }

    /// Copies a file in, never following a link at the destination.
    public func copy(from source: String, to relative: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure.system("read", path: source, errno: errno) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw Failure.system("read", path: source, errno: errno) }
        let (output, path) = try create(relative)
        defer { close(output) }
        // The kernel copies (sendfile): tens of thousands of photos never pass through this
        // process's memory. Where it cannot, the rest is copied by reading and writing.
        var copied = 0
        let size = Int(info.st_size)
        while copied < size {
            let sent = sendfile(output, input, nil, size - copied)
            if sent <= 0 { break }
            copied += sent
        }
        guard copied < size else { return }
        guard lseek(input, off_t(copied), SEEK_SET) >= 0 else { throw Failure.system("read", path: source, errno: errno) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 { throw Failure.system("read", path: source, errno: errno) }
            if count == 0 { return }
            try buffer.withUnsafeBytes { try Self.writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count]), to: output, path: path) }
        }
    }

    /// The file's path in the staging folder, its folders made. A folder is made once: most
    /// files go into one made already, which costs a single look-up of their folder.
    private func prepare(_ relative: String) throws -> String {
        let slashOffset = try Self.validate(relative)
        let path = staging + "/" + relative
        guard let slashOffset else { return path }
        let lastSlash = relative.utf8.index(relative.utf8.startIndex, offsetBy: slashOffset)
        if isCreated(String(relative[..<lastSlash])) { return path }
        var slash = relative.utf8.startIndex
        while let next = relative.utf8[slash...].firstIndex(of: UInt8(ascii: "/")) {
            let folder = String(relative[..<next])
            if !isCreated(folder) {
                let directory = staging + "/" + folder
                if mkdir(directory, 0o755) != 0 && errno != EEXIST {
                    throw Failure.system("mkdir", path: directory, errno: errno)
                }
                lock.lock()
                createdDirectories.insert(folder)
                lock.unlock()
            }
            slash = relative.utf8.index(after: next)
        }
        return path
    }

    /// Whether a folder (relative to the staging folder) was made already.
    private func isCreated(_ folder: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return createdDirectories.contains(folder)
    }

    /// Swaps the finished site in. With an existing destination, both folders are exchanged in
    /// one atomic rename, then the old site (now at the staging path) is removed.
    public func commit() throws {
        if FileSystem.exists(destination) {
            if lapak_rename_exchange(staging, destination) == 0 {
                TreeRemoval.removeInParallel(staging)
                return
            }
            // Kernels or file systems without RENAME_EXCHANGE: two renames, old site kept aside until the end.
            let aside = parent + "/." + name + ".staging-old-\(getpid())"
            guard rename(destination, aside) == 0 else { throw Failure.system("rename", path: destination, errno: errno) }
            guard rename(staging, destination) == 0 else {
                let code = errno
                _ = rename(aside, destination)
                throw Failure.system("rename", path: staging, errno: code)
            }
            TreeRemoval.remove(aside)
        } else {
            guard rename(staging, destination) == 0 else { throw Failure.system("rename", path: staging, errno: errno) }
        }
    }

    /// Throws the staging folder away; the destination is untouched.
    public func abandon() {
        TreeRemoval.remove(staging)
    }

    static func makeDirectories(_ path: String) throws {
        if FileSystem.isDirectory(path) { return }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure.system("mkdir", path: path, errno: errno) }
    }
}
