// Undefined values, as Jinja2 has them: what `[] | first`, an index past the end of a list, a
// missing attribute read by `map`/`selectattr`, or an inline `if` without `else` gives.
//
// A plain name or attribute that does not exist is still an error where it is read (the engine
// is strict, like Jinja2's StrictUndefined). An undefined *value* can be passed on, stored with
// `set`, and asked about (`is defined`, `default`, the type tests); it becomes an error only
// when printed, iterated, filtered or read further.

/// A value that is not there, and why. Boxed in `Value.object`, so no other value grows.
struct UndefinedValue: TemplateObject {
    /// Said when the value is used: "the list is empty, it has no first item".
    let reason: String
    /// Jinja2's inline `if` without `else` gives a lenient undefined: it prints nothing, is
    /// false, and iterates as empty, even where other undefined values are errors.
    let silent: Bool

    func field(_ name: String) -> Value? { nil }
    var fieldNames: [String] { [] }
}

extension Value {
    /// An undefined value that is an error when used.
    static func undefined(_ reason: String) -> Value { .object(UndefinedValue(reason: reason, silent: false)) }

    /// What an inline `if` without `else` gives when its condition is false.
    static let silentUndefined = Value.object(
        UndefinedValue(reason: "the inline 'if' has no 'else' and its condition is false", silent: true))

    /// The undefined value inside, or nil for every defined value. A tag test for most values and
    /// a metatype comparison for objects: cheaper than a dynamic cast on the render path.
    @inline(__always) var undefined: UndefinedValue? {
        guard case .object(let o) = self, type(of: o) == UndefinedValue.self else { return nil }
        return o as? UndefinedValue
    }
}

/// Tests that ask what kind a value is: false for an undefined value, never an error.
let typeTestNames: Set<String> = [
    "none", "number", "integer", "float", "boolean", "true", "false", "string", "mapping", "sequence",
    "iterable", "callable", "escaped",
]
