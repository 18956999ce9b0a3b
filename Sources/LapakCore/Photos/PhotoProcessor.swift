import Foundation
import Imaging

/// Makes the published copies of every photo the cache does not hold yet, one photo per core:
/// each source is read once, decoded once at the largest size it needs, and every copy is made
/// from those pixels.
struct PhotoProcessor: Sendable {
    let cache: PhotoCache
    let sizes: PhotoSizes
    let contentDirectory: String
    /// Photos are read only from inside the site folder, even if a link replaced one since loading.
    let siteRoot: String
    let limits: PhotoLimits
    /// What loading read of each photo: a file whose stamp is still the one its digest was taken
    /// at is not read for its header or hashed again.
    let images: ImageIndex

    struct Outcome: Sendable {
        var processed = 0
        var cached = 0
        var failures: [(photo: PublishedPhoto, problem: PhotoProblem)] = []
    }

    /// `progress` is called with (done, total) as photos that had to be made are finished.
    func ensure(_ photos: [PublishedPhoto], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Outcome {
        var outcome = Outcome()
        var missing: [PublishedPhoto] = []
        for photo in photos {
            if cache.holds(photo) { outcome.cached += 1 } else { missing.append(photo) }
        }
        let counter = ProgressCounter(total: missing.count, report: progress)
        let problems = parallelMap(missing) { photo -> PhotoProblem? in
            defer { counter.advance() }
            return make(photo)
        }
        for (photo, problem) in zip(missing, problems) {
            if let problem { outcome.failures.append((photo, problem)) } else { outcome.processed += 1 }
        }
        return outcome
    }

    /// Makes and stores every copy of `photo`; the problem, if it cannot.
    func make(_ photo: PublishedPhoto) -> PhotoProblem? {
        let path = contentDirectory + "/" + photo.source
        guard let real = FileSystem.realPath(path), FileSystem.isInside(real, siteRoot), let stamp = FileStamp(path: real),
              stamp.isRegularFile else { return .unreadable(path: photo.source) }
        guard Int(stamp.size) <= limits.maxFileBytes else {
            return .fileTooLarge(path: photo.source, bytes: Int(stamp.size), limit: limits.maxFileBytes)
        }
        guard let bytes = try? FileSystem.readBytes(real) else { return .unreadable(path: photo.source) }
        // The names were planned from the content read while loading: a photo replaced since then
        // would be published under another photo's name.
        if images.entries[photo.source]?.stamp != stamp {
            let header: PhotoHeader
            do {
                header = try Photo.header(of: bytes, limits: limits)
            } catch {
                return PhotoProblem(error, path: photo.source)
            }
            guard photo == PublishedPhoto.plan(source: photo.source, header: header, digest: ContentDigest.sha256(bytes),
                                               sizes: sizes) else {
                return .changedWhileBuilding(path: photo.source)
            }
        }
        // Each copy is made from the smallest already made that is at least as wide.
        let order = photo.makingOrder
        do {
            var source = try Photo.decode(bytes, width: order[0].width, height: order[0].height)
            for rendition in order {
                if rendition.width < source.width {
                    source = try source.resized(width: rendition.width, height: rendition.height)
                }
                let encoded = try source.encoded(width: rendition.width, height: rendition.height, as: rendition.encoding,
                                                 quality: rendition.quality, effort: sizes.webpEffort)
                do {
                    try cache.store(encoded, for: rendition, in: photo)
                } catch {
                    return .cacheNotWritable(folder: cache.folder, reason: "\(error)")
                }
            }
        } catch {
            return PhotoProblem(error, path: photo.source)
        }
        return nil
    }
}

/// Counts finished photos from many threads and reports each step.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance() {
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        report?(now, total)
    }
}
