/// The arguments of a filter, test or function call: `truncate(120, end="…")`.
public struct Arguments: Sendable {
    /// Arguments given by position, in order.
    public let positional: [Value]
    /// Arguments given by name (`end="…"`).
    public let keyword: [String: Value]

    /// Arguments as a call passes them; hosts build these only to test their filters.
    public init(positional: [Value] = [], keyword: [String: Value] = [:]) {
        self.positional = positional
        self.keyword = keyword
    }

    static let empty = Arguments()

    /// Whether the call passed nothing.
    public var isEmpty: Bool { positional.isEmpty && keyword.isEmpty }

    /// The argument given by position or by name, positional first.
    public func value(at position: Int, named name: String? = nil) -> Value? {
        if position >= 0 && position < positional.count { return positional[position] }
        if let name, let v = keyword[name] { return v }
        return nil
    }

    /// The argument as text; nil when absent or none; an error for any other kind of value.
    public func string(at position: Int, named name: String? = nil) throws -> String? {
        guard let v = value(at: position, named: name) else { return nil }
        switch v {
        case .string(let s), .safe(let s): return s
        case .none: return nil
        default: throw FilterError("argument \(label(position, name)) must be a string, not \(v.typeName)")
        }
    }

    /// The argument as text, or `fallback` when absent or none.
    public func string(at position: Int, named name: String? = nil, default fallback: String) throws -> String {
        try string(at: position, named: name) ?? fallback
    }

    /// The argument as an integer (a boolean counts as 0 or 1); nil when absent or none.
    public func int(at position: Int, named name: String? = nil) throws -> Int? {
        guard let v = value(at: position, named: name) else { return nil }
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .none: return nil
        default: throw FilterError("argument \(label(position, name)) must be an integer, not \(v.typeName)")
        }
    }

    /// The argument as an integer, or `fallback` when absent or none.
    public func int(at position: Int, named name: String? = nil, default fallback: Int) throws -> Int {
        try int(at: position, named: name) ?? fallback
    }

    /// The keyword argument `name` as an integer, or `fallback`.
    public func int(named name: String, default fallback: Int) throws -> Int {
        try int(at: -1, named: name) ?? fallback
    }

    /// The keyword argument `name` as text, or `fallback`.
    public func string(named name: String, default fallback: String) throws -> String {
        try string(at: -1, named: name) ?? fallback
    }

    /// The argument's truth, as `if` would judge it, or `fallback` when absent.
    public func bool(at position: Int, named name: String? = nil, default fallback: Bool) -> Bool {
        guard let v = value(at: position, named: name) else { return fallback }
        return v.isTruthy
    }

    /// The keyword argument `name`'s truth, or `fallback`.
    public func bool(named name: String, default fallback: Bool) -> Bool {
        bool(at: -1, named: name, default: fallback)
    }

    /// Rejects arguments a filter does not take, so typos in templates surface as errors.
    func check(max: Int, names: [String]) throws {
        if positional.count > max {
            throw FilterError("takes at most \(max) positional argument\(max == 1 ? "" : "s"), got \(positional.count)")
        }
        for key in keyword.keys where !names.contains(key) {
            throw FilterError("unexpected keyword argument '\(key)'")
        }
    }

    private func label(_ position: Int, _ name: String?) -> String {
        if let name { return "'\(name)'" }
        return "\(position + 1)"
    }
}
