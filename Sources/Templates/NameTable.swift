/// The page variables or the globals, as a scope reads them.
///
/// A page passes a handful of variables and a site a handful of globals, and every name a
/// template reads that is not local is looked up in both: searched linearly like a `Frame`,
/// such a lookup costs less than hashing the name for a dictionary. Many names are hashed.
struct NameTable: Sendable {
    private var few = Frame()
    private var many: [String: Value]? = nil

    private static let linearLimit = 32

    static let empty = NameTable([:])

    init(_ values: [String: Value]) {
        if values.count > Self.linearLimit {
            many = values
        } else {
            few = Frame(names: Array(values.keys), values: Array(values.values))
        }
    }

    @inline(__always) func get(_ name: Name) -> Value? {
        if let many { return many[name.text] }
        return few.get(name)
    }

    /// Every name, in no particular order (for "did you mean").
    var names: [String] {
        many.map { Array($0.keys) } ?? few.names
    }
}
