import Markdown

/// Links and images in Markdown bodies that lead to no file of the built site.
struct LinkCheck {
    /// The site in each of its languages, the first first (`Site.editions`).
    let editions: [Site]
    let outputs: SiteOutputs
    let sources: SourceFiles

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Each language's bodies, at the file they are written in: the translations' links are
        // checked where they stand, from the page they are on.
        for (index, edition) in editions.enumerated() {
            let routes = Routes(config: edition.config)
            func written(_ path: String) -> Bool { index == 0 || !edition.untranslated.contains(path) }
            for product in edition.products where written(product.sourcePath) {
                out += check(product.body, file: edition.wordsFile(of: product.sourcePath), route: routes.product(product.slug))
            }
            for producer in edition.producers where written(producer.sourcePath) {
                out += check(producer.body, file: edition.wordsFile(of: producer.sourcePath), route: routes.producer(producer.id))
            }
            for article in edition.news where written(article.sourcePath) {
                out += check(article.body, file: edition.wordsFile(of: article.sourcePath), route: routes.article(article.slug))
            }
            for page in edition.pages where written(page.sourcePath) {
                out += check(page.body, file: edition.wordsFile(of: page.sourcePath), route: routes.page(page.slug))
            }
        }
        return out
    }

    private func check(_ body: MarkdownDocument, file: String, route: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for reference in body.references {
            let problem: Problem
            switch InternalLink.resolve(reference.url, basePath: outputs.basePath, from: route) {
            case .external:
                continue
            case .outside:
                problem = .brokenLink(url: reference.url, suggestion: nil)
            case .path(let path):
                if outputs.contains(path) { continue }
                // Photos live in content/images/, so the fix is the same as for front matter.
                problem = path.hasPrefix("images/") ? .missingImage(path: path)
                    : .brokenLink(url: reference.url, suggestion: outputs.suggestion(for: path))
            }
            let location = sources.file(file)?.location(bodyLine: reference.line, byteColumn: reference.column)
                ?? SourceLocation(file: file)
            out.append(.error(problem, at: location))
        }
        return out
    }
}
