import Markdown

/// Links and images in Markdown bodies that lead to no file of the built site.
struct LinkCheck {
    let site: Site
    let outputs: SiteOutputs
    let sources: SourceFiles

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let routes = Routes(config: site.config)
        for product in site.products { out += check(product.body, file: product.sourcePath, route: routes.product(product.slug)) }
        for producer in site.producers { out += check(producer.body, file: producer.sourcePath, route: routes.producer(producer.id)) }
        for article in site.news { out += check(article.body, file: article.sourcePath, route: routes.article(article.slug)) }
        for page in site.pages { out += check(page.body, file: page.sourcePath, route: routes.page(page.slug)) }
        return out
    }

    private func check(_ body: MarkdownDocument, file: String, route: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for reference in body.references {
            let problem: Problem
            switch InternalLink.resolve(reference.url, basePath: site.config.basePath, from: route) {
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
