import Templates

/// One file of the output folder and how to make it. The list of jobs is the whole site, known
/// before anything is rendered, so collisions are found first and the work spreads over all cores.
struct OutputJob: Sendable {
    enum Work: Sendable {
        /// A page of the plan, by index.
        case page(Int)
        /// A feed, catalog or sitemap rendered by Lapak's own templates. The context is made
        /// inside the job, from the prepared site, so these large lists are built in parallel with
        /// the pages (and a job is the same for any plan of the same pages).
        case machine(template: String, context: @Sendable (Builder.PreparedSite) -> [String: Value])
        case generated(@Sendable (Builder.PreparedSite) -> [UInt8])
        /// A large file handed over in parts as it is made (the catalogs).
        case streamed(@Sendable (Builder.PreparedSite, _ emit: ([UInt8]) throws -> Void) throws -> Void)
        case bytes([UInt8])
        /// A file copied as it is (theme static files, PDFs and SVGs under `content/images/`).
        case copy(String)
        /// A processed copy of a photo, taken from the photo cache (made first if missing).
        case photo(PublishedPhoto, Rendition)
    }

    /// Relative to the output folder.
    let path: String
    /// What produced it, for error messages: a template, a content or theme file, a feed.
    let origin: String
    let work: Work

    /// What kind of file this is, for `LAPAK_PROFILE`'s summary: the page template, or the origin.
    var kind: String {
        switch work {
        case .page: return origin
        case .copy: return "copied files"
        case .photo: return "photos"
        default: return path.hasSuffix(".xml") && path.hasPrefix("sitemap") ? "sitemap" : origin
        }
    }

    func render(_ prepared: Builder.PreparedSite) throws -> [UInt8] {
        switch work {
        case .page(let index):
            let page = prepared.plan[index]
            return try prepared.pageEnvironments[page.edition].renderUTF8(page.template, context: page.context(in: prepared.pagePlans[page.edition]))
        case .machine(let template, let context):
            return try prepared.feedEnvironment.renderUTF8(template, context: context(prepared))
        case .generated(let make):
            return make(prepared)
        case .bytes(let bytes):
            return bytes
        case .copy(let source):
            return try FileSystem.readBytes(source)
        case .photo(let photo, let rendition):
            return try FileSystem.readBytes(try prepared.photoPath(rendition, of: photo))
        case .streamed(let produce):
            var whole: [UInt8] = []
            try produce(prepared) { whole += $0 }
            return whole
        }
    }

    /// The file in parts: streamed jobs as they are made, any other in one part.
    func stream(_ prepared: Builder.PreparedSite, emit: ([UInt8]) throws -> Void) throws {
        if case .streamed(let produce) = work {
            try produce(prepared, emit)
        } else {
            try emit(try render(prepared))
        }
    }

    /// Feeds, catalogs and the search index of one language (`edition`, an index into the site's
    /// languages): formats fixed by their specifications, so their templates are Lapak's own
    /// rather than the theme's.
    static func machineOutputs(edition: Int, routes: Routes) -> [OutputJob] {
        @Sendable func plan(_ prepared: Builder.PreparedSite) -> PagePlan { prepared.pagePlans[edition] }
        return [
            .init(path: routes.productsFeed, origin: "products.json", work: .machine(template: "products.json") { prepared in
                ["feed": ProductFeed.value(site: plan(prepared).site, views: plan(prepared).views)]
            }),
            .init(path: routes.jsonFeed, origin: "feed.json", work: .machine(template: "feed.json") { prepared in
                ["feed": NewsFeeds(site: plan(prepared).site, views: plan(prepared).views).jsonFeed]
            }),
            .init(path: routes.atomFeed, origin: "atom.xml", work: .machine(template: "atom.xml") { prepared in
                NewsFeeds(site: plan(prepared).site, views: plan(prepared).views).atomContext
            }),
            .init(path: routes.googleCatalog, origin: "katalog.xml", work: .streamed { prepared, emit in
                try Catalog(site: plan(prepared).site, routes: routes).writeXML(environment: prepared.feedEnvironment, emit: emit)
            }),
            .init(path: routes.metaCatalog, origin: "katalog.csv", work: .streamed { prepared, emit in
                try Catalog(site: plan(prepared).site, routes: routes).writeCSV(emit: emit)
            }),
            .init(path: routes.searchIndex, origin: routes.searchIndex, work: .generated { prepared in
                SearchIndex.bytes(site: plan(prepared).site, routes: routes)
            }),
        ]
    }

    /// `robots.txt` and the sitemap, one for the whole site, every language in it.
    static func siteIndex(site: Site, plan: [PlannedPage], links: LanguageLinks?) -> [OutputJob] {
        let routes = Routes(config: site.config)
        var jobs: [OutputJob] = [
            .init(path: "robots.txt", origin: "robots.txt", work: .bytes(Array(Sitemap.robots(routes: routes).utf8))),
        ]
        for file in Sitemap.files(pages: plan, links: links, routes: routes, fallback: site.newestDate) {
            let context = file.context
            jobs.append(.init(path: file.path, origin: file.path, work: .machine(template: file.template) { _ in context() }))
        }
        return jobs
    }

    /// Two jobs writing one path is an error naming both origins. Paths that differ only in
    /// letter case collide too: they would overwrite each other on a case-insensitive disk.
    static func collisions(_ jobs: [OutputJob]) -> [Diagnostic] {
        var first: [String: OutputJob] = [:]
        var out: [Diagnostic] = []
        for job in jobs {
            let key = job.path.lowercased()
            if let other = first[key] {
                out.append(.error(.pathCollision(path: "/" + job.path, otherFile: other.origin), at: SourceLocation(file: job.origin)))
            } else {
                first[key] = job
            }
        }
        return out
    }
}
