import Foundation

/// Every file below some folders with its modification time and size, to compare two moments.
struct FolderSnapshot: Equatable {
    private var files: [String: [Int]] = [:]

    init(_ folders: [String]) {
        for folder in folders { scan(folder) }
    }

    private mutating func scan(_ folder: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !ChangeWatcher.isIgnored(entry) {
            let path = folder + "/" + entry
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                scan(path)
            } else {
                files[path] = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_size)]
            }
        }
    }
}
