/// A value as templates see it.
///
/// Trust is carried by the type: only `.safe` reaches output unescaped.
public enum Value: Sendable {
    /// Jinja's `None`; also what `default` treats as absent.
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// Trusted markup: never escaped again.
    case safe(String)
    case array([Value])
    /// Ordered so that output is deterministic.
    case dictionary(OrderedMapping)
    /// A host value exposing its fields through `TemplateObject`.
    /// Boxed (`indirect`) so that every other value stays small and cheap to copy.
    indirect case object(any TemplateObject)
    /// Something a template can call: a macro, a host function, a bound method.
    indirect case callable(Callable)
}

/// A host value whose fields templates may read.
public protocol TemplateObject: Sendable {
    /// The field's value, or nil when the object has no such field (undefined).
    func field(_ name: String) -> Value?
    /// Every field name, in a stable order; used by `items`, `json` and iteration.
    var fieldNames: [String] { get }
}

/// A function value. Templates create these for macros; hosts for global functions.
public struct Callable: Sendable {
    let name: String
    let body: Body

    enum Body: Sendable {
        case host(@Sendable (Arguments) throws -> Value)
        case macro(Macro)
        case superBlock(BlockChain)
        indirect case method(Value, String)
        case builtin(@Sendable (Arguments) throws -> Value)
    }

    /// A host function, callable from templates as `name(args…)`.
    public init(name: String, _ body: @escaping @Sendable (Arguments) throws -> Value) {
        self.name = name
        self.body = .host(body)
    }

    init(name: String, body: Body) {
        self.name = name
        self.body = body
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .dictionary(OrderedMapping(elements)) }
    public init(nilLiteral: ()) { self = .none }
}

extension Value {
    /// The string inside `.string` or `.safe`, nil for other kinds.
    public var stringValue: String? {
        switch self {
        case .string(let s), .safe(let s): return s
        default: return nil
        }
    }

    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
