/// The same product written twice: same title (ignoring case and spacing) by the same producer.
enum DuplicateProductCheck {
    static func run(site: Site, sources: SourceFiles) -> [Diagnostic] {
        var first: [String: Product] = [:]
        var out: [Diagnostic] = []
        for product in site.products.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            let key = product.producerID + "\u{0}" + product.title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let other = first[key] else {
                first[key] = product
                continue
            }
            let location = sources.file(product.sourcePath)?.location(ofField: "title") ?? SourceLocation(file: product.sourcePath)
            out.append(.warning(.duplicateProduct(title: product.title, producer: product.producerID, otherFile: other.sourcePath),
                                at: location))
        }
        return out
    }
}
