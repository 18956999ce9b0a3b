import Imaging

/// `lapak photos --strip`: rewrites the photos under `content/images/` that carry metadata (a
/// GPS position above all), are not stored upright, or are larger than a site needs, so that
/// neither the folder nor the git history it is committed to keeps where a member lives.
public enum PhotoStripper {
    /// Originals kept in `content/` are at most this long on their long side.
    public static let maxSide = 2400

    public struct Outcome: Sendable {
        public var rewritten: [String] = []
        public var unchanged = 0
        public var diagnostics: [Diagnostic] = []
    }

    public static func run(sourceDirectory: String) -> Outcome {
        var outcome = Outcome()
        let root = sourceDirectory + "/content/images"
        let links = SymlinkGuard(folder: sourceDirectory + "/content", shown: "content",
                                 siteRoot: FileSystem.realPath(sourceDirectory) ?? sourceDirectory)
        outcome.diagnostics += links.diagnostics
        var files: [String] = []
        for (relative, _) in FileSystem.walk(root, list: links.entries(of:)) where !links.excludes("content/images/" + relative) {
            files.append("images/" + relative)
        }
        let results = parallelMap(files.sorted()) { key -> (rewritten: Bool, problem: PhotoProblem?)? in
            let path = sourceDirectory + "/content/" + key
            // Only photos: PDFs and SVGs are neither rewritten nor counted.
            guard let bytes = try? FileSystem.readBytes(path), PhotoFormat.sniff(bytes) != nil else { return nil }
            do {
                let header = try Photo.header(of: bytes)
                guard header.hasMetadata || header.orientation != 1 || max(header.width, header.height) > maxSide else {
                    return (false, nil)
                }
                let safe = try Photo.safeOriginal(bytes, maxSide: maxSide, keepHEIC: true)
                try AtomicFile.write(safe.bytes, to: path)
                return (true, nil)
            } catch let failure as PhotoFailure {
                return (false, PhotoProblem(failure, path: key))
            } catch {
                return (false, .unreadable(path: key))
            }
        }
        for (key, result) in zip(files.sorted(), results) {
            guard let result else { continue }
            if let problem = result.problem {
                outcome.diagnostics.append(.error(.photo(problem), at: SourceLocation(file: "content/" + key)))
            } else if result.rewritten {
                outcome.rewritten.append("content/" + key)
            } else {
                outcome.unchanged += 1
            }
        }
        return outcome
    }
}
