import Foundation

/// File names that differ only in letter case or in Unicode normalisation (`é` as one code point
/// or as `e` and an accent): one file on macOS and Windows disks and in readers' eyes, two on
/// Linux. Content that relies on the difference would publish differently depending on where it
/// is built, so twins are an error naming both files.
enum NameTwins {
    static func key(_ path: String) -> String {
        // ASCII is its own normal form: only other names pay for Foundation's normalization.
        if path.isASCII { return path.lowercased() }
        return path.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// An error at each later twin naming the first, for paths as the contributor sees them.
    static func diagnostics(_ paths: [String]) -> [Diagnostic] {
        var first: [String: String] = [:]
        var out: [Diagnostic] = []
        for path in paths.sorted(by: { $0.utf8Precedes($1) }) {
            let key = key(path)
            if let other = first[key] {
                out.append(.error(.nameTwin(otherFile: other), at: SourceLocation(file: path)))
            } else {
                first[key] = path
            }
        }
        return out
    }
}
