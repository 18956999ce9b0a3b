import Foundation
import Imaging

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

    /// Whether `photo` was made: the last copy of its making order is there. (A copy missing
    /// all the same is made again when it is published.)
    func holds(_ photo: PublishedPhoto) -> Bool {
        guard let last = photo.makingOrder.last else { return true }
        return FileSystem.exists(path(of: last, in: photo))
    }

    func store(_ bytes: [UInt8], for rendition: Rendition, in photo: PublishedPhoto) throws {
        let target = path(of: rendition, in: photo)
        try StagedOutput.makeDirectories(String(target[..<target.lastIndex(of: "/")!]))
        // Read-only: the site publishes entries by hard link, and an edit in place would change both.
        try AtomicFile.write(bytes, to: target, mode: 0o444)
    }

    /// Removes every entry not in `used` and every temporary file a killed build left: run after
    /// a build that succeeded, so the cache holds what the current site needs and nothing more.
    /// Skipped when nothing was made and the site uses the same photos as when the cache was last
    /// pruned: listing a cache of thousands of copies is most of what such a rebuild would do.
    /// (A killed build's temporary files go with the next build that makes a photo.)
    func prune(keeping used: Set<String>, madeAny: Bool) {
        let record = folder + "/photos-in-use"
        let fingerprint = Array(ContentDigest.sha256(used.sorted().joined(separator: "\n")).utf8)
        if !madeAny, (try? FileSystem.readBytes(record)) == fingerprint { return }
        defer { try? AtomicFile.write(fingerprint, to: record) }
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
