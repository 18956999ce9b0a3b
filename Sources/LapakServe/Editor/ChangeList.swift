import Foundation

/// The files under `content/` changed since the site was last built into `site/`: what the
/// volunteer reviews before `make site` and committing. Nothing publishes by itself.
enum ChangeList {
    /// When `site/` was last written (its `index.html`), or nil when it never was.
    static func lastBuild(sourceDirectory: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: sourceDirectory + "/site/index.html"))?[.modificationDate] as? Date
    }

    /// Paths relative to the site folder, newest first; the trash and hidden files left out.
    static func changed(sourceDirectory: String, since: Date?) -> [String] {
        let content = sourceDirectory + "/content"
        guard let walker = FileManager.default.enumerator(atPath: content) else { return [] }
        var found: [(path: String, date: Date)] = []
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                walker.skipDescendants()
                continue
            }
            let attributes = walker.fileAttributes
            guard attributes?[.type] as? FileAttributeType == .typeRegular,
                  let date = attributes?[.modificationDate] as? Date else { continue }
            if since.map({ date > $0 }) ?? true { found.append(("content/" + relative, date)) }
        }
        return found.sorted { $0.date > $1.date }.map(\.path)
    }
}
