#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where templates come from.
public protocol TemplateLoader: Sendable {
    /// The template's text, or nil when there is no template of that name.
    func source(for name: String) throws -> String?
    /// Every name this loader can load, for checking all templates up front.
    func templateNames() throws -> [String]
}

/// Templates held in memory, by name.
public struct InMemoryLoader: TemplateLoader {
    private let templates: [String: String]

    /// Templates by name (`"base.html": "<html>…"`).
    public init(_ templates: [String: String]) {
        self.templates = templates
    }

    /// The text of `name`, or nil.
    /// The text from the first loader that has `name`.
    public func source(for name: String) throws -> String? { templates[name] }
    /// Every name, sorted.
    /// The names of every loader, each once, sorted.
    public func templateNames() throws -> [String] { templates.keys.sorted() }
}

/// The first loader that has a name wins: a site's theme over the built-in theme.
public struct LayeredLoader: TemplateLoader {
    private let loaders: [any TemplateLoader]

    /// Loaders in priority order: the first is asked first.
    public init(_ loaders: [any TemplateLoader]) {
        self.loaders = loaders
    }

    /// The text from the first loader that has `name`.
    public func source(for name: String) throws -> String? {
        for loader in loaders {
            if let s = try loader.source(for: name) { return s }
        }
        return nil
    }

    /// The names of every loader, each once, sorted.
    public func templateNames() throws -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for loader in loaders {
            for n in try loader.templateNames() where seen.insert(n).inserted { names.append(n) }
        }
        return names.sorted()
    }
}

/// Templates in a directory tree, named by their '/'-separated path below `root`.
public struct DirectoryLoader: TemplateLoader {
    /// The directory the names are relative to, without a trailing '/'.
    public let root: String

    /// Templates below `root`.
    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    /// Names must stay inside the root: no absolute paths, no '..', no empty or hidden parts.
    static func isAcceptable(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.utf8.contains(0) || name.contains("\\") { return false }
        for part in name.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty || part == "." || part == ".." { return false }
        }
        return true
    }

    /// The file's text, or nil when it does not exist or the name would leave `root`.
    public func source(for name: String) throws -> String? {
        guard Self.isAcceptable(name) else { return nil }
        return try readFile(root + "/" + name)
    }

    /// Every file below `root` not hidden, as a '/'-separated path, sorted.
    public func templateNames() throws -> [String] {
        var names: [String] = []
        try collect(directory: root, prefix: "", into: &names, depth: 0)
        return names.sorted()
    }

    private func collect(directory: String, prefix: String, into names: inout [String], depth: Int) throws {
        guard depth < 32, let dir = opendir(directory) else {
            if depth == 0 { throw FilterError("cannot open template directory '\(directory)'") }
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if entryName.hasPrefix(".") { continue }
            let path = directory + "/" + entryName
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                try collect(directory: path, prefix: prefix + entryName + "/", into: &names, depth: depth + 1)
            } else if kind == S_IFREG {
                names.append(prefix + entryName)
            }
        }
    }

    private func readFile(_ path: String) throws -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        guard let file = fopen(path, "rb") else { throw FilterError("cannot open '\(path)'") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 { throw FilterError("cannot read '\(path)'") }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
