import Foundation
import Synchronization

/// What `lapak serve` keeps between two loads of the same site, so that a rebuild after one saved
/// file parses that file and nothing else: each content file's parse result and each image's pixel
/// size, each valid while the file's stamp (size, times, inode) is unchanged.
///
/// A parse result also depends on things outside its file: `site.yml` (the base path links are
/// rewritten to), the image index (front matter images are looked up in it, with their sizes)
/// and the load options. When any of them differs from the previous load, every result is dropped.
///
/// `ContentLoader` calls it at five points of a load, in this order: `beginLoad`, `knownImage`
/// (per image, before reading it), `rememberImages`, `knownResult` (per file, before reading it),
/// `rememberResults`. Stamps are always taken before the file is read, so a file that changes while
/// it is read is stamped older than what was read, and is read again next time.
final class ParseCache: Sendable {
    /// A file counts as settled once its last change (ctime) is this far behind the load:
    /// timestamps come from a coarse clock, so a file saved twice within one tick, at the same
    /// size, keeps its stamp. Files changed more recently are read again on every load.
    private let recentWindow: Int64

    private struct ResultRecord {
        let stamp: FileStamp
        let result: ContentParser.Result
    }

    private struct ImageRecord {
        let stamp: FileStamp
        let entry: ImageIndex.Entry
        /// Unsettled images are kept only to tell whether the index changed; their size is read again.
        let settled: Bool

        func same(as other: ImageRecord) -> Bool {
            stamp == other.stamp && entry == other.entry
        }
    }

    /// Everything a parse result depends on besides its own file.
    private struct Dependencies: Equatable {
        let siteYAML: [UInt8]
        /// `LoadOptions` described field by field, so a field added later is compared too.
        let options: String
        /// Counts the loads whose image index (paths, stamps, sizes) differed from the one before.
        let imageIndexVersion: Int
    }

    private struct State {
        /// The last load, and what the watcher says changed since (`expect`); used once.
        var snapshot: LoadSnapshot?
        var expected: ChangeSet = .unknown
        var results: [String: ResultRecord] = [:]
        var resultsDependencies: Dependencies?
        var images: [String: ImageRecord] = [:]
        var imageIndexVersion = 0

        // The load in progress. Hits need no bookkeeping: their record stays as it is.
        var loadStarted: Int64 = 0
        var siteYAML: [UInt8]?
        var options = ""
        var dependencies: Dependencies?
        var resultsUsable = false
        var resultHits = 0
        var imageMisses: [String: FileStamp?] = [:]
        var resultMisses: [String: FileStamp?] = [:]
        var filesParsed = 0
        var imagesRead = 0
    }

    private let state = Mutex(State())

    /// `recentWindow` is how long after its last change a file is trusted by its stamp alone;
    /// tests that write files and rebuild at once pass zero and change the size of what they edit.
    init(recentWindow: Duration = .seconds(2)) {
        let (seconds, attoseconds) = recentWindow.components
        self.recentWindow = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// What the next load may assume changed since the last one, as the file watcher saw it.
    func expect(_ changes: ChangeSet) {
        state.withLock { $0.expected = changes }
    }

    func rememberLoad(_ snapshot: LoadSnapshot) {
        state.withLock { $0.snapshot = snapshot }
    }

    /// The load made from the last one, when the watcher says only known content files were
    /// written in place (see `QuickReload`); nil when a full load is needed.
    func quickReload(with loader: ContentLoader) -> (LoadedContent, [Diagnostic])? {
        let (snapshot, expected) = state.withLock { state in
            defer { state.expected = .unknown }
            return (state.snapshot, state.expected)
        }
        guard let snapshot, case .written(let written) = expected,
              let (content, diagnostics, next) = loader.quickReload(from: snapshot, written: written) else { return nil }
        state.withLock { state in
            state.snapshot = next
            // Their stamps are no longer what was parsed: a later full load reads them again.
            for path in written { state.results.removeValue(forKey: path) }
            state.filesParsed = written.filter { !$0.hasPrefix("themes/") }.count
            state.imagesRead = 0
        }
        return (content, diagnostics)
    }

    /// The last load's snapshot, for a rebuild that patches the site instead of loading it.
    var lastSnapshot: LoadSnapshot? { state.withLock { $0.snapshot } }

    /// Files parsed outside a load (`PreviewPatch`), made part of the last load's snapshot, so
    /// the next quick reload starts from them and a full load reads them again.
    func rememberPatched(_ results: [String: ContentParser.Result]) {
        state.withLock { state in
            state.expected = .unknown
            guard let jobs = state.snapshot?.jobs else { return }
            // In place: the snapshot's list of twelve thousand results is not copied for one.
            for (path, result) in results {
                guard let index = jobs.firstIndex(where: { $0.path == path }) else { continue }
                state.snapshot?.results[index] = result
            }
            for path in results.keys { state.results.removeValue(forKey: path) }
            state.filesParsed = results.count
            state.imagesRead = 0
        }
    }

    /// Files parsed and images read by the last load (the rest came from the cache).
    var lastLoad: (filesParsed: Int, imagesRead: Int) {
        state.withLock { ($0.filesParsed, $0.imagesRead) }
    }

    /// Called first, before `site.yml` is read, so that its bytes here are never newer than the
    /// configuration the parser uses.
    func beginLoad(sourceDirectory: String, options: LoadOptions) {
        let siteYAML = try? FileSystem.readBytes(sourceDirectory + "/content/site.yml")
        let now = FileStamp.wallClockNanoseconds()
        state.withLock { state in
            state.loadStarted = now
            state.siteYAML = siteYAML
            state.options = String(describing: options)
            state.dependencies = nil
            state.resultsUsable = false
            state.resultHits = 0
            state.imageMisses = [:]
            state.resultMisses = [:]
            state.filesParsed = 0
            state.imagesRead = 0
        }
    }

    /// The size of an unchanged image, or nil when it must be read.
    func knownImage(_ path: String, in directory: String) -> ImageIndex.Entry? {
        let stamp = FileStamp(path: directory + "/" + path)
        return state.withLock { state in
            if let stamp, let known = state.images[path], known.settled, known.stamp == stamp { return known.entry }
            state.imageMisses[path] = stamp
            return nil
        }
    }

    /// Keeps what was read of the images, and decides whether the parse results of the previous
    /// load still hold: only if `site.yml`, the options and the image index are as they were.
    func rememberImages(_ files: [String], _ entries: [ImageIndex.Entry]) {
        state.withLock { state in
            var changed = false
            if !state.imageMisses.isEmpty {
                for (path, entry) in zip(files, entries) {
                    guard let miss = state.imageMisses[path] else { continue }
                    guard let stamp = miss else {
                        // Gone between listing and reading: the index has it without a size.
                        state.images.removeValue(forKey: path)
                        changed = true
                        continue
                    }
                    let record = ImageRecord(stamp: stamp, entry: entry, settled: stamp.isSettled(at: state.loadStarted, window: recentWindow))
                    if let previous = state.images[path], previous.same(as: record) {} else { changed = true }
                    state.images[path] = record
                }
            }
            if state.images.count != files.count {
                // Images removed (or unreadable): forget them.
                let listed = Set(files)
                state.images = state.images.filter { listed.contains($0.key) }
                changed = true
            }
            if changed { state.imageIndexVersion += 1 }
            state.imagesRead = state.imageMisses.count
            guard let siteYAML = state.siteYAML else { return }
            let dependencies = Dependencies(siteYAML: siteYAML, options: state.options, imageIndexVersion: state.imageIndexVersion)
            state.resultsUsable = dependencies == state.resultsDependencies
            state.dependencies = dependencies
        }
    }

    /// The parse result of an unchanged file, or nil when it must be parsed.
    func knownResult(_ path: String, in sourceDirectory: String) -> ContentParser.Result? {
        let stamp = FileStamp(path: sourceDirectory + "/" + path)
        return state.withLock { state in
            if state.resultsUsable, let stamp, let known = state.results[path], known.stamp == stamp {
                state.resultHits += 1
                return known.result
            }
            state.resultMisses[path] = stamp
            return nil
        }
    }

    /// Keeps the results of this load's settled files; files no longer listed are forgotten.
    func rememberResults(_ paths: [String], _ results: [ContentParser.Result]) {
        state.withLock { state in
            state.filesParsed = state.resultMisses.count
            guard let dependencies = state.dependencies else {
                state.results = [:]
                state.resultsDependencies = nil
                return
            }
            if !state.resultsUsable { state.results = [:] }
            var kept = state.resultHits
            if !state.resultMisses.isEmpty {
                for (path, result) in zip(paths, results) {
                    guard let miss = state.resultMisses[path] else { continue }
                    if let stamp = miss, stamp.isSettled(at: state.loadStarted, window: recentWindow) {
                        state.results[path] = ResultRecord(stamp: stamp, result: result)
                        kept += 1
                    } else {
                        state.results.removeValue(forKey: path)
                    }
                }
            }
            if state.results.count != kept {
                // Files removed since the last load.
                let listed = Set(paths)
                state.results = state.results.filter { listed.contains($0.key) }
            }
            state.resultsDependencies = dependencies
            state.imageMisses = [:]
            state.resultMisses = [:]
        }
    }
}

/// A file's identity and version as `stat` sees it, following symbolic links as reading does.
struct FileStamp: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    /// Set by the kernel on every change of content or metadata, never by tools that copy times.
    let changed: Int64
    var isRegularFile = true

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether any later change is sure to give a different stamp.
    func isSettled(at now: Int64, window: Int64) -> Bool {
        changed < now - window
    }

    static func wallClockNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
