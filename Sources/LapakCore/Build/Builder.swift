import CSystem
import Dispatch
import Foundation
import Imaging
import Templates

public struct BuildOptions: Sendable {
    public var sourceDirectory: String
    /// Defaults to `SOURCE/site`.
    public var outputDirectory: String?
    public var includeDrafts = false
    public var baseURL: String?
    /// Warnings count as errors.
    public var strict = false
    /// False for a process that exits right after the build (`lapak build`): the site model is
    /// then left for the exit to reclaim instead of being taken apart object by object, which at
    /// 10,000 products takes about a tenth of a second.
    public var releasesMemory = true
    /// Where processed photos are kept between builds; nil for `SOURCE/.lapak/cache`.
    public var cacheDirectory: String?
    /// False for `lapak check`, which reads every photo's header but decodes none.
    public var processesPhotos = true
    /// A file read as it would be saved instead of as it is on disk.
    public var unsaved: UnsavedFile?
    /// Called as photos are made, with (done, total), from any thread.
    public var photoProgress: (@Sendable (Int, Int) -> Void)?

    public init(sourceDirectory: String, outputDirectory: String? = nil, includeDrafts: Bool = false,
                baseURL: String? = nil, strict: Bool = false) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.strict = strict
    }

    public var resolvedOutput: String { outputDirectory ?? sourceDirectory + "/site" }
    public var resolvedCacheDirectory: String { cacheDirectory ?? PhotoCache.defaultFolder(sourceDirectory: sourceDirectory) }
}

/// What a build did: counts for the summary line, and every diagnostic.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pages = 0
    public var products = 0
    public var news = 0
    public var files = 0
    /// Photos published, and of those how many were made now rather than taken from the cache.
    public var photos = 0
    public var photosProcessed = 0
    public var seconds = 0.0
    /// True when the new site was swapped in.
    public var written = false

    public var succeeded: Bool { written && !diagnostics.contains { $0.severity == .error } }
}

/// Load → Site → Plan → Render → Write, with every problem reported and nothing written on error.
public struct Builder: Sendable {
    public let options: BuildOptions
    /// `lapak serve` only (see `PreviewSession`): parse results kept from the previous build.
    var parseCache: ParseCache?
    /// `lapak serve` only: the previous build's views, whose unchanged product values are kept.
    var previousViews: Views?

    public init(options: BuildOptions) { self.options = options }

    public func build() -> BuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        var report = BuildReport(diagnostics: [])
        if let prepared = prepare(into: &report), !hasErrors(report) {
            write(prepared, into: &report)
            if !options.releasesMemory { ProcessLifetime.keep(prepared) }
        }
        if options.strict {
            report.diagnostics = report.diagnostics.map { $0.severity == .warning ? $0.with(severity: .error) : $0 }
        }
        let elapsed = clock.now - started
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return report
    }

    private func hasErrors(_ report: BuildReport) -> Bool {
        report.diagnostics.contains { $0.severity == .error || (options.strict && $0.severity == .warning) }
    }

    /// A site ready to render: every page and file it will write, as jobs, with nothing rendered yet.
    struct PreparedSite: Sendable {
        /// The site and its views in its first language.
        let site: Site
        let views: Views
        /// Every page of every language, each language's after the one before.
        let plan: [PlannedPage]
        let jobs: [OutputJob]
        /// One per language, by `PlannedPage.edition`: the theme's strings and formats differ.
        let pageEnvironments: [Environment]
        /// One per language, by `PlannedPage.edition`: what each page and feed is made from.
        let pagePlans: [PagePlan]
        let feedEnvironment: Environment
        let photos: PhotoReferences
        let photoCache: PhotoCache
        let photoProcessor: PhotoProcessor
        /// The printed pages' QR codes, kept between builds.
        let qrCodes: QRCodeStore

        /// The same pages and files made from an edited site (`PreviewPatch`).
        func replacing(site: Site, views: Views, plans: [PagePlan], environments: [Environment],
                       photos: PhotoReferences) -> PreparedSite {
            PreparedSite(site: site, views: views, plan: plan, jobs: jobs, pageEnvironments: environments, pagePlans: plans,
                         feedEnvironment: feedEnvironment, photos: photos, photoCache: photoCache,
                         photoProcessor: photoProcessor, qrCodes: qrCodes)
        }

        /// Where the cache holds a photo's copy, made now if it is not there yet (in `lapak
        /// serve`, which makes each photo when it is first asked for).
        func photoPath(_ rendition: Rendition, of photo: PublishedPhoto) throws -> String {
            let path = photoCache.path(of: rendition, in: photo)
            if FileSystem.exists(path) { return path }
            if let problem = photoProcessor.make(photo) { throw PhotoError(problem: problem) }
            return path
        }
    }

    /// A photo that could not be made while its copy was being written.
    struct PhotoError: Error {
        let problem: PhotoProblem
    }

    /// Load → Site → theme → plan. `observe` sees the assembled site and its theme even when the
    /// content has errors, so `lapak check` can go further than the build without loading twice.
    func prepare(into report: inout BuildReport, observe: ((Site, Theme?) -> Void)? = nil) -> PreparedSite? {
        let source = options.sourceDirectory
        if let problem = outputProblem() {
            report.diagnostics.append(.error(problem, at: SourceLocation(file: "--output")))
            return nil
        }
        var loadOptions = LoadOptions(includeDrafts: options.includeDrafts, baseURLOverride: options.baseURL)
        let photoCache = PhotoCache(folder: options.resolvedCacheDirectory)
        loadOptions.photoCache = photoCache
        loadOptions.unsaved = options.unsaved
        var loader = ContentLoader(sourceDirectory: source, options: loadOptions)
        loader.parseCache = parseCache
        var phases = PhaseClock()
        let (loaded, loadDiagnostics) = loader.load()
        // Parsing left freed YAML trees and file buffers in malloc's arenas; hand them back
        // before the pages are planned and rendered. (Not in `serve`, whose rebuilds parse a
        // file or two and should not spend the time.)
        if parseCache == nil { lapak_release_free_memory() }
        phases.mark("load")
        report.diagnostics += loadDiagnostics
        guard let loaded else { return nil }
        let (site, siteDiagnostics) = Site.assemble(loaded)
        report.diagnostics += siteDiagnostics
        phases.mark("assemble")
        let (theme, themeDiagnostics) = Theme.load(sourceDirectory: source, config: site.config)
        report.diagnostics += themeDiagnostics
        observe?(site, theme)
        guard let theme, !hasErrors(report) else { return nil }
        let photos = PhotoReferences.collect(site)
        let processor = PhotoProcessor(cache: photoCache, sizes: site.config.photos, contentDirectory: source + "/content",
                                       siteRoot: FileSystem.realPath(source) ?? source, limits: loadOptions.photoLimits,
                                       images: site.images)
        if options.processesPhotos {
            makePhotos(photos, processor: processor, into: &report)
            phases.mark("photos")
            guard !hasErrors(report) else { return nil }
        }

        let shareImage = shareImage(site: site, theme: theme, into: &report)
        let qrCodes = QRCodeStore(file: options.resolvedCacheDirectory + "/qr-codes.tsv")
        // Each language is planned on its own: its own texts, strings, formats and addresses,
        // the same pages. The feeds and catalogs go first: they are the longest jobs, and
        // should not start last.
        var plan: [PlannedPage] = []
        var environments: [Environment] = []
        var pagePlans: [PagePlan] = []
        var jobs: [OutputJob] = []
        var firstViews: Views?
        for (index, edition) in site.editions.enumerated() {
            let views = index == 0 ? Views(site: edition, previous: previousViews) : Views(site: edition)
            if index == 0 { firstViews = views }
            phases.mark("views")
            let strings = theme.strings(for: edition.language)
            let environment = Environment(loader: theme.templates,
                                          extensions: HostExtensions.make(site: edition, views: views, strings: strings))
            do {
                try environment.loadAll()
            } catch {
                report.diagnostics += error.errors.map { Self.diagnostic($0, theme: site.config.theme, source: source) }
                return nil
            }
            environments.append(environment)
            let pagePlan = PagePlan(site: edition, views: views, strings: strings, shareImage: shareImage, qrCodes: qrCodes)
            pagePlans.append(pagePlan)
            var pages = pagePlan.pages()
            for page in pages.indices { pages[page].edition = index }
            jobs += OutputJob.machineOutputs(edition: index, routes: views.routes)
            plan += pages
            phases.mark("plan")
        }
        guard let views = firstViews else { return nil }
        let languageLinks = LanguageLinks.attach(to: &plan, config: site.config)
        jobs += OutputJob.siteIndex(site: site, plan: plan, links: languageLinks)
        jobs += plan.indices.map { OutputJob(path: Routes.file(for: plan[$0].route), origin: plan[$0].template, work: .page($0)) }
        for (path, file) in theme.staticFiles {
            let origin = "themes/\(site.config.theme)/static/\(path)"
            switch file {
            case .embedded(let bytes): jobs.append(OutputJob(path: path, origin: origin, work: .bytes(bytes)))
            case .file(let full): jobs.append(OutputJob(path: path, origin: origin, work: .copy(full)))
            }
        }
        // Photos only as their processed copies; other files (PDFs, SVGs) as they are.
        for photo in photos.photos {
            for rendition in photo.renditions {
                jobs.append(OutputJob(path: rendition.path, origin: "content/" + photo.source, work: .photo(photo, rendition)))
            }
        }
        for (path, entry) in site.images.entries.sorted(by: { $0.key < $1.key }) where !entry.isPhoto {
            jobs.append(OutputJob(path: path, origin: "content/" + path, work: .copy(source + "/content/" + path)))
        }
        phases.mark("machine outputs")
        report.diagnostics += OutputJob.collisions(jobs)
        report.pages = plan.count
        report.products = site.products.count
        report.news = site.news.count
        report.photos = photos.photos.count
        return PreparedSite(site: site, views: views, plan: plan, jobs: jobs, pageEnvironments: environments, pagePlans: pagePlans,
                            feedEnvironment: Environment(loader: InMemoryLoader(FeedTemplates.all)),
                            photos: photos, photoCache: photoCache, photoProcessor: processor, qrCodes: qrCodes)
    }

    /// Every output path, for `lapak check`'s link checker.
    struct RenderedSite {
        let paths: [String]
    }

    /// Prepares and renders the whole site without writing it: what `lapak check` needs to find
    /// run-time template errors and to know every address the site will have.
    func renderSite(into report: inout BuildReport, observe: ((Site, Theme?) -> Void)? = nil) -> RenderedSite? {
        guard let prepared = prepare(into: &report, observe: observe), !hasErrors(report) else { return nil }
        renderWithoutWriting(prepared, into: &report)
        return RenderedSite(paths: prepared.jobs.map(\.path))
    }

    /// Renders everything and throws it away: what `lapak check` needs to find run-time template errors.
    func renderWithoutWriting(_ prepared: PreparedSite, into report: inout BuildReport) {
        // Photos are not made here: `lapak check` reads their headers only.
        let failures = parallelMap(prepared.jobs) { job -> Diagnostic? in
            if case .photo = job.work { return nil }
            do { try job.stream(prepared) { _ in } } catch { return failure(error, job: job, prepared: prepared) }
            return nil
        }
        report.diagnostics = Self.unique(report.diagnostics + failures.compactMap { $0 })
        report.diagnostics += refusedURLs(prepared)
    }

    /// Renders and writes every job straight into the staging folder, on all cores, so no page is
    /// held in memory longer than it takes to write it; swaps the folder in only if all succeeded.
    private func write(_ prepared: PreparedSite, into report: inout BuildReport) {
        let staged: StagedOutput
        do {
            staged = try StagedOutput(destination: options.resolvedOutput)
        } catch {
            report.diagnostics.append(.error(.writeFailed(reason: "\(error)"), at: SourceLocation(file: options.resolvedOutput)))
            return
        }
        var phases = PhaseClock()
        let failures = parallelMap(prepared.jobs) { job -> Diagnostic? in
            do {
                try JobClock.shared.measure(job.kind) {
                    switch job.work {
                    case .copy(let source): try staged.copy(from: source, to: job.path)
                    case .photo(let photo, let rendition):
                        try staged.link(from: try prepared.photoPath(rendition, of: photo), to: job.path)
                    default: try staged.write(job.path) { emit in try job.stream(prepared, emit: emit) }
                    }
                }
                return nil
            } catch {
                return failure(error, job: job, prepared: prepared)
            }
        }
        report.diagnostics = Self.unique(report.diagnostics + failures.compactMap { $0 })
        report.diagnostics += refusedURLs(prepared)
        guard !hasErrors(report) else {
            staged.abandon()
            return
        }
        do {
            phases.mark("render and write")
            JobClock.shared.report()
            try staged.commit()
            phases.mark("swap")
            report.written = true
            report.files = prepared.jobs.count
            // The cache keeps what this site uses; what the sources were is kept for the next build.
            prepared.photoCache.prune(keeping: Set(prepared.photos.photos.map(\.cacheKey)), madeAny: report.photosProcessed > 0)
            prepared.photoCache.sources.save()
            prepared.qrCodes.save()
        } catch {
            staged.abandon()
            report.diagnostics.append(.error(.writeFailed(reason: "\(error)"), at: SourceLocation(file: options.resolvedOutput)))
        }
    }

    /// Makes the photos the cache lacks; a photo that cannot be made is an error at every line
    /// that names it.
    private func makePhotos(_ photos: PhotoReferences, processor: PhotoProcessor, into report: inout BuildReport) {
        let outcome = processor.ensure(photos.photos, progress: options.photoProgress)
        report.photosProcessed = outcome.processed
        for (photo, problem) in outcome.failures {
            for origin in photos.origins[photo.source] ?? [SourceLocation(file: "content/" + photo.source)] {
                report.diagnostics.append(.error(.photo(problem), at: origin))
            }
        }
    }

    func failure(_ error: any Error, job: OutputJob, prepared: PreparedSite) -> Diagnostic {
        if let error = error as? PhotoError, case .photo(let photo, _) = job.work {
            return .error(.photo(error.problem), at: prepared.photos.origins[photo.source]?.first ?? SourceLocation(file: job.origin))
        }
        if let error = error as? TemplateError {
            if case .page = job.work { return Self.diagnostic(error, theme: prepared.site.config.theme, source: options.sourceDirectory) }
            return .error(.template(message: error.description), at: SourceLocation(file: job.path))
        }
        return .error(.writeFailed(reason: "\(error)"), at: SourceLocation(file: options.resolvedOutput))
    }

    /// URLs the templates replaced, as warnings at the content field that holds each.
    private func refusedURLs(_ prepared: PreparedSite) -> [Diagnostic] {
        let warnings = prepared.pageEnvironments.flatMap { $0.takeWarnings() } + prepared.feedEnvironment.takeWarnings()
        guard !warnings.isEmpty else { return [] }
        return ValueOrigin.diagnostics(for: warnings, site: prepared.site, theme: prepared.site.config.theme)
    }

    /// `image` of site.yml when set, else the theme's `og-image.png`, with its pixel size.
    private func shareImage(site: Site, theme: Theme, into report: inout BuildReport) -> Value {
        let routes = Routes(config: site.config)
        if let written = site.config.image {
            if case .found(let key, let entry) = site.images.lookup(written) {
                if let failure = entry.failure {
                    report.diagnostics.append(.error(.photo(PhotoProblem(failure, path: key)), at: SourceLocation(file: "content/site.yml")))
                    return .none
                }
                // Link previews show the JPEG: every app that unfurls links reads it.
                let url = entry.photo.map { routes.absolute($0.jpeg.path) } ?? routes.absolute(key)
                return .dictionary(OrderedMapping([
                    ("url", .string(url)), ("width", (entry.photo?.jpeg.width ?? entry.width).asValue),
                    ("height", (entry.photo?.jpeg.height ?? entry.height).asValue), ("alt", .string(site.config.title)),
                ]))
            }
            report.diagnostics.append(.error(.missingImage(path: written), at: SourceLocation(file: "content/site.yml")))
        }
        guard let (path, source) = theme.staticFiles.first(where: { $0.path == "og-image.png" }) else { return .none }
        let bytes: [UInt8]
        switch source {
        case .embedded(let embedded): bytes = embedded
        case .file(let file): bytes = (try? FileSystem.readBytes(file)) ?? []
        }
        let size = ImageSize.read(bytes)
        return .dictionary(OrderedMapping([
            ("url", .string(routes.absolute(path))), ("width", size.map { .int($0.width) } ?? .none),
            ("height", size.map { .int($0.height) } ?? .none), ("alt", .string(site.config.title)),
        ]))
    }

    /// The output folder must not sit inside `content/` or `themes/`, nor be or hold the site
    /// folder: swapping it in would replace the sources. Any other place, `site/` or `public/`
    /// inside the site folder included, is fine.
    private func outputProblem() -> Problem? {
        let output = URL(fileURLWithPath: options.resolvedOutput).standardizedFileURL.path
        let source = URL(fileURLWithPath: options.sourceDirectory).standardizedFileURL.path
        for protected in [source + "/content", source + "/themes"] where FileSystem.isInside(output, protected) {
            return .outputInsideContent
        }
        return FileSystem.isInside(source, output) ? .outputInsideContent : nil
    }

    static func diagnostic(_ error: TemplateError, theme: String, source: String) -> Diagnostic {
        let file = "themes/\(theme)/templates/\(error.name)"
        var message = error.message
        if !error.chain.isEmpty {
            message += " (" + error.chain.map { "\($0.relation) \($0.name):\($0.line):\($0.column)" }.joined(separator: ", ") + ")"
        }
        return .error(.template(message: message), at: SourceLocation(file: file, line: error.line, column: error.column))
    }

    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
