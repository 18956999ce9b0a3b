/// Producers whose page would show a story but nothing to buy.
enum IdleProducerCheck {
    static func run(site: Site, sources: SourceFiles) -> [Diagnostic] {
        // A producer whose products have errors is reported through those errors, not as idle.
        site.producers.filter { (site.productsByProducer[$0.id]?.isEmpty ?? true) && !site.producersOfBrokenProducts.contains($0.id) }
            .sorted { $0.sourcePath < $1.sourcePath }
            .map { producer in
                let location = sources.file(producer.sourcePath)?.location(ofField: "name") ?? SourceLocation(file: producer.sourcePath)
                return .warning(.producerWithoutProducts(id: producer.id), at: location)
            }
    }
}
