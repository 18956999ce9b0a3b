import Foundation
import LapakCore
import Synchronization

/// Tells when anything under the watched folders changes, and what. On Linux it listens to
/// inotify, so a save is seen at once and files written in place are named (`ChangeSet.written`,
/// paths relative to `root`); where inotify is unavailable (or out of watches) it compares file
/// times every 200 ms and cannot say what changed (`ChangeSet.unknown`).
final class ChangeWatcher: Sendable {
    private let root: String
    private let folders: [String]
    private let onChange: @Sendable (ChangeSet) -> Void
    private let running = Mutex(true)
    private let finished = DispatchSemaphore(value: 0)

    init(root: String, folders: [String], onChange: @escaping @Sendable (ChangeSet) -> Void) {
        self.root = root
        self.folders = folders
        self.onChange = onChange
    }

    func start() {
        Thread.detachNewThread { [self] in
            #if os(Linux)
            if !watchWithInotify() { watchByPolling() }
            #else
            watchByPolling()
            #endif
            finished.signal()
        }
    }

    /// Returns once the watching thread has ended (within a tenth of a second), waiting on a
    /// thread of its own so no thread of the server is held.
    func stop() async {
        running.withLock { $0 = false }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread { [finished] in
                finished.wait()
                done.resume()
            }
        }
    }

    private var isRunning: Bool { running.withLock { $0 } }

    /// Editor droppings (swap, backup and lock files) are not content.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp")
            || name.hasSuffix(".swx") || name == "4913"
    }

    #if os(Linux)
    private func watchWithInotify() -> Bool {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // A file counts once it is complete: closed after writing, or renamed into place (how
        // editors save atomically). Mere writes are left out, so a half-saved file is never built.
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        var watches: [Int32: String] = [:]
        func add(_ folder: String) -> Bool {
            let wd = inotify_add_watch(fd, folder, mask)
            guard wd >= 0 else { return false }
            watches[wd] = folder
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !Self.isIgnored(entry) {
                var info = stat()
                let path = folder + "/" + entry
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, !add(path) { return false }
            }
            return true
        }
        for folder in folders where Self.isDirectory(folder) {
            guard add(folder) else { return false }
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let header = 16 // wd, mask, cookie, len: four 32-bit fields before the name
        while isRunning {
            var pending = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pending, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var relevant = false
            var changes = ChangeSet.nothing
            var offset = 0
            while offset + header <= count {
                let (wd, eventMask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += header + length
                if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                    relevant = true
                    changes = .unknown
                    continue
                }
                if eventMask & UInt32(IN_IGNORED) != 0 { watches.removeValue(forKey: wd); continue }
                guard let folder = watches[wd] else { continue }
                if Self.isIgnored(name) { continue }
                if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = add(folder + "/" + name)
                }
                relevant = true
                // Only a file closed after writing, and nothing else about it, is named.
                let path = folder + "/" + name
                if eventMask & ~UInt32(IN_CLOSE_WRITE) == 0, path.hasPrefix(root + "/") {
                    changes = changes.merged(with: .written([String(path.dropFirst(root.count + 1))]))
                } else {
                    changes = .unknown
                }
            }
            if relevant { onChange(changes) }
        }
        return true
    }
    #endif

    private func watchByPolling() {
        var last = FolderSnapshot(folders)
        while isRunning {
            Thread.sleep(forTimeInterval: 0.2)
            let next = FolderSnapshot(folders)
            if next != last {
                last = next
                onChange(.unknown)
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
