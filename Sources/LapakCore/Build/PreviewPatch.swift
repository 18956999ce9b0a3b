import Templates

/// `lapak serve`'s answer to the most common change: a member saves a product file, and the
/// product keeps its place. Only that file is parsed again; the site, its views and its plan
/// are the last build's with the product replaced, and every page and feed is rendered from
/// them as before. Planning 25,000 pages again is skipped, which is most of a rebuild.
///
/// The product keeps its place when nothing that decides which pages exist, which lists hold it
/// or where, changes: its address, producer, category, tags, date and draft state, its photos
/// and its variants' names (the catalogs' item ids), and its place in the newest-first order.
/// On a site in more than one language each language's product is made again too: the edited
/// original where it has no translation, else its translation applied to the edited original.
/// Anything else (another kind of file, a new or removed file, a translation file, a problem)
/// takes the full rebuild.
struct PreviewPatch {
    let previous: PreviewSnapshot
    let options: BuildOptions

    /// The new snapshot and its report, or nil when a full rebuild is needed.
    func apply(written: Set<String>, cache: ParseCache) -> (PreviewSnapshot, BuildReport)? {
        let prepared = previous.prepared
        let site = prepared.site
        guard !written.isEmpty, options.unsaved == nil, let load = cache.lastSnapshot,
              prepared.pagePlans.count == site.config.languages.count else { return nil }
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
        let positions = jobs.compactMap { index[$0.path] }
        for position in positions where !Self.inOrder(products, around: position) { return nil }
        phases.mark("patch: parse")

        // Every other language's products, made from the edited originals.
        var editions: [[Product]] = [products]
        var translations = site.translations
        for plan in prepared.pagePlans.dropFirst() {
            let edition = plan.site, language = edition.config.language
            var translated = edition.products
            for position in positions {
                let original = products[position]
                guard !edition.untranslated.contains(original.sourcePath) else {
                    translated[position] = original
                    continue
                }
                guard let file = edition.translationFiles[language]?[original.sourcePath],
                      let job = load.jobs.firstIndex(where: { $0.path == file }),
                      case .translation(let draft)? = load.results[job].item else { return nil }
                var reader = TranslationReader(draft: draft)
                let product = reader.product(original)
                // A translation the edit makes wrong (a price it repeats, say) is for the full rebuild to report.
                guard !reader.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
                translated[position] = product
                translations[language, default: [:]][original.sourcePath] = .product(product)
            }
            editions.append(translated)
        }

        var plans: [PagePlan] = []
        var environments: [Environment] = []
        for (number, plan) in prepared.pagePlans.enumerated() {
            let edited = plan.site.replacingProducts(editions[number], translations: translations)
            let views = plan.views.replacingProducts(at: positions, in: edited)
            let patched = plan.with(site: edited, views: views)
            // A fresh environment: the card cache holds the old product's card.
            let environment = Environment(loader: prepared.pageEnvironments[number].loader,
                                          extensions: HostExtensions.make(site: edited, views: views, strings: plan.strings))
            do { try environment.loadAll() } catch { return nil }
            plans.append(patched)
            environments.append(environment)
        }
        let patchedSite = plans[0].site
        phases.mark("patch: sites, views and environments")
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
        let changed = positions.map { patchedSite.products[$0] }
        let next = prepared.replacing(site: patchedSite, views: plans[0].views, plans: plans, environments: environments,
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
