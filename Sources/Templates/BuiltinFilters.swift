typealias BuiltinFilter = @Sendable (Value, Arguments, FilterContext) throws -> Value

/// Every built-in filter by name; `default`/`d` are handled by the registry itself.
let builtinFilters: [String: BuiltinFilter] = {
    var all: [String: BuiltinFilter] = [:]
    for table in [stringFilters, sequenceFilters, numberFilters, structureFilters] {
        all.merge(table) { first, _ in first }
    }
    return all
}()
