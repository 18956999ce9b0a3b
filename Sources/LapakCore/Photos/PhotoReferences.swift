import Markdown

/// Every photo a site publishes, each with the lines that name it: in front matter, in a
/// Markdown body, as `image` of `site.yml`. Unnamed photos in `content/images/` are not published.
struct PhotoReferences: Sendable {
    /// In order of their source paths, each once.
    let photos: [PublishedPhoto]
    /// Source path → where it is named, for problems found while processing it.
    let origins: [String: [SourceLocation]]

    static func collect(_ site: Site) -> PhotoReferences {
        var found: [String: PublishedPhoto] = [:]
        var origins: [String: [SourceLocation]] = [:]
        func add(_ photo: PublishedPhoto?, at location: SourceLocation) {
            guard let photo else { return }
            found[photo.source] = photo
            origins[photo.source, default: []].append(location)
        }
        func add(_ reference: ImageRef?) { if let reference { add(reference.photo, at: reference.origin) } }
        let basePath = site.config.basePath
        func add(body: MarkdownDocument, file: String) {
            for (photo, location) in bodyPhotos(body, file: file, basePath: basePath, images: site.images) { add(photo, at: location) }
        }
        for product in site.products {
            for (photo, location) in named(by: product, basePath: basePath, images: site.images) { add(photo, at: location) }
        }
        for producer in site.producers {
            add(producer.image)
            add(body: producer.body, file: producer.sourcePath)
        }
        for article in site.news {
            add(article.image)
            add(body: article.body, file: article.sourcePath)
        }
        for page in site.pages { add(body: page.body, file: page.sourcePath) }
        if let written = site.config.image, case .found(_, let entry) = site.images.lookup(written) {
            add(entry.photo, at: SourceLocation(file: "content/site.yml"))
        }
        return PhotoReferences(photos: found.keys.sorted().map { found[$0]! }, origins: origins)
    }

    /// The photos a product names, each with where: its photos, then those of its body.
    private static func named(by product: Product, basePath: String, images: ImageIndex) -> [(PublishedPhoto, SourceLocation)] {
        product.images.compactMap { reference in reference.photo.map { ($0, reference.origin) } }
            + bodyPhotos(product.body, file: product.sourcePath, basePath: basePath, images: images)
    }

    private static func bodyPhotos(_ body: MarkdownDocument, file: String, basePath: String,
                                   images: ImageIndex) -> [(PublishedPhoto, SourceLocation)] {
        body.references.compactMap { reference in
            guard reference.kind == .image, reference.url.hasPrefix(basePath),
                  let photo = images.photo(published: String(reference.url.dropFirst(basePath.count))) else { return nil }
            return (photo, SourceLocation(file: file, line: reference.line))
        }
    }

    /// The same photos after `products` were edited in place naming the same photos (see
    /// `PreviewPatch`): only the lines naming them may have moved. Each product's places are
    /// put where its old ones were, so the lists stay in the order `collect` makes them.
    func replacingOrigins(of products: [Product], basePath: String, images: ImageIndex) -> PhotoReferences {
        var origins = self.origins
        for product in products {
            var fresh: [String: [SourceLocation]] = [:]
            for (photo, location) in Self.named(by: product, basePath: basePath, images: images) {
                fresh[photo.source, default: []].append(location)
            }
            for (source, locations) in fresh {
                var remaining = locations[...]
                origins[source] = origins[source]?.map { old in
                    old.file == product.sourcePath ? (remaining.popFirst() ?? old) : old
                }
            }
        }
        return PhotoReferences(photos: photos, origins: origins)
    }
}
