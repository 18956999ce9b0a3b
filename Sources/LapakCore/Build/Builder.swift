import Dispatch
import Foundation
import Templates

public struct BuildOptions: Sendable {
    public var sourceDirectory: String
    /// Defaults to `SOURCE/site`.
    public var outputDirectory: String?
    public var includeDrafts = false
    public var baseURL: String?
    /// Warnings count as errors.
    public var strict = false

    public init(sourceDirectory: String, outputDirectory: String? = nil, includeDrafts: Bool = false,
                baseURL: String? = nil, strict: Bool = false) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.strict = strict
    }

    public var resolvedOutput: String { outputDirectory ?? sourceDirectory + "/site" }
}

/// What a build did: counts for the summary line, and every diagnostic.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pages = 0
    public var products = 0
    public var news = 0
    public var files = 0
    public var seconds = 0.0
    /// True when the new site was swapped in.
    public var written = false

    public var succeeded: Bool { written && !diagnostics.contains { $0.severity == .error } }
}

/// Load → Site → Plan → Render → Write, with every problem reported and nothing written on error.
public struct Builder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    public func build() -> BuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        var report = BuildReport(diagnostics: [])
        let result = renderSite(into: &report)
        if let result, !hasErrors(report) {
            write(result, into: &report)
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

    /// Everything the output folder will hold, rendered in memory.
    struct RenderedSite {
        var files: [(path: String, bytes: [UInt8])] = []
        var copies: [(path: String, source: String)] = []
    }

    func renderSite(into report: inout BuildReport) -> RenderedSite? {
        let source = options.sourceDirectory
        if let problem = outputProblem() {
            report.diagnostics.append(.error(problem, at: SourceLocation(file: "--output")))
            return nil
        }
        let loader = ContentLoader(sourceDirectory: source,
                                   options: LoadOptions(includeDrafts: options.includeDrafts, baseURLOverride: options.baseURL))
        let (loaded, loadDiagnostics) = loader.load()
        report.diagnostics += loadDiagnostics
        guard let loaded else { return nil }
        let (site, siteDiagnostics) = Site.assemble(loaded)
        report.diagnostics += siteDiagnostics
        let (theme, themeDiagnostics) = Theme.load(sourceDirectory: source, config: site.config)
        report.diagnostics += themeDiagnostics
        guard let theme, !hasErrors(report) else { return nil }

        let views = Views(site: site)
        let extensions = HostExtensions.make(site: site, views: views, strings: theme.strings)
        let environment = Environment(loader: theme.templates, extensions: extensions)
        do {
            try environment.loadAll()
        } catch {
            report.diagnostics += error.errors.map { Self.diagnostic($0, theme: site.config.theme, source: source) }
            return nil
        }
        let plan = PagePlan(site: site, views: views, strings: theme.strings,
                            shareImage: shareImage(site: site, theme: theme, into: &report)).pages()
        let rendered = parallelMap(plan) { page -> Result<String, TemplateError> in
            do { return .success(try environment.render(page.template, context: page.context)) } catch let error as TemplateError {
                return .failure(error)
            } catch {
                return .failure(TemplateError(name: page.template, line: 0, column: 0, message: "\(error)"))
            }
        }
        var output = RenderedSite()
        var seen: [String: String] = [:]
        for (page, result) in zip(plan, rendered) {
            switch result {
            case .success(let html):
                let file = Routes.file(for: page.route)
                if let other = seen[file] {
                    report.diagnostics.append(.error(.pathCollision(path: "/" + page.route, otherFile: other),
                                                     at: SourceLocation(file: page.template)))
                    continue
                }
                seen[file] = page.template
                output.files.append((file, Array(html.utf8)))
            case .failure(let error):
                report.diagnostics.append(Self.diagnostic(error, theme: site.config.theme, source: source))
            }
        }
        // Only the first of identical runtime errors matters; one broken card would repeat on every page.
        report.diagnostics = Self.unique(report.diagnostics)

        output.files += machineOutputs(site: site, views: views, plan: plan, into: &report)
        for (path, source) in theme.staticFiles {
            switch source {
            case .embedded(let bytes): output.files.append((path, bytes))
            case .file(let file): output.copies.append((path, file))
            }
        }
        for path in site.images.entries.keys.sorted() {
            output.copies.append((path, source + "/content/" + path))
        }
        report.pages = plan.count
        report.products = site.products.count
        report.news = site.news.count
        return output
    }

    /// Feeds, catalogs, sitemap and robots.txt: formats fixed by their specifications, so their
    /// templates are Lapak's own rather than the theme's.
    private func machineOutputs(site: Site, views: Views, plan: [PlannedPage],
                                into report: inout BuildReport) -> [(path: String, bytes: [UInt8])] {
        let routes = views.routes
        let environment = Environment(loader: InMemoryLoader(FeedTemplates.all))
        let news = NewsFeeds(site: site, views: views)
        let catalog = Catalog(site: site, routes: routes)
        var jobs: [(path: String, template: String, context: [String: Value])] = [
            (Routes.productsFeed, "products.json", ["feed": ProductFeed.value(site: site, views: views)]),
            ("feed.json", "feed.json", ["feed": news.jsonFeed]),
            ("atom.xml", "atom.xml", news.atomContext),
            ("katalog.xml", "katalog.xml", [
                "title": .string(site.config.title), "link": .string(site.config.baseURL),
                "description": .string(site.config.description.isEmpty ? site.config.title : site.config.description),
                "items": .array(catalog.xmlContext),
            ]),
        ]
        jobs += Sitemap.files(pages: plan, routes: routes, fallback: site.newestDate)
        var files: [(path: String, bytes: [UInt8])] = []
        for job in jobs {
            do {
                files.append((job.path, Array(try environment.render(job.template, context: job.context).utf8)))
            } catch {
                report.diagnostics.append(.error(.template(message: "\(error)"), at: SourceLocation(file: job.path)))
            }
        }
        files.append(("katalog.csv", Array(catalog.csv.utf8)))
        files.append(("robots.txt", Array(Sitemap.robots(routes: routes).utf8)))
        return files
    }

    /// `image` of site.yml when set, else the theme's `og-image.png`, with its pixel size.
    private func shareImage(site: Site, theme: Theme, into report: inout BuildReport) -> Value {
        let routes = Routes(config: site.config)
        if let written = site.config.image {
            if case .found(let key, let entry) = site.images.lookup(written) {
                return .dictionary(OrderedMapping([
                    ("url", .string(routes.absolute(key))), ("width", entry.width.asValue),
                    ("height", entry.height.asValue), ("alt", .string(site.config.title)),
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

    private func write(_ site: RenderedSite, into report: inout BuildReport) {
        let staged: StagedOutput
        do {
            staged = try StagedOutput(destination: options.resolvedOutput)
        } catch {
            report.diagnostics.append(.error(.writeFailed(reason: "\(error)"), at: SourceLocation(file: options.resolvedOutput)))
            return
        }
        let failures = parallelMap(Array(site.files.indices) + Array(site.copies.indices).map { -1 - $0 }) { index -> String? in
            do {
                if index >= 0 {
                    try staged.write(site.files[index].path, bytes: site.files[index].bytes)
                } else {
                    let copy = site.copies[-1 - index]
                    try staged.copy(from: copy.source, to: copy.path)
                }
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            staged.abandon()
            report.diagnostics.append(.error(.writeFailed(reason: failure), at: SourceLocation(file: options.resolvedOutput)))
            return
        }
        do {
            try staged.commit()
            report.written = true
            report.files = site.files.count + site.copies.count
        } catch {
            staged.abandon()
            report.diagnostics.append(.error(.writeFailed(reason: "\(error)"), at: SourceLocation(file: options.resolvedOutput)))
        }
    }

    /// The output folder must not be the site folder itself, nor hold or sit inside its sources.
    private func outputProblem() -> Problem? {
        let output = URL(fileURLWithPath: options.resolvedOutput).standardizedFileURL.path
        let source = URL(fileURLWithPath: options.sourceDirectory).standardizedFileURL.path
        for protected in [source, source + "/content", source + "/themes"] {
            if output == protected || FileSystem.isInside(output, protected + "/") || FileSystem.isInside(protected, output) {
                if output == source + "/site" { continue }
                return .outputInsideContent
            }
        }
        return nil
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
