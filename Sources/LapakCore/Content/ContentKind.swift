/// The four kinds of content file, each in its own folder of `content/`.
public enum ContentKind: String, Sendable, CaseIterable {
    case producer = "producers"
    case product = "products"
    case news = "news"
    case page = "pages"

    var knownFields: [String] {
        switch self {
        case .producer: KnownFields.producer
        case .product: KnownFields.product
        case .news: KnownFields.news
        case .page: KnownFields.page
        }
    }
}

enum ParsedItem: Sendable {
    case producer(Producer)
    case product(Product)
    case news(NewsArticle)
    case page(Page)
    /// A translation file, checked against its original once every file is read.
    case translation(TranslationDraft)
}
