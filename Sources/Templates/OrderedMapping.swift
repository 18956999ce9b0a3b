/// A string-keyed mapping that remembers insertion order, so output never depends on hashing.
///
/// Small mappings (the common case: a product, a page) are searched linearly, which beats
/// hashing for a handful of keys; larger ones build a hash index.
public struct OrderedMapping: Sendable {
    /// The keys, in insertion order.
    public private(set) var keys: [String]
    /// The values, in the order of `keys`.
    public private(set) var values: [Value]
    private var index: [String: Int]?

    private static let indexThreshold = 32

    /// An empty mapping.
    public init() {
        keys = []
        values = []
    }

    /// Later duplicates replace earlier values but keep the first position.
    public init(_ pairs: [(String, Value)]) {
        var keys: [String] = []
        var values: [Value] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        guard pairs.count <= Self.indexThreshold else {
            (self.keys, self.values) = (keys, values)
            for (k, v) in pairs { self[k] = v }
            return
        }
        // Hosts make one of these for every product, photo and date of a site. Each key is
        // compared with the earlier ones, as `self[k] = v` would, but with their lengths taken
        // once into a buffer on the stack, only the few of the same length are compared as text.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: pairs.count) { lengths in
            for (k, v) in pairs {
                let length = k.utf8.count
                var earlier = 0
                while earlier < keys.count && !(lengths[earlier] == length && keys[earlier] == k) { earlier += 1 }
                if earlier < keys.count {
                    values[earlier] = v
                } else {
                    lengths[keys.count] = length
                    keys.append(k)
                    values.append(v)
                }
            }
        }
        (self.keys, self.values) = (keys, values)
    }

    /// Keys are taken in sorted order, since a Swift dictionary has none.
    public init(sortingKeysOf dictionary: [String: Value]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// How many keys.
    public var count: Int { keys.count }
    /// Whether there are no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// (key, value) pairs in order.
    public var pairs: [(key: String, value: Value)] {
        var out: [(key: String, value: Value)] = []
        out.reserveCapacity(keys.count)
        for i in keys.indices { out.append((keys[i], values[i])) }
        return out
    }

    func position(of key: String) -> Int? {
        if let index { return index[key] }
        let length = key.utf8.count
        let n = keys.count
        var i = 0
        while i < n {
            // Comparing lengths first skips most calls into the string comparison.
            if keys[i].utf8.count == length && keys[i] == key { return i }
            i += 1
        }
        return nil
    }

    /// The value of `key`; setting a new key appends it, setting nil removes it.
    public subscript(key: String) -> Value? {
        get {
            guard let i = position(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = position(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if index != nil {
                    index?[key] = keys.count - 1
                } else if keys.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    private mutating func rebuildIndex() {
        guard keys.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built: [String: Int] = [:]
        built.reserveCapacity(keys.count)
        for (i, k) in keys.enumerated() { built[k] = i }
        index = built
    }
}
