import Foundation

/// What `lapak new` is asked to write: a kind of content, a title, and the few facts the new
/// file cannot do without.
public struct ScaffoldRequest: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case product, news, producer, page

        var content: ContentKind {
            switch self {
            case .product: .product
            case .news: .news
            case .producer: .producer
            case .page: .page
            }
        }
    }

    public var kind: Kind
    public var title: String
    public var sourceDirectory: String
    /// A product's producer (the first), or the producers a news article is about.
    public var producers: [String]
    public var category: String?
    public var price: Int?
    /// A photo anywhere on disk, copied into `content/images/`.
    public var photo: String?
    /// A news article's date, `YYYY-MM-DD` (optionally with a time); today when absent.
    public var date: String?
    public var village: String?
    public var regency: String?
    public var whatsapp: String?
    /// The clock for "today"; injectable so tests do not depend on the day they run.
    public var now: Date

    public init(kind: Kind, title: String, sourceDirectory: String, producers: [String] = [], category: String? = nil,
                price: Int? = nil, photo: String? = nil, date: String? = nil, village: String? = nil,
                regency: String? = nil, whatsapp: String? = nil, now: Date = Date()) {
        self.kind = kind
        self.title = title
        self.sourceDirectory = sourceDirectory
        self.producers = producers
        self.category = category
        self.price = price
        self.photo = photo
        self.date = date
        self.village = village
        self.regency = regency
        self.whatsapp = whatsapp
        self.now = now
    }
}
