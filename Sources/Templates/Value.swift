/// A value as templates see it.
///
/// Trust is carried by the type: only `.safe` reaches output unescaped.
public enum Value: Sendable {
    /// Jinja's `None`; also what `default` treats as absent.
    case none
    /// `true`/`false`; prints as `True`/`False`, as in Jinja2.
    case bool(Bool)
    /// A whole number (64-bit; overflow is an error, not a wrap).
    case int(Int)
    /// A number with a fraction; prints as Python prints a float (`1.0`).
    case double(Double)
    /// Text from data: escaped for its context when printed.
    case string(String)
    /// Trusted markup: never escaped again.
    case safe(String)
    /// A list.
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
    /// `"text"` in Swift is `.string("text")`: escaped when printed.
    public init(stringLiteral value: String) { self = .string(value) }
    /// `1` in Swift is `.int(1)`.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// `true` in Swift is `.bool(true)`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `1.5` in Swift is `.double(1.5)`.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// `[a, b]` in Swift is `.array([a, b])`.
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    /// `["k": v]` in Swift is an ordered `.dictionary`, in the literal's order.
    public init(dictionaryLiteral elements: (String, Value)...) { self = .dictionary(OrderedMapping(elements)) }
    /// `nil` in Swift is `.none`, Jinja's None.
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

    /// Whether this is `.none`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
