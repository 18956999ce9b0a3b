/// A file of the site folder read a second time, only when a diagnostic needs it: the text of a
/// line, the line a front-matter field stands on, and where the Markdown body starts.
final class SourceFile {
    let path: String
    let lines: [Substring]
    /// File line of the body's first line; Markdown positions count from there.
    let bodyFirstLine: Int
    /// Where each front-matter field is written, as the loader recorded it.
    private let map: SourceMap?

    init?(root: String, path: String) {
        guard let bytes = try? FileSystem.readBytes(root + "/" + path),
              let raw = String(validating: bytes, as: UTF8.self) else { return nil }
        let text = normalizeNewlines(raw)
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        bodyFirstLine = (try? FrontMatterSplit.split(text))?.bodyFirstLine ?? 1
        // The loader already refused anchors, aliases and tags; such YAML gives no map.
        map = SourceMap.read(bytes, file: path)
    }

    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    /// Where a front-matter field is written; the file itself when it cannot be found.
    func location(ofField name: String) -> SourceLocation {
        guard let map else { return SourceLocation(file: path) }
        // A field the file lacks is reported at the opening `---`, where it would be added.
        return map.location(of: name) ?? SourceLocation(file: path, line: 1, column: 1)
    }

    /// A position cmark gives inside the body (byte column) as a line and character column of the file.
    func location(bodyLine: Int, byteColumn: Int) -> SourceLocation {
        let line = bodyFirstLine + bodyLine - 1
        guard let text = self.line(line) else { return SourceLocation(file: path, line: line, column: byteColumn) }
        let prefix = text.utf8.prefix(max(0, byteColumn - 1))
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return SourceLocation(file: path, line: line, column: column)
    }
}

/// Files read on demand and kept for the rest of the check.
final class SourceFiles {
    let root: String
    private var cache: [String: SourceFile?] = [:]

    init(root: String) { self.root = root }

    func file(_ path: String) -> SourceFile? {
        if let cached = cache[path] { return cached }
        let file = SourceFile(root: root, path: path)
        cache[path] = file
        return file
    }

    func line(at location: SourceLocation) -> String? {
        guard location.line > 0 else { return nil }
        return file(location.file)?.line(location.line)
    }
}
