/// A load made from the previous one when a file watcher says exactly which content files were
/// written in place (`lapak serve`): only those are parsed again, and the folder listings, the
/// symbolic-link check, `site.yml` and the image index are taken as they were, since nothing was
/// created, removed or renamed. Anything else (an image, `site.yml`, a new or removed file, lost
/// events) takes the full load, which checks every file by its stamp.
struct LoadSnapshot: Sendable {
    let config: SiteConfig
    let images: ImageIndex
    let jobs: [(kind: ContentKind, path: String, name: String)]
    /// Changed in place by `ParseCache.rememberPatched`.
    var results: [ContentParser.Result]
    /// Everything the load reported before parsing (links, configuration, name twins).
    let diagnosticsBeforeParsing: [Diagnostic]
    let options: String
}

extension ContentLoader {
    /// The load, from `snapshot`, when every written file is a content file it parsed or a theme
    /// file (themes are read again by every build anyway); nil when a full load is needed.
    func quickReload(from snapshot: LoadSnapshot, written: Set<String>) -> (LoadedContent, [Diagnostic], LoadSnapshot)? {
        guard snapshot.options == String(describing: options) else { return nil }
        let index = Dictionary(snapshot.jobs.indices.map { (snapshot.jobs[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        var changed: [Int] = []
        for path in written where !path.hasPrefix("themes/") {
            guard let job = index[path] else { return nil }
            changed.append(job)
        }
        var results = snapshot.results
        let parser = ContentParser(images: snapshot.images,
                                   markdown: markdownRenderer(basePath: snapshot.config.basePath, images: snapshot.images),
                                   limits: options.limits, basePath: snapshot.config.basePath)
        for job in changed { results[job] = parse(snapshot.jobs[job], with: parser) }
        var content = LoadedContent(config: snapshot.config, producers: [], products: [], news: [], pages: [],
                                    images: snapshot.images)
        var diagnostics = snapshot.diagnosticsBeforeParsing
        collect(results, of: snapshot.jobs.map(\.path), into: &content, diagnostics: &diagnostics)
        let next = LoadSnapshot(config: snapshot.config, images: snapshot.images, jobs: snapshot.jobs, results: results,
                                diagnosticsBeforeParsing: snapshot.diagnosticsBeforeParsing, options: snapshot.options)
        return (content, diagnostics, next)
    }
}
