/// How parcels travel: `shipping:` in site.yml (origin, couriers, a rate, days on the way) and,
/// where a product differs, in its front matter (rate and days). `returns_days:` is the returns
/// policy: days after delivery a buyer may send an item back, 0 for none.
public struct Shipping: Sendable, Hashable {
    /// Where parcels leave from, as people say it: `Banyuwangi, Jawa Timur`.
    public var origin: String?
    public var couriers: [String] = []
    /// A flat rate in Rupiah, when there is one: the channels want a number, not "ask us".
    public var price: Int?
    /// Days on the way, least and most (`days: 2-5` or `days: 3`).
    public var days: ClosedRange<Int>?

    public init(origin: String? = nil, couriers: [String] = [], price: Int? = nil, days: ClosedRange<Int>? = nil) {
        self.origin = origin
        self.couriers = couriers
        self.price = price
        self.days = days
    }

    /// This policy with what a product writes in place of the site's.
    func overridden(by other: Shipping?) -> Shipping {
        guard let other else { return self }
        return Shipping(origin: other.origin ?? origin, couriers: other.couriers.isEmpty ? couriers : other.couriers,
                        price: other.price ?? price, days: other.days ?? days)
    }

    /// `2-5`, `2 - 5` or `3`, in whole days.
    static func days(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-").map { $0.trimmed }
        guard (1...2).contains(parts.count), let low = Int(parts[0]), let high = Int(parts[parts.count - 1]),
              low >= 0, high >= low else { return nil }
        return low...high
    }
}

extension Fields {
    /// `shipping:` as a mapping of `origin`, `couriers`, `price` and `days`; problems at their lines.
    mutating func shipping(allowing keys: [String]) -> Shipping? {
        let entries = mapping("shipping")
        guard !entries.isEmpty else { return nil }
        var shipping = Shipping()
        for (key, value, mark) in entries {
            guard keys.contains(key) else {
                report(.unknownField(field: "shipping.\(key)", suggestion: KnownFields.closest(to: key, among: keys).map { "shipping.\($0)" }),
                       at: mark, severity: .warning)
                continue
            }
            let text = value.string?.trimmed ?? ""
            switch key {
            case "origin": shipping.origin = text.isEmpty ? nil : text
            case "couriers":
                if case .sequence(let items) = value {
                    shipping.couriers = items.compactMap { $0.string?.trimmed }.filter { !$0.isEmpty }
                } else {
                    shipping.couriers = text.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
                }
            case "price":
                if let amount = Int(text), amount >= 0 {
                    shipping.price = amount
                } else {
                    report(.notWholeNumber(field: "shipping.price", value: text, example: "20000"), at: mark)
                }
            default:
                if let days = Shipping.days(text) {
                    shipping.days = days
                } else {
                    report(.notWholeNumber(field: "shipping.days", value: text, example: "2-5"), at: mark)
                }
            }
        }
        return shipping
    }
}
