import Templates

/// `lapak serve`'s answer to the most common change: a member saves a product file, and the
/// product keeps its place. Only that file is parsed again; the site, its views and its plan
/// are the last build's with the product replaced, and every page and feed is rendered from
/// them as before. Planning 25,000 pages again is skipped, which is most of a rebuild.
///
/// The product keeps its place when nothing that decides which pages exist, which lists hold it
/// or where, changes: its address, producer, category, tags, date and draft state, its photos
/// and its variants' names (the catalogs' item ids), and its place in the newest-first order.
/// Anything else (another kind of file, a new or removed file, a problem, a second language)
/// takes the full rebuild.
struct PreviewPatch {
    let previous: PreviewSnapshot
    let options: BuildOptions

    /// The new snapshot and its report, or nil when a full rebuild is needed.
    func apply(written: Set<String>, cache: ParseCache) -> (PreviewSnapshot, BuildReport)? {
        let prepared = previous.prepared
        let site = prepared.site
        guard !written.isEmpty, options.unsaved == nil, !site.config.isMultilingual,
              let load = cache.lastSnapshot else { return nil }
        var phases = PhaseClock()
        var index: [String: Int] = [:]
        var jobs: [(kind: ContentKind, path: String, name: String)] = []
        for path in written {
            guard let position = site.products.firstIndex(where: { $0.sourcePath == path }),
                  let job = load.jobs.first(where: { $0.path == path }), job.kind == .product,
                  TranslationName(job.name) == nil else { return nil }
            index[path] = position
            jobs.append(job)
        }
        let loader = ContentLoader(sourceDirectory: options.sourceDirectory,
                                   options: LoadOptions(includeDrafts: options.includeDrafts, baseURLOverride: options.baseURL))
        let parser = ContentParser(images: site.images, markdown: loader.markdownRenderer(basePath: site.config.basePath, images: site.images),
                                   limits: ContentLimits(), basePath: site.config.basePath)
        var results: [String: ContentParser.Result] = [:]
        var products = site.products
        for job in jobs {
            let result = loader.parse(job, with: parser)
            guard case .product(let product)? = result.item, !result.diagnostics.contains(where: { $0.severity == .error }),
                  let position = index[job.path], Self.keepsPlace(product, replacing: site.products[position]) else { return nil }
            products[position] = product
            results[job.path] = result
        }
        for position in Set(jobs.compactMap { index[$0.path] }) where !Self.inOrder(products, around: position) { return nil }
        phases.mark("patch: parse")

        let patchedSite = site.replacingProducts(products)
        let views = prepared.views.replacingProducts(at: jobs.compactMap { index[$0.path] }, in: patchedSite)
        let plan = prepared.pagePlans[0].with(site: patchedSite, views: views)
        phases.mark("patch: site and views")
        // A fresh environment: the card cache holds the old product's card.
        let environment = Environment(loader: prepared.pageEnvironments[0].loader,
                                      extensions: HostExtensions.make(site: patchedSite, views: views, strings: plan.strings))
        do { try environment.loadAll() } catch { return nil }
        phases.mark("patch: environment")
        cache.rememberPatched(results)
        phases.mark("patch: cache")

        var report = BuildReport(diagnostics: previous.diagnostics.filter { !written.contains($0.location.file) }
            + results.values.flatMap(\.diagnostics))
        report.pages = prepared.plan.count
        report.products = patchedSite.products.count
        report.news = patchedSite.news.count
        report.photos = prepared.photos.photos.count
        report.written = true
        report.files = prepared.jobs.count
        let changed = jobs.compactMap { index[$0.path] }.map { patchedSite.products[$0] }
        let next = prepared.replacing(site: patchedSite, views: views, plans: [plan], environments: [environment],
                                      photos: prepared.photos.replacingOrigins(of: changed, basePath: site.config.basePath, images: site.images))
        phases.mark("patch: report and photos")
        return (PreviewSnapshot(prepared: next, builder: previous.builder, siteRoot: previous.siteRoot,
                                diagnostics: report.diagnostics, reusing: previous), report)
    }

    /// Whether `product` may take `old`'s place without another page, list or file changing.
    static func keepsPlace(_ product: Product, replacing old: Product) -> Bool {
        product.sourcePath == old.sourcePath && product.slug == old.slug && product.category == old.category
            && product.producerID == old.producerID && product.tags == old.tags && product.date == old.date
            && product.draft == old.draft
            && product.images.map(\.path) == old.images.map(\.path)
            && product.variants.map(\.name) == old.variants.map(\.name)
            && product.variants.map { $0.image?.path } == old.variants.map { $0.image?.path }
            && bodyPhotos(product) == bodyPhotos(old)
    }

    private static func bodyPhotos(_ product: Product) -> [String] {
        product.body.references.filter { $0.kind == .image }.map(\.url)
    }

    /// Whether the product at `position` still sorts between its neighbours (newest first).
    static func inOrder(_ products: [Product], around position: Int) -> Bool {
        (position == 0 || Site.newestFirst(products[position - 1], products[position]))
            && (position == products.count - 1 || Site.newestFirst(products[position], products[position + 1]))
    }
}
