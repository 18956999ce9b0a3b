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
            for reference in body.references where reference.kind == .image && reference.url.hasPrefix(basePath) {
                let path = String(reference.url.dropFirst(basePath.count))
                add(site.images.photo(published: path), at: SourceLocation(file: file, line: reference.line))
            }
        }
        for product in site.products {
            product.images.forEach(add)
            add(body: product.body, file: product.sourcePath)
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
}
