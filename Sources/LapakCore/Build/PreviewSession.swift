import Dispatch
import Synchronization

/// The site as `lapak serve` holds it: the last good build kept in memory, planned but not
/// rendered, each file made when it is asked for. A rebuild re-parses only the content files that
/// changed (`ParseCache`) and plans the whole site again, so what it serves is what
/// `Builder.build()` would write, without writing fifteen thousand files after every save.
///
/// Errors of loading, assembling and planning are reported by `rebuild()`, as a build reports
/// them. Run-time template errors, which a build finds by rendering everything, are found when the
/// page is asked for (`PreviewFile.render()`).
public final class PreviewSession: Sendable {
    public let options: BuildOptions
    private let cache: ParseCache
    private let current = Mutex<PreviewSnapshot?>(nil)
    /// Held for a whole rebuild: the parse cache follows one load at a time.
    private let rebuilding = Mutex(())
    /// Replaced sites, freed on another thread a second later: taking apart ten thousand
    /// products' views and pages takes tens of milliseconds, which the reload and the request
    /// that follows it should not wait for.
    private let retired = Mutex<[PreviewSnapshot]>([])
    /// Whether the last rebuild patched the site (`PreviewPatch`) rather than planning it again.
    private let patched = Mutex(false)
    var lastRebuildPatched: Bool { patched.withLock { $0 } }
    /// What is being served.
    var served: Builder.PreparedSite? { current.withLock { $0 }?.prepared }

    public convenience init(options: BuildOptions) {
        self.init(options: options, cache: ParseCache())
    }

    init(options: BuildOptions, cache: ParseCache) {
        self.options = options
        self.cache = cache
    }

    /// Loads and plans the site again. When it has no errors it replaces what is served
    /// (`written` is then true); otherwise the previous good site stays, for its assets.
    /// `changes` is what a file watcher saw since the last rebuild: when it names only content
    /// files written in place, only those are read (`QuickReload`); otherwise every file's stamp
    /// is checked.
    public func rebuild(changes: ChangeSet = .unknown) -> BuildReport {
        rebuilding.withLock { _ in
            cache.expect(changes)
            let clock = ContinuousClock()
            let started = clock.now
            var report = BuildReport(diagnostics: [])
            if case .written(let written) = changes, let previous = current.withLock({ $0 }),
               let (snapshot, patchedReport) = PreviewPatch(previous: previous, options: options).apply(written: written, cache: cache) {
                serve(snapshot)
                report = patchedReport
                patched.withLock { $0 = true }
            } else {
                report = fullRebuild()
                patched.withLock { $0 = false }
            }
            if options.strict {
                report.diagnostics = report.diagnostics.map { $0.severity == .warning ? $0.with(severity: .error) : $0 }
            }
            let elapsed = clock.now - started
            report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return report
        }
    }

    /// Load, assemble and plan everything again (only changed files are parsed again).
    private func fullRebuild() -> BuildReport {
        var report = BuildReport(diagnostics: [])
        var builder = Builder(options: options)
        builder.parseCache = cache
        builder.previousViews = current.withLock { $0 }?.prepared.views
        if let prepared = builder.prepare(into: &report), !hasErrors(report) {
            var phases = PhaseClock()
            let snapshot = PreviewSnapshot(prepared: prepared, builder: builder,
                                           siteRoot: FileSystem.realPath(options.sourceDirectory) ?? options.sourceDirectory,
                                           diagnostics: report.diagnostics)
            phases.mark("preview index")
            serve(snapshot)
            report.written = true
            report.files = prepared.jobs.count
        }
        return report
    }

    private func serve(_ snapshot: PreviewSnapshot) {
        current.withLock { current in
            // Moved, not copied, so that the freeing thread holds the last reference.
            if let previous = current { retired.withLock { $0.append(previous) } }
            current = snapshot
        }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 1) { [self] in
            _ = retired.withLock { retired in
                defer { retired = [] }
                return retired
            }
        }
    }

    /// Content files parsed and images read by the last rebuild; the others came from the cache.
    var lastLoad: (filesParsed: Int, imagesRead: Int) { cache.lastLoad }

    /// Finds what a request path names, as a web server would in the built folder: `""` and
    /// paths ending in `/` are their `index.html`; a folder named without its slash is `.folder`
    /// with the address to redirect to.
    public func lookup(_ relative: String) -> PreviewLookup {
        guard let snapshot = current.withLock({ $0 }) else { return .missing }
        if relative.isEmpty || relative.hasSuffix("/") {
            return snapshot.file(relative + "index.html").map(PreviewLookup.file) ?? .missing
        }
        if snapshot.isFolder(relative) { return .folder("/" + relative + "/") }
        return snapshot.file(relative).map(PreviewLookup.file) ?? .missing
    }

    /// The site being served (the last good build), for the editor's choices of category and producer.
    public var site: Site? {
        current.withLock { $0 }?.prepared.site
    }

    /// Every path the current site has, as `Builder.build()` would write them.
    public var paths: [String] {
        current.withLock { $0 }?.prepared.jobs.map(\.path) ?? []
    }

    private func hasErrors(_ report: BuildReport) -> Bool {
        report.diagnostics.contains { $0.severity == .error || (options.strict && $0.severity == .warning) }
    }
}

public enum PreviewLookup: Sendable {
    case file(PreviewFile)
    /// A folder asked for without its slash: relative links on its page need the slash.
    case folder(String)
    case missing
}

/// One good build, planned: its jobs by output path. Never changed once made; a rebuild makes
/// a new one, so a request that started on this one finishes on it.
final class PreviewSnapshot: Sendable {
    let prepared: Builder.PreparedSite
    let builder: Builder
    /// The site folder with every link resolved: copied files must stay inside it.
    let siteRoot: String
    /// What the rebuild that made it reported (warnings; errors keep the previous snapshot).
    let diagnostics: [Diagnostic]
    private let jobs: [String: Int]
    /// Every folder of the output, made the first time a path without a slash is asked for.
    private let folders = Mutex<Set<String>?>(nil)

    /// `previous`: a snapshot of the same files (the site was patched), whose index of paths is kept.
    init(prepared: Builder.PreparedSite, builder: Builder, siteRoot: String, diagnostics: [Diagnostic],
         reusing previous: PreviewSnapshot? = nil) {
        self.prepared = prepared
        self.builder = builder
        self.siteRoot = siteRoot
        self.diagnostics = diagnostics
        // Paths are unique here: the plan reported any collision as an error.
        jobs = previous?.jobs
            ?? Dictionary(prepared.jobs.indices.map { (prepared.jobs[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func file(_ path: String) -> PreviewFile? {
        jobs[path].map { PreviewFile(path: path, snapshot: self, job: $0) }
    }

    func isFolder(_ path: String) -> Bool {
        folders.withLock { folders in
            if folders == nil {
                var all = Set<String>()
                for path in jobs.keys {
                    var folder = Substring(path)
                    while let slash = folder.lastIndex(of: "/") {
                        folder = folder[..<slash]
                        if !all.insert(String(folder)).inserted { break }
                    }
                }
                folders = all
            }
            return folders?.contains(path) ?? false
        }
    }
}
