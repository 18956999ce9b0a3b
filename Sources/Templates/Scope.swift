/// Variables assigned at a template's top level (and the macros it defines), shared by every
/// template of one inheritance chain and by the macros defined there, which see later changes.
final class Namespace: @unchecked Sendable {
    // Only touched by the single render that created it; macros that capture it never escape that render.
    // So no access can overlap another, and the run-time exclusivity check every name lookup
    // paid on this property is left out.
    @exclusivity(unchecked) var frame = Frame()
}

/// A small set of local variables, searched linearly: loops and includes bind only a few names.
struct Frame: Sendable {
    var names: [String] = []
    var values: [Value] = []

    @inline(__always) func get(_ name: String) -> Value? {
        let length = name.utf8.count
        var i = names.count - 1
        while i >= 0 {
            // Comparing lengths first skips most calls into the string comparison.
            if names[i].utf8.count == length && names[i] == name { return values[i] }
            i -= 1
        }
        return nil
    }

    mutating func set(_ name: String, _ value: Value) {
        var i = names.count - 1
        while i >= 0 {
            if names[i] == name {
                values[i] = value
                return
            }
            i -= 1
        }
        names.append(name)
        values.append(value)
    }

    /// An empty frame with room for `capacity` names: made with the room at once, binding them
    /// does not grow the arrays step by step.
    init(capacity: Int) {
        names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    init(names: [String], values: [Value]) {
        self.names = names
        self.values = values
    }

    init() {}

    /// Binds a name without looking for it first: for a frame being filled.
    mutating func bindNew(_ name: String, _ value: Value) {
        names.append(name)
        values.append(value)
    }

    mutating func truncate(to count: Int) {
        if names.count > count {
            names.removeSubrange(count...)
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

    @inline(__always) func lookup(_ name: String) -> Value? {
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
    mutating func assign(_ name: String, _ value: Value) {
        if locals.isEmpty {
            module.frame.set(name, value)
        } else {
            locals[locals.count - 1].set(name, value)
        }
    }
}
