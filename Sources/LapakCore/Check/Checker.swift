/// `lapak check`: every validation of the build, without writing anything, and then the checks
/// that only a careful reader would make (links, photos' locations and sizes, duplicates, dates).
public enum Checker {
    public static func run(_ options: CheckOptions) -> CheckReport {
        var buildOptions = BuildOptions(sourceDirectory: options.sourceDirectory, includeDrafts: options.includeDrafts)
        // Every photo's header is read (and must be a photo), none is decoded: that is the build's work.
        buildOptions.processesPhotos = false
        buildOptions.unsaved = options.unsaved
        let builder = Builder(options: buildOptions)
        var build = BuildReport(diagnostics: [])
        var observed: (site: Site, theme: Theme?)?
        let rendered = builder.renderSite(into: &build) { observed = ($0, $1) }
        var diagnostics = build.diagnostics
        let sources = SourceFiles(root: options.sourceDirectory)
        var counts = CheckReport.Counts()
        var readiness: [ChannelReadiness] = []
        var untranslated: [(language: String, files: [String])] = []
        if let (site, theme) = observed {
            let brokenFiles = diagnostics.filter { $0.severity == .error }.map(\.location.file)
            let outputs = SiteOutputs(site: site, theme: theme, rendered: rendered, brokenFiles: brokenFiles)
            let editions = site.editions
            diagnostics += LinkCheck(editions: editions, outputs: outputs, sources: sources).run()
            diagnostics += PhotoCheck.run(site: site, sizes: site.config.photos)
            diagnostics += DuplicateProductCheck.run(site: site, sources: sources)
            diagnostics += IdleProducerCheck.run(site: site, sources: sources)
            diagnostics += FutureNewsCheck.run(site: site, now: options.now, sources: sources)
            diagnostics += ChannelCheck.run(site: site, now: options.now, sources: sources)
            counts = .init(products: site.products.count, producers: site.producers.count,
                           news: site.news.count, pages: site.pages.count)
            readiness = ChannelCheck.readiness(site: site, diagnostics: diagnostics)
            untranslated = editions.dropFirst().map { ($0.language, $0.untranslated.sorted()) }
        }
        let sorted = DiagnosticList(Builder.unique(diagnostics)).sorted
        let entries = sorted.map { CheckReport.Entry(diagnostic: $0, sourceLine: sources.line(at: $0.location)) }
        return CheckReport(entries: entries, counts: counts, readiness: readiness, untranslated: untranslated)
    }

    /// Diagnostics from elsewhere (a preview build) with the lines they point at, for display.
    public static func report(_ diagnostics: [Diagnostic], sourceDirectory: String) -> CheckReport {
        let sources = SourceFiles(root: sourceDirectory)
        return CheckReport(entries: DiagnosticList(diagnostics).sorted.map {
            CheckReport.Entry(diagnostic: $0, sourceLine: sources.line(at: $0.location))
        })
    }
}
