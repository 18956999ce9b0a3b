import Foundation
import Imaging
import Markdown

/// Everything read from `content/`, typed and validated file by file.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var producers: [Producer]
    public var products: [Product]
    public var news: [NewsArticle]
    public var pages: [Page]
    public var images: ImageIndex
    /// Files with errors still count for references (see `ContentParser.Result.broken`): the
    /// producers they are, and the producers the products among them name.
    public var brokenProducers: Set<String> = []
    public var producersOfBrokenProducts: Set<String> = []
    /// By language, then by the original's path: the item in that language, where a translation
    /// file gives one. Items without a translation are shown in the first language.
    var translated: [String: [String: ParsedItem]] = [:]
    /// By language, then by the original's path: the translation file, where its problems are reported.
    var translationFiles: [String: [String: String]] = [:]
}

public struct LoadOptions: Sendable {
    public var includeDrafts = false
    public var baseURLOverride: String?
    public var limits = ContentLimits()
    public var photoLimits = PhotoLimits()
    /// Where processed photos and what is known of their sources are kept between builds.
    public var photoCache: PhotoCache?
    /// A content file as it would be saved, read instead of the file on disk (the editor's
    /// check before it writes).
    public var unsaved: UnsavedFile?

    public init(includeDrafts: Bool = false, baseURLOverride: String? = nil) {
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
    }
}

/// Reads a site folder's `content/`: every file once, in parallel, every problem reported.
public struct ContentLoader: Sendable {
    public let sourceDirectory: String
    public let options: LoadOptions
    /// `lapak serve` only: results of the previous load, reused for files that did not change.
    var parseCache: ParseCache?

    public init(sourceDirectory: String, options: LoadOptions = LoadOptions()) {
        self.sourceDirectory = sourceDirectory
        self.options = options
    }

    var contentDirectory: String { sourceDirectory + "/content" }

    public func load() -> (content: LoadedContent?, diagnostics: [Diagnostic]) {
        if let (content, diagnostics) = parseCache?.quickReload(with: self) { return (content, diagnostics) }
        var diagnostics: [Diagnostic] = []
        var phases = PhaseClock()
        let siteRoot = FileSystem.realPath(sourceDirectory) ?? sourceDirectory
        // Links out of the site are reported once and nothing behind them is read.
        let links = SymlinkGuard(folder: contentDirectory, shown: "content", siteRoot: siteRoot)
        diagnostics += links.diagnostics
        if links.excludes("content/site.yml") { return (nil, diagnostics) }
        parseCache?.beginLoad(sourceDirectory: sourceDirectory, options: options)
        guard let config = loadConfig(into: &diagnostics) else { return (nil, diagnostics) }

        phases.mark("  config")
        let images = loadImages(links: links, sizes: config.photos, into: &diagnostics)
        phases.mark("  images")
        var jobs: [(kind: ContentKind, path: String, name: String)] = []
        for kind in ContentKind.allCases {
            let folder = contentDirectory + "/" + kind.rawValue
            for entry in links.entries(of: folder) where !entry.isDirectory && entry.name.hasSuffix(".md") && !entry.name.hasPrefix(".") {
                let relative = "content/\(kind.rawValue)/\(entry.name)"
                if links.excludes(relative) { continue }
                jobs.append((kind, relative, entry.name))
            }
        }
        if let unsaved = options.unsaved, !jobs.contains(where: { $0.path == unsaved.path }),
           let kind = ContentKind.allCases.first(where: { unsaved.path.hasPrefix("content/\($0.rawValue)/") }) {
            jobs.append((kind, unsaved.path, String(unsaved.path.split(separator: "/").last ?? "")))
        }
        diagnostics += NameTwins.diagnostics(jobs.map(\.path))

        phases.mark("  list")
        let parser = ContentParser(images: images, markdown: markdownRenderer(basePath: config.basePath, images: images),
                                   limits: options.limits, basePath: config.basePath)
        let source = sourceDirectory
        let results = parallelMap(jobs) { job -> ContentParser.Result in
            if let known = parseCache?.knownResult(job.path, in: source) { return known }
            return parse(job, with: parser)
        }
        parseCache?.rememberResults(jobs.map(\.path), results)
        parseCache?.rememberLoad(LoadSnapshot(config: config, images: images, jobs: jobs, results: results,
                                              diagnosticsBeforeParsing: diagnostics, options: String(describing: options)))

        phases.mark("  parse")
        var content = LoadedContent(config: config, producers: [], products: [], news: [], pages: [], images: images)
        collect(results, of: jobs.map(\.path), into: &content, diagnostics: &diagnostics)
        return (content, diagnostics)
    }

    func parse(_ job: (kind: ContentKind, path: String, name: String), with parser: ContentParser) -> ContentParser.Result {
        let bytes: [UInt8]
        do {
            bytes = try options.unsaved.flatMap { $0.path == job.path ? $0.bytes : nil }
                ?? FileSystem.readBytes(sourceDirectory + "/" + job.path)
        } catch {
            return .init(item: nil, diagnostics: [.error(.unreadableFile(reason: "\(error)"), at: SourceLocation(file: job.path))])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let place = InvalidUTF8.firstPosition(in: bytes)
            return .init(item: nil, diagnostics: [.error(.invalidUTF8, at: SourceLocation(file: job.path, line: place?.line ?? 0,
                                                                                          column: place?.column ?? 0))])
        }
        return parser.parse(kind: job.kind, path: job.path, fileName: job.name, text: text)
    }

    /// Items by kind in file order, drafts left out unless asked for, then the translations
    /// checked against their originals; every diagnostic kept.
    func collect(_ results: [ContentParser.Result], of paths: [String], into content: inout LoadedContent,
                 diagnostics: inout [Diagnostic]) {
        var translations: [TranslationDraft] = []
        for result in results {
            // A draft with mistakes is never published, so they cannot break the site: the member
            // who saved it half done (the editor allows it) sees them as warnings until it is
            // finished. This holds with `--drafts` and in the editor's preview, which show drafts:
            // the good ones are shown, the broken one is left out and its warnings say why.
            if result.isDraft {
                diagnostics += result.diagnostics.map { $0.severity == .error ? $0.with(severity: .warning) : $0 }
            } else {
                diagnostics += result.diagnostics
            }
            switch result.broken {
            case .producer(let item)?: content.brokenProducers.insert(item.id)
            case .product(let item)?: content.producersOfBrokenProducts.insert(item.producerID)
            default: break
            }
            switch result.item {
            case .producer(let item) where options.includeDrafts || !item.draft: content.producers.append(item)
            case .product(let item) where options.includeDrafts || !item.draft: content.products.append(item)
            case .news(let item) where options.includeDrafts || !item.draft: content.news.append(item)
            case .page(let item) where options.includeDrafts || !item.draft: content.pages.append(item)
            case .translation(let item) where options.includeDrafts || !item.isDraft: translations.append(item)
            default: break
            }
        }
        TranslationMerger(config: content.config, listedPaths: Set(paths)).merge(translations, into: &content, diagnostics: &diagnostics)
    }

    /// Content paths are relative to `content/`; links to them are rewritten to the site's base path.
    /// Links and images whose scheme templates would refuse are refused in the body too.
    /// Photos in a body become their published WebP copy, which never carries metadata.
    func markdownRenderer(basePath: String, images: ImageIndex) -> MarkdownRenderer {
        return MarkdownRenderer(rewriteURL: { url in
            if url.hasPrefix("images/") || url.hasPrefix("/images/") {
                let key = url.hasPrefix("/") ? String(url.dropFirst()) : url
                if let photo = images.entries[key]?.photo { return basePath + photo.bodyRendition(bodyWidth: PhotoSizes.bodyWidth).path }
                if url.hasPrefix("images/") { return basePath + url }
            }
            if url.hasPrefix("/") && !url.hasPrefix("//") && basePath != "/" { return basePath + url.dropFirst() }
            return nil
        }, refuseURL: PublishedURLs.refuse)
    }

    private func loadImages(links: SymlinkGuard, sizes photoSizes: PhotoSizes, into diagnostics: inout [Diagnostic]) -> ImageIndex {
        let root = contentDirectory + "/images"
        var files: [String] = []
        for (relative, _) in FileSystem.walk(root, list: links.entries(of:)) {
            let path = "images/" + relative
            if links.excludes("content/" + path) { continue }
            files.append(path)
        }
        diagnostics += NameTwins.diagnostics(files.map { "content/" + $0 })
        let directory = contentDirectory
        let reader = PhotoReader(sizes: photoSizes, limits: options.photoLimits, sources: options.photoCache?.sources)
        let sizes = parallelMap(files) { path -> ImageIndex.Entry in
            // What `serve` kept is planned again: `photos:` of site.yml may have changed.
            if let known = parseCache?.knownImage(path, in: directory) { return reader.replanned(known, key: path) }
            return reader.entry(key: path, full: directory + "/" + path)
        }
        parseCache?.rememberImages(files, sizes)
        return ImageIndex(entries: Dictionary(uniqueKeysWithValues: zip(files, sizes)))
    }

    private func loadConfig(into diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let path = "content/site.yml"
        let full = sourceDirectory + "/" + path
        guard FileSystem.exists(full) else {
            diagnostics.append(.error(.missingSiteConfig, at: SourceLocation(file: path)))
            return nil
        }
        guard let bytes = try? FileSystem.readBytes(full), let raw = String(validating: bytes, as: UTF8.self) else {
            let place = (try? FileSystem.readBytes(full)).flatMap(InvalidUTF8.firstPosition(in:))
            diagnostics.append(.error(.invalidUTF8, at: SourceLocation(file: path, line: place?.line ?? 0, column: place?.column ?? 0)))
            return nil
        }
        let yaml = normalizeNewlines(raw)
        if let found = ControlCharacters.first(in: yaml) {
            diagnostics.append(.error(.controlCharacter(code: found.code), at: SourceLocation(file: path, line: found.line, column: found.column)))
            return nil
        }
        if let mark = YAMLGuard.firstRefusedIndicator(yaml) {
            diagnostics.append(.error(mark.indicator.problem, at: SourceLocation(file: path, line: mark.line, column: mark.column)))
            return nil
        }
        let node: YAMLNode?
        do {
            node = try YAMLComposer.compose(yaml)
        } catch {
            diagnostics.append(YAMLComposer.diagnostic(error, file: path, lineOffset: 1))
            return nil
        }
        guard case .mapping(let mapping)? = node else {
            diagnostics.append(.error(.frontMatterNotMapping, at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        var f = Fields(file: path, mapping: mapping, lineOffset: 1)
        let title = f.requiredText("title", example: "Lapak Purna Migran") ?? ""
        var baseURL = "https://example.org/"
        if let raw = options.baseURLOverride ?? f.requiredText("base_url", example: "https://lapak.example.org/") {
            if let normalized = SiteConfig.normalizedBaseURL(raw) {
                baseURL = normalized
            } else if options.baseURLOverride != nil {
                diagnostics.append(.error(.badBaseURL(value: raw), at: SourceLocation(file: "--base-url")))
            } else {
                f.report(.badBaseURL(value: raw), field: "base_url")
            }
        }
        if options.baseURLOverride != nil { _ = f.node("base_url") }
        var config = SiteConfig(title: title, baseURL: baseURL)
        config.sourceMap = SourceMap(file: path, mapping: mapping, yaml: yaml, raw: raw)
        config.description = f.text("description") ?? ""
        SiteLanguages.read(&f, into: &config)
        config.currency = f.text("currency") ?? "IDR"
        config.theme = f.text("theme") ?? "default"
        config.productsPerPage = max(1, f.wholeNumber("products_per_page", example: "24") ?? 24)
        config.newsPerPage = max(1, f.wholeNumber("news_per_page", example: "10") ?? 10)
        config.image = f.text("image")
        config.photos = PhotoSettings.read(&f)
        config.pricesValidUntil = f.date("prices_valid_until")
        config.shipping = f.shipping(allowing: ["origin", "couriers", "price", "days"])
        config.returnsDays = f.wholeNumber("returns_days", example: "7")
        config.instagram = f.text("instagram")
        config.facebook = f.text("facebook")
        for (key, value, mark) in f.mapping("contact") {
            switch key {
            case "whatsapp":
                let raw = value.string ?? ""
                config.contactWhatsApp = WhatsAppNumber(raw)
                if config.contactWhatsApp == nil { f.report(.badWhatsApp(field: "contact.whatsapp", value: raw), at: mark) }
            case "email": config.contactEmail = value.string?.trimmed
            case "instagram": config.instagram = value.string?.trimmed
            case "facebook": config.facebook = value.string?.trimmed
            default:
                let suggestion = KnownFields.closest(to: key, among: ["whatsapp", "email", "instagram", "facebook"])
                f.report(.unknownField(field: "contact.\(key)", suggestion: suggestion.map { "contact.\($0)" }), at: mark, severity: .warning)
            }
        }
        for (key, value, mark) in f.mapping("categories") {
            guard Slug.isValid(key) else {
                f.report(.invalidSlug(slug: key, suggestion: Slug.make(from: key)), at: mark)
                continue
            }
            // `id: "Name"`, or `id: {name: …, google: …, meta: …}` with the channels' categories.
            var name = value.string?.trimmed ?? ""
            var google: String?, meta: String?
            if case .mapping(let fields) = value {
                for (field, text) in fields {
                    let written = text.string?.trimmed
                    switch field.string {
                    case "name": name = written ?? ""
                    case "google": google = written
                    case "meta": meta = written
                    default:
                        let suggestion = KnownFields.closest(to: field.string ?? "", among: ["name", "google", "meta"])
                        f.report(.unknownField(field: "categories.\(key).\(field.string ?? "")", suggestion: suggestion),
                                 at: field.mark, severity: .warning)
                    }
                }
            }
            config.categories.append(.init(id: key, name: name.isEmpty ? CategoryNames.humanize(key) : name,
                                           google: google.flatMap { $0.isEmpty ? nil : $0 }, meta: meta.flatMap { $0.isEmpty ? nil : $0 }))
        }
        SiteLanguages.readTranslations(&f, into: &config)
        for (name, location) in f.unusedFields {
            let known = ["title", "description", "base_url", "image", "language", "languages", "translations", "currency", "theme", "contact", "categories",
                         "products_per_page", "news_per_page", "instagram", "facebook", "photos", "prices_valid_until", "shipping", "returns_days"]
            diagnostics.append(.warning(.unknownField(field: name, suggestion: KnownFields.closest(to: name, among: known)), at: location))
        }
        diagnostics += f.diagnostics
        return f.diagnostics.contains { $0.severity == .error } ? nil : config
    }
}

enum CategoryNames {
    /// `batik-ecoprint` → `Batik Ecoprint`, for categories `site.yml` does not name.
    static func humanize(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
