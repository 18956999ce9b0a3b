import Foundation

/// Symbolic links under `content/` or a theme that lead outside the site folder: following them,
/// a build would read files the site does not own and publish them. Links to folders are
/// followed as loading follows them, so a file behind a linked folder is checked too.
struct SymlinkGuard {
    /// Paths as the contributor sees them (`content/images/x`), of links that lead outside.
    let escaping: [String]
    /// Every folder listing the check made, by path: loading reads the same folders, and at
    /// tens of thousands of images listing them once instead of three times is worth keeping.
    private let listings: [String: [FileSystem.Entry]]

    /// Checks `folder` (itself included) below `siteRoot`; `shown` is how its path is displayed.
    init(folder: String, shown: String, siteRoot: String) {
        var escaping: [String] = []
        var listings: [String: [FileSystem.Entry]] = [:]
        var visited = Set<String>()
        func inside(_ path: String) -> Bool {
            guard let target = FileSystem.realPath(path) else { return true }  // dangling: nothing to read
            return FileSystem.isInside(target, siteRoot)
        }
        func walk(_ path: String, shown: String, depth: Int) {
            guard depth < 32, let real = FileSystem.realPath(path), visited.insert(real).inserted else { return }
            let entries = FileSystem.list(path)
            listings[path] = entries
            for entry in entries where !entry.name.hasPrefix(".") {
                let full = path + "/" + entry.name
                let display = shown + "/" + entry.name
                if entry.isSymlink && !inside(full) {
                    escaping.append(display)
                } else if entry.isDirectory {
                    walk(full, shown: display, depth: depth + 1)
                }
            }
        }
        if FileSystem.exists(folder) {
            if inside(folder) { walk(folder, shown: shown, depth: 0) } else { escaping.append(shown) }
        }
        self.escaping = escaping
        self.listings = listings
    }

    /// The entries of a folder below the checked one: as listed during the check, or listed now.
    func entries(of path: String) -> [FileSystem.Entry] {
        listings[path] ?? FileSystem.list(path)
    }

    var diagnostics: [Diagnostic] {
        escaping.map { .error(.symlinkOutside(path: $0), at: SourceLocation(file: $0)) }
    }

    /// Whether a displayed path is one of the links or lies behind one.
    func excludes(_ shownPath: String) -> Bool {
        escaping.contains { shownPath == $0 || shownPath.hasPrefix($0 + "/") }
    }
}
