/// What the host adds to the language: filters, tests, functions and site-wide values.
public struct Extensions: Sendable {
    typealias FilterBody = @Sendable (Value, Arguments) throws -> Value
    typealias TestBody = @Sendable (Value, Arguments) throws -> Bool

    /// Site-wide values visible to every template, looked up after the page context.
    public var globals: [String: Value] = [:]
    var filters: [String: FilterBody] = [:]
    var tests: [String: TestBody] = [:]

    /// No additions: only the built-in filters, tests and functions.
    public init() {}

    /// Registers `{{ value | name(args) }}`; a host filter replaces a built-in one of the same name.
    public mutating func filter(_ name: String, _ body: @escaping @Sendable (Value, Arguments) throws -> Value) {
        filters[name] = body
    }

    /// Registers `{% if value is name(args) %}`.
    public mutating func test(_ name: String, _ body: @escaping @Sendable (Value, Arguments) throws -> Bool) {
        tests[name] = body
    }

    /// Registers a global function `name(args)`.
    public mutating func function(_ name: String, _ body: @escaping @Sendable (Arguments) throws -> Value) {
        globals[name] = .callable(Callable(name: name, body))
    }
}
