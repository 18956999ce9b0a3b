import Foundation

/// One run of `lapak new`: checks what was asked against the site, then writes.
struct ScaffoldRun {
    let request: ScaffoldRequest
    let title: String
    let slug: String
    let content: LoadedContent
    var diagnostics: [Diagnostic] = []
    /// Relative to the site folder.
    var file = ""
    var photoSource: String?
    var photoTarget: String?
    var photoToAdd: String?

    init(request: ScaffoldRequest, title: String, slug: String, content: LoadedContent) {
        self.request = request
        self.title = title
        self.slug = slug
        self.content = content
    }

    var root: String { request.sourceDirectory }

    var knownProducers: [String] { ProducerList.ids(sourceDirectory: root) }

    mutating func text() -> String? {
        switch request.kind {
        case .product: return productText()
        case .news: return newsText()
        case .producer: return producerText()
        case .page:
            claim("content/pages/\(slug).md", slugs: content.pages.map { ($0.slug, $0.sourcePath) })
            return ScaffoldTemplates.page(title: title, slug: slug)
        }
    }

    private mutating func productText() -> String? {
        let known = knownProducers
        guard let producer = request.producers.first else {
            refuse(.optionRequired(option: "--producer", example: known.first ?? "desbumi-kedunggebang", known: known), "--producer")
            return nil
        }
        guard known.contains(producer) else {
            refuse(.unknownProducer(id: producer, suggestion: KnownFields.closest(to: producer, among: known, maxDistance: 3),
                                    known: known), "--producer")
            return nil
        }
        let categories = content.config.categories.map(\.id)
        let category: String
        if let given = request.category {
            category = given
            if !categories.isEmpty && !categories.contains(given) {
                refuse(.unknownCategory(id: given, suggestion: KnownFields.closest(to: given, among: categories, maxDistance: 3),
                                        known: categories), "--category")
            } else if categories.isEmpty && !Slug.isValid(given) {
                refuse(.invalidSlug(slug: given, suggestion: Slug.make(from: given)), "--category")
            }
        } else if let usual = usualCategory(of: producer, among: categories) ?? categories.first {
            category = usual
        } else {
            refuse(.optionRequired(option: "--category", example: "tas-anyaman", known: []), "--category")
            return nil
        }
        claim("content/products/\(slug).md", slugs: content.products.map { ($0.slug, $0.sourcePath) })
        let image = photo(folder: "images/products")
        if image == nil { photoToAdd = "content/images/products/\(slug).jpg" }
        let name = content.producers.first { $0.id == producer }?.name ?? producer
        return ScaffoldTemplates.product(.init(
            title: title, slug: slug, price: request.price, category: category, categories: categories,
            producer: producer, producerName: name, image: image ?? "images/products/\(slug).jpg",
            date: JakartaDate.today(request.now)))
    }

    /// The category a producer's other products are in most often, so a weaver's new product
    /// starts in the bags category; ties go to the one listed first in site.yml.
    private func usualCategory(of producer: String, among categories: [String]) -> String? {
        var counts: [String: Int] = [:]
        for product in content.products where product.producerID == producer { counts[product.category, default: 0] += 1 }
        guard let best = counts.values.max() else { return nil }
        let tied = counts.filter { $0.value == best }.map(\.key)
        return categories.first { tied.contains($0) } ?? tied.sorted().first
    }

    private mutating func newsText() -> String? {
        var date = JakartaDate.today(request.now).isoDate
        if let written = request.date?.trimmed {
            switch ContentDate.parse(written) {
            case .success(let parsed): date = written.count == 10 ? parsed.isoDate : written
            case .failure(.malformed): refuse(.badDate(field: "--date", value: written), "--date")
            case .failure(.impossible): refuse(.impossibleDate(field: "--date", value: written), "--date")
            }
        }
        let known = knownProducers
        for id in request.producers where !known.contains(id) {
            refuse(.unknownProducer(id: id, suggestion: KnownFields.closest(to: id, among: known, maxDistance: 3), known: known),
                   "--producer")
        }
        claim("content/news/\(date.prefix(10))-\(slug).md", slugs: content.news.map { ($0.slug, $0.sourcePath) })
        return ScaffoldTemplates.news(.init(title: title, slug: slug, date: date, producers: request.producers,
                                            image: photo(folder: "images/news")))
    }

    private mutating func producerText() -> String? {
        let village = request.village.map(YAMLText.singleLine) ?? ""
        let regency = request.regency.map(YAMLText.singleLine) ?? ""
        if village.isEmpty { refuse(.optionRequired(option: "--village", example: "Kedunggebang", known: []), "--village") }
        if regency.isEmpty { refuse(.optionRequired(option: "--regency", example: "Banyuwangi", known: []), "--regency") }
        if let raw = request.whatsapp, WhatsAppNumber(raw) == nil {
            refuse(.badWhatsApp(field: "--whatsapp", value: raw), "--whatsapp")
        }
        claim("content/producers/\(slug).md", slugs: [])
        return ScaffoldTemplates.producer(.init(name: title, id: slug, village: village, regency: regency,
                                                whatsapp: request.whatsapp.map(YAMLText.singleLine),
                                                image: photo(folder: "images/producers")))
    }
}
