import Templates

/// Which product values of the previous `Views` a rebuild may keep (`lapak serve`): after one
/// file changes, nearly every product's template value is what it was, and making ten thousand
/// again is most of a rebuild.
///
/// A product's value is built from the product itself, its producer (name, WhatsApp, and how
/// many products it has), its category (name and count) and the site's configuration; it is
/// kept only when all of these are equal to what they were.
struct ViewReuse {
    private let previous: Views
    private let indexByPath: [String: Int]
    private let unchangedProducers: Set<String>
    private let unchangedCategories: Set<String>

    init?(previous: Views?, site: Site) {
        guard let previous, previous.site.config == site.config else { return nil }
        self.previous = previous
        var indexByPath: [String: Int] = [:]
        for (index, product) in previous.site.products.enumerated() { indexByPath[product.sourcePath] = index }
        self.indexByPath = indexByPath
        var producers = Set<String>()
        for producer in site.producers {
            if let old = previous.site.producer(producer.id), old == producer,
               previous.site.productsByProducer[producer.id]?.count == site.productsByProducer[producer.id]?.count {
                producers.insert(producer.id)
            }
        }
        unchangedProducers = producers
        var oldCategories: [String: (String, Int)] = [:]
        for (category, count) in previous.site.categories { oldCategories[category.id] = (category.name, count) }
        var categories = Set<String>()
        for (category, count) in site.categories {
            if let old = oldCategories[category.id], old.0 == category.name, old.1 == count { categories.insert(category.id) }
        }
        unchangedCategories = categories
    }

    /// The previous value of this product, when nothing it is made from has changed.
    func value(for product: Product) -> Value? {
        guard unchangedProducers.contains(product.producerID), unchangedCategories.contains(product.category),
              let index = indexByPath[product.sourcePath], previous.site.products[index] == product else { return nil }
        return previous.products[index]
    }
}
