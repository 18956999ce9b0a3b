/// A statement of a parsed template.
indirect enum Node: Sendable {
    /// Literal text and the offset of its first byte.
    case text([UInt8], at: Int)
    /// `{{ expr }}`, escaped by the mode fixed at parse time from the template's kind.
    case output(Expression, EscapeMode, at: Int)
    case conditional([(Expression, [Node])], otherwise: [Node], at: Int)
    case loop(Loop)
    case assign([String], Expression, at: Int)
    case assignAttribute(String, String, Expression, at: Int)
    case capture(String, [Node], filters: [(FilterReference, CallArguments, Int)], at: Int)
    case include(Include)
    case extends(Expression, at: Int)
    case block(String, at: Int)
    case macro(MacroDefinition)
    case importAll(Expression, as: String, withContext: Bool, at: Int)
    case importNames(Expression, [(String, String)], withContext: Bool, at: Int)
    case scope([Node])
    /// `{% cache key, … %}…{% endcache %}`: the body's output is made once per key per environment.
    case cached([Expression], [Node], at: Int)
}

struct Loop: Sendable {
    let targets: [String]
    let iterable: Expression
    let condition: Expression?
    let body: [Node]
    let otherwise: [Node]
    let at: Int
    /// `targets`, fingerprinted once.
    let targetNames: [Name]

    init(targets: [String], iterable: Expression, condition: Expression?, body: [Node], otherwise: [Node], at: Int) {
        self.targets = targets
        self.iterable = iterable
        self.condition = condition
        self.body = body
        self.otherwise = otherwise
        self.at = at
        targetNames = targets.map(Name.init)
    }
}

struct Include: Sendable {
    let name: Expression
    let ignoreMissing: Bool
    let withContext: Bool
    let at: Int
}

struct MacroDefinition: Sendable {
    let name: String
    let parameters: [(String, Expression?)]
    let body: [Node]
    let at: Int
    /// The names the macro binds on each call, its own and its parameters', fingerprinted once.
    let boundNames: (macro: Name, parameters: [Name])

    init(name: String, parameters: [(String, Expression?)], body: [Node], at: Int) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.at = at
        boundNames = (Name(name), parameters.map { Name($0.0) })
    }
}

struct BlockDefinition: Sendable {
    let name: String
    var body: [Node]
    let at: Int
    /// In HTML templates, the context the body was analysed from: where it may be placed.
    var context: HTMLContext? = nil
    /// The variables of the loops around a block not marked `scoped`: as in Jinja2, the block
    /// cannot read them, and saying so beats a plain "undefined".
    var loopNames: [String] = []
}
