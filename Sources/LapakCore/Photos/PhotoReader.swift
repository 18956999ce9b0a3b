import Imaging

/// Reads one file under `content/images/` for the image index: a photo's header and content
/// digest (from the cache's source index when the file is unchanged), or nothing for other files.
struct PhotoReader: Sendable {
    let sizes: PhotoSizes
    let limits: PhotoLimits
    let sources: PhotoSourceIndex?
    /// `sizes.recipe`, made once: every photo's cache key holds it.
    private let recipe: String

    init(sizes: PhotoSizes, limits: PhotoLimits, sources: PhotoSourceIndex?) {
        self.sizes = sizes
        self.limits = limits
        self.sources = sources
        recipe = sizes.recipe
    }

    /// Names that promise a photo: a file so named that is not one is an error where it is used.
    static let photoExtensions: Set<String> = ["jpg", "jpeg", "jpe", "png", "webp", "gif", "heic", "heif", "avif", "hif",
                                               "tif", "tiff", "bmp"]

    static func hasPhotoExtension(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return photoExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// `key` is relative to `content/`, `full` the file's path.
    func entry(key: String, full: String) -> ImageIndex.Entry {
        guard let stamp = FileStamp(path: full) else {
            return ImageIndex.Entry(width: nil, height: nil, failure: Self.hasPhotoExtension(key) ? .unreadable(detail: "gone") : nil)
        }
        if let known = sources?.lookup(key, stamp: stamp) {
            return entry(key: key, header: known.header, digest: known.digest, stamp: stamp)
        }
        if Int(stamp.size) > limits.maxFileBytes {
            // Too large to read: refused if it is a photo, copied as it is otherwise (a PDF).
            let prefix = (try? FileSystem.readPrefix(full, maxBytes: 16)) ?? []
            guard PhotoFormat.sniff(prefix) != nil || Self.hasPhotoExtension(key) else { return ImageIndex.Entry(width: nil, height: nil) }
            return ImageIndex.Entry(width: nil, height: nil, failure: .fileTooLarge(bytes: Int(stamp.size), limit: limits.maxFileBytes))
        }
        guard let bytes = try? FileSystem.readBytes(full) else {
            return ImageIndex.Entry(width: nil, height: nil, failure: Self.hasPhotoExtension(key) ? .unreadable(detail: "unreadable") : nil)
        }
        guard PhotoFormat.sniff(bytes) != nil else {
            return ImageIndex.Entry(width: nil, height: nil, failure: Self.hasPhotoExtension(key) ? .notAPhoto : nil)
        }
        do {
            let header = try Photo.header(of: bytes, limits: limits)
            let digest = ContentDigest.sha256(bytes)
            sources?.record(key, stamp: stamp, digest: digest, header: header)
            return entry(key: key, header: header, digest: digest, stamp: stamp)
        } catch {
            return ImageIndex.Entry(width: nil, height: nil, failure: error)
        }
    }

    private func entry(key: String, header: PhotoHeader, digest: String, stamp: FileStamp?) -> ImageIndex.Entry {
        let photo = PublishedPhoto.plan(source: key, header: header, digest: digest, sizes: sizes, recipe: recipe)
        return ImageIndex.Entry(width: photo.largest.width, height: photo.largest.height, photo: photo, header: header,
                                failure: nil, digest: digest, stamp: stamp)
    }

    /// An entry read before, planned with these sizes.
    func replanned(_ known: ImageIndex.Entry, key: String) -> ImageIndex.Entry {
        guard let header = known.header, let digest = known.digest else { return known }
        return entry(key: key, header: header, digest: digest, stamp: known.stamp)
    }
}
