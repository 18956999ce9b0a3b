import Foundation

/// Processed photos kept between builds, outside the output folder (`.lapak/cache/` in the site
/// folder unless `--cache-dir` says otherwise). An entry is named by its photo's cache key, which
/// covers the source's content, the sizes and the libvips version, so an entry never goes stale:
/// a changed photo simply has another key. Entries are written under a temporary name and renamed,
/// so a killed build leaves no half-written entry that could reach a site.
public final class PhotoCache: Sendable {
    public let folder: String
    let sources: PhotoSourceIndex

    public init(folder: String) {
        self.folder = folder
        sources = PhotoSourceIndex(file: folder + "/photo-sources.tsv")
    }

    /// The default place: `SOURCE/.lapak/cache`.
    public static func defaultFolder(sourceDirectory: String) -> String {
        sourceDirectory + "/.lapak/cache"
    }

    var photosFolder: String { folder + "/photos" }

    /// Where one copy of a photo is kept, e.g. `…/photos/3f/3f9a…e1.640.webp`.
    func path(of rendition: Rendition, in photo: PublishedPhoto) -> String {
        "\(photosFolder)/\(photo.cacheKey.prefix(2))/\(photo.cacheKey).\(rendition.width).\(rendition.encoding.fileExtension)"
    }

    /// Whether every copy of `photo` is in the cache.
    func holds(_ photo: PublishedPhoto) -> Bool {
        photo.renditions.allSatisfy { FileSystem.exists(path(of: $0, in: photo)) }
    }

    func store(_ bytes: [UInt8], for rendition: Rendition, in photo: PublishedPhoto) throws {
        let target = path(of: rendition, in: photo)
        try StagedOutput.makeDirectories(String(target[..<target.lastIndex(of: "/")!]))
        // Read-only: the site publishes entries by hard link, and an edit in place would change both.
        try AtomicFile.write(bytes, to: target, mode: 0o444)
    }

    /// Removes every entry not in `used` and every temporary file a killed build left: run after
    /// a build that succeeded, so the cache holds what the current site needs and nothing more.
    func prune(keeping used: Set<String>) {
        for shard in FileSystem.list(photosFolder) where shard.isDirectory && !shard.isSymlink {
            let shardPath = photosFolder + "/" + shard.name
            var remaining = 0
            for entry in FileSystem.list(shardPath) {
                let key = entry.name.prefix { $0 != "." }
                let abandoned = AtomicFile.isAbandonedTemporary(entry.name)
                let temporary = entry.name.contains(".tmp-")
                if abandoned || (!temporary && !used.contains(String(key))) {
                    unlink(shardPath + "/" + entry.name)
                } else {
                    remaining += 1
                }
            }
            if remaining == 0 { rmdir(shardPath) }
        }
    }
}
