/// An expression as parsed; `at` is the byte offset used for error positions.
indirect enum Expression: Sendable {
    case literal(Value)
    case name(Name, at: Int)
    case attribute(Expression, String, at: Int)
    case item(Expression, Expression, at: Int)
    case slice(Expression, start: Expression?, stop: Expression?, step: Expression?, at: Int)
    case list([Expression])
    case mapping([(Expression, Expression)])
    case not(Expression)
    case negate(Expression, at: Int)
    case plus(Expression, at: Int)
    case arithmetic(ArithmeticOperator, Expression, Expression, at: Int)
    case concat(Expression, Expression)
    case compare(Expression, [(ComparisonOperator, Expression)], at: Int)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case conditional(then: Expression, condition: Expression, otherwise: Expression?, at: Int)
    case filter(Expression, FilterReference, CallArguments, at: Int)
    case test(Expression, TestReference, CallArguments, negated: Bool, at: Int)
    case call(Expression, CallArguments, at: Int)

    var offset: Int? {
        switch self {
        case .name(_, let at), .attribute(_, _, let at), .item(_, _, let at), .slice(_, _, _, _, let at),
            .negate(_, let at), .plus(_, let at), .arithmetic(_, _, _, let at), .compare(_, _, let at),
            .conditional(_, _, _, let at), .filter(_, _, _, let at), .test(_, _, _, _, let at),
            .call(_, _, let at):
            return at
        default: return nil
        }
    }
}

enum ComparisonOperator: Sendable {
    case equal, notEqual, less, greater, lessEqual, greaterEqual, isIn, notIn
}

struct CallArguments: Sendable {
    var positional: [Expression] = []
    var keyword: [(String, Expression)] = []

    var isEmpty: Bool { positional.isEmpty && keyword.isEmpty }
    static let none = CallArguments()
}

/// A filter resolved when the template is parsed, so rendering never looks it up by name.
struct FilterReference: Sendable {
    let name: String
    let body: FilterFunction

    /// Only `default` takes an undefined value; every other filter reports it.
    var acceptsUndefined: Bool {
        if case .defaultValue = body { return true }
        return false
    }
}

struct TestReference: Sendable {
    let name: String
    let body: TestFunction
    /// A type test (`is string`, `is mapping`…): false for an undefined value instead of an error.
    let acceptsUndefined: Bool
}

enum FilterFunction: Sendable {
    case builtin(@Sendable (Value, Arguments, FilterContext) throws -> Value)
    case host(@Sendable (Value, Arguments) throws -> Value)
    /// `default`: its input may be undefined.
    case defaultValue
}

enum TestFunction: Sendable {
    case builtin(@Sendable (Value, Arguments, FilterContext) throws -> Bool)
    case host(@Sendable (Value, Arguments) throws -> Bool)
    case defined
    case undefined
}
