/// Filters, tests and globals available to templates: the built-in ones plus the host's.
final class Registry: Sendable {
    let filters: [String: FilterFunction]
    let tests: [String: TestFunction]
    let globals: NameTable

    init(extensions: Extensions) {
        var filters: [String: FilterFunction] = [:]
        for (name, body) in builtinFilters { filters[name] = .builtin(body) }
        filters["default"] = .defaultValue
        filters["d"] = .defaultValue
        for (name, body) in extensions.filters { filters[name] = .host(body) }
        var tests: [String: TestFunction] = [:]
        for (name, body) in builtinTests { tests[name] = .builtin(body) }
        tests["defined"] = .defined
        tests["undefined"] = .undefined
        for (name, body) in extensions.tests { tests[name] = .host(body) }
        var globals = builtinGlobals
        for (name, value) in extensions.globals { globals[name] = value }
        self.filters = filters
        self.tests = tests
        self.globals = NameTable(globals)
    }

    func filterReference(_ name: String, at offset: Int) throws(ParseFailure) -> FilterReference {
        guard let body = filters[name] else {
            throw ParseFailure("unknown filter '\(name)'" + suggestion(name, among: filters.keys), at: offset, kind: .unknownFilter)
        }
        return FilterReference(name: name, body: body)
    }

    func testReference(_ name: String, at offset: Int) throws(ParseFailure) -> TestReference {
        guard let body = tests[name] else {
            throw ParseFailure("unknown test '\(name)'" + suggestion(name, among: tests.keys), at: offset, kind: .unknownTest)
        }
        return TestReference(name: name, body: body, acceptsUndefined: typeTestNames.contains(name))
    }

    func apply(_ filter: FilterFunction, _ value: Value, _ arguments: Arguments) throws -> Value {
        switch filter {
        case .builtin(let body): return try body(value, arguments, FilterContext(registry: self))
        case .host(let body): return try body(value, arguments)
        case .defaultValue:
            try arguments.check(max: 2, names: ["default_value", "boolean"])
            let boolean = arguments.bool(at: 1, named: "boolean", default: false)
            if value.isNone || value.undefined != nil || (boolean && !value.isTruthy) {
                return arguments.value(at: 0, named: "default_value") ?? .string("")
            }
            return value
        }
    }

    func apply(_ test: TestFunction, _ value: Value, _ arguments: Arguments, name: String) throws -> Bool {
        if let undefined = value.undefined {
            // Jinja2 answers the type tests and `defined` for an undefined value; the rest fail.
            switch test {
            case .defined: return false
            case .undefined: return true
            default:
                if typeTestNames.contains(name) { return false }
                throw FilterError(undefined.reason)
            }
        }
        switch test {
        case .builtin(let body): return try body(value, arguments, FilterContext(registry: self))
        case .host(let body): return try body(value, arguments)
        case .defined: return true
        case .undefined: return false
        }
    }
}

/// What a built-in filter or test may need besides its arguments: other filters and tests by name.
struct FilterContext {
    let registry: Registry

    func filter(named name: String) throws -> FilterFunction {
        guard let f = registry.filters[name] else {
            throw FilterError("unknown filter '\(name)'" + suggestion(name, among: registry.filters.keys))
        }
        return f
    }

    func test(named name: String) throws -> TestFunction {
        guard let t = registry.tests[name] else {
            throw FilterError("unknown test '\(name)'" + suggestion(name, among: registry.tests.keys))
        }
        return t
    }
}
