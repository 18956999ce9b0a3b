/// A front-matter value as the editor reads and writes it: a text, a list of texts, rows of
/// named texts (`variants`), or named texts (`certifications`). Numbers, dates and yes/no are
/// texts here, as YAML writes them; the loader gives them their types and messages.
public enum FieldValue: Sendable, Equatable {
    /// "" is an empty value (YAML null), as `lapak new` leaves optional fields.
    case text(String)
    case list([String])
    case rows([[Entry]])
    case entries([Entry])

    public struct Entry: Sendable, Equatable {
        public let key: String
        public let value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Empty in every shape: no text, no item, no row.
    public var isEmpty: Bool {
        switch self {
        case .text(let text): text.isEmpty
        case .list(let items): items.isEmpty
        case .rows(let rows): rows.isEmpty
        case .entries(let entries): entries.isEmpty
        }
    }

    /// The texts of a value read from a file, or nil for shapes the editor does not write
    /// (a list of lists, say), which it then leaves as they are.
    init?(_ value: SourceMap.Value) {
        switch value.shape {
        case .scalar(let text, let quoted):
            self = .text(!quoted && ["~", "null", "Null", "NULL"].contains(text) ? "" : text)
        case .list:
            if value.items.allSatisfy({ $0.text != nil }) {
                self = .list(value.items.compactMap(\.text))
            } else if let rows = Self.rows(value.items) {
                self = .rows(rows)
            } else {
                return nil
            }
        case .mapping:
            guard let entries = Self.entries(value.fields) else { return nil }
            self = .entries(entries)
        }
    }

    private static func entries(_ fields: [SourceMap.Field]) -> [Entry]? {
        var out: [Entry] = []
        for field in fields {
            guard let text = field.value.text else { return nil }
            out.append(Entry(field.name, text))
        }
        return out
    }

    private static func rows(_ items: [SourceMap.Value]) -> [[Entry]]? {
        var out: [[Entry]] = []
        for item in items {
            guard case .mapping = item.shape, let entries = entries(item.fields) else { return nil }
            out.append(entries)
        }
        return out
    }
}
