import Foundation

/// Files of the built site, found by path. Every answer is checked against the real path of the
/// site folder, so a symbolic link inside it can never serve a file from elsewhere.
struct SiteFiles: Sendable {
    /// The site folder, every symbolic link resolved.
    let root: String

    enum Lookup: Equatable {
        case file(String)
        /// A folder asked for without its slash: relative links on its page need the slash.
        case folder(String)
        case missing
    }

    func lookup(_ relative: String) -> Lookup {
        let full = root + "/" + relative
        var candidate = full
        if relative.isEmpty || relative.hasSuffix("/") {
            candidate = full + "index.html"
        } else if Self.isDirectory(full), contained(full) != nil {
            return .folder("/" + relative + "/")
        }
        guard let real = contained(candidate), Self.isRegularFile(real) else { return .missing }
        return .file(real)
    }

    /// The real path when it lies inside the site folder.
    private func contained(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let real = String(cString: resolved)
        return real.hasPrefix(root + "/") ? real : nil
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
