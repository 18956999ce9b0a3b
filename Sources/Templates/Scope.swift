/// Variables assigned at a template's top level (and the macros it defines), shared by every
/// template of one inheritance chain and by the macros defined there, which see later changes.
final class Namespace: @unchecked Sendable {
    // Only touched by the single render that created it; macros that capture it never escape that render.
    // So no access can overlap another, and the run-time exclusivity check every name lookup
    // paid on this property is left out.
    @exclusivity(unchecked) var frame = Frame()
}

/// A small set of local variables, searched linearly by fingerprint: loops and includes bind
/// only a few names.
struct Frame: Sendable {
    private var keys: [Name] = []
    var values: [Value] = []

    /// The names bound, for "did you mean" and for a module's exports.
    var names: [String] { keys.map(\.text) }

    @inline(__always) func get(_ name: Name) -> Value? {
        var i = keys.count - 1
        while i >= 0 {
            if keys[i] == name { return values[i] }
            i -= 1
        }
        return nil
    }

    mutating func set(_ name: Name, _ value: Value) {
        var i = keys.count - 1
        while i >= 0 {
            if keys[i] == name {
                values[i] = value
                return
            }
            i -= 1
        }
        bindNew(name, value)
    }

    /// An empty frame with room for `capacity` names: made with the room at once, binding them
    /// does not grow the arrays step by step.
    init(capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    init(names: [String], values: [Value]) {
        self.keys = names.map(Name.init)
        self.values = values
    }

    init() {}

    /// Binds a name without looking for it first: for a frame being filled.
    mutating func bindNew(_ name: Name, _ value: Value) {
        keys.append(name)
        values.append(value)
    }

    mutating func truncate(to count: Int) {
        if keys.count > count {
            keys.removeSubrange(count...)
            values.removeSubrange(count...)
        }
    }
}

/// Where names are looked up: innermost local frame first, then the template's top level,
/// then the page context, then the site-wide globals.
struct Scope: Sendable {
    var module: Namespace
    var locals: [Frame]
    var context: NameTable
    var globals: NameTable

    @inline(__always) func lookup(_ name: Name) -> Value? {
        var i = locals.count - 1
        while i >= 0 {
            if let v = locals[i].get(name) { return v }
            i -= 1
        }
        if let v = module.frame.get(name) { return v }
        if let v = context.get(name) { return v }
        return globals.get(name)
    }

    /// `set` writes to the innermost frame, so it never leaks out of a loop or include.
    mutating func assign(_ name: Name, _ value: Value) {
        if locals.isEmpty {
            module.frame.set(name, value)
        } else {
            locals[locals.count - 1].set(name, value)
        }
    }
}
