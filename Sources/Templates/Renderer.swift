/// The state of one render: output, scope, and the template whose nodes are running.
///
/// A struct, not a class: its fields are touched for every node, and a class would pay for
/// dynamic exclusivity checks on each access.
struct Renderer {
    let environment: Environment
    var out: OutputBuffer
    var scope: Scope
    /// The template whose nodes are executing, for error positions.
    var template: Template
    var depth = 0
    /// Block definitions of the inheritance chain being rendered, most derived first.
    var blockChains: [String: [(BlockDefinition, Template)]] = [:]
    /// The block being rendered, so `super()` knows what to render next.
    var currentBlock: BlockChain? = nil
    /// Imported templates evaluated once per render.
    var modules: [String: OrderedMapping] = [:]
    /// Values replaced rather than printed (URLs with a refused scheme).
    var warnings: [RenderWarning] = []
    /// Every macro this render defined, released when it ends (see `Macro`).
    var macros: [Macro] = []

    static let maxDepth = 64
    /// How many names set in a loop's body its frame has room for from the start.
    static let loopBodyNames = 4

    init(environment: Environment, template: Template, context: [String: Value]) {
        self.environment = environment
        self.template = template
        let hint = template.sizeHint.load(ordering: .relaxed)
        self.out = OutputBuffer(capacity: hint > 0 ? hint + hint / 8 : template.source.bytes.count * 2)
        self.scope = Scope(
            module: Namespace(), locals: [], context: NameTable(context), globals: environment.registry.globals)
    }

    mutating func fail(_ message: String, at offset: Int, kind: TemplateError.Kind = .invalidOperation) -> TemplateError {
        template.error(message, at: offset, kind: kind)
    }

    mutating func enter(at offset: Int) throws {
        depth += 1
        if depth > Self.maxDepth {
            throw fail("too many nested includes, macro calls or blocks (more than \(Self.maxDepth))", at: offset, kind: .limit)
        }
    }

    /// Renders a template, following its `extends` chain.
    mutating func renderTemplate(_ t: Template) throws {
        let previous = template
        template = t
        defer { template = previous }
        if !t.blocks.isEmpty {
            for (name, definition) in t.blocks {
                blockChains[name, default: []].append((definition, t))
            }
        }
        var parentName: Value? = nil
        var parentOffset = 0
        for node in t.nodes {
            if parentName != nil {
                // After `extends`, only side effects count: the parent produces the output.
                switch node {
                case .text, .output, .block: continue
                default:
                    let mark = out.count
                    try render(node)
                    out.discard(from: mark)
                }
            } else if case .extends(let e, let at) = node {
                parentName = try evaluate(e)
                parentOffset = at
            } else {
                try render(node)
            }
        }
        guard let parentName else { return }
        guard case .string(let name) = parentName else {
            throw fail("template name must be a string, not \(parentName.typeName)", at: parentOffset)
        }
        let parentTemplate: Template
        do {
            parentTemplate = try environment.template(named: name)
        } catch {
            throw locate(error, at: parentOffset)
        }
        try enter(at: parentOffset)
        defer { depth -= 1 }
        try renderTemplate(parentTemplate)
    }

    /// Gives a position to an error about a missing or broken template named at `offset`.
    mutating func locate(_ error: TemplateError, at offset: Int) -> TemplateError {
        guard error.line == 0 else { return error }
        return fail(error.message, at: offset, kind: error.kind)
    }

    mutating func render(_ nodes: [Node]) throws {
        for node in nodes { try render(node) }
    }

    mutating func render(_ node: Node) throws {
        switch node {
        case .text(let text, _):
            out.append(text)
        case .output(let expression, let mode, let at):
            if let json = Self.scriptJSON(expression, mode: mode) {
                try writeScriptJSON(json.input, json.filter, filterOffset: json.at, at: at)
            } else {
                try write(try evaluate(expression), mode: mode, at: at)
            }
        case .conditional(let branches, let otherwise, _):
            for (condition, body) in branches where try truth(condition) {
                try render(body)
                return
            }
            try render(otherwise)
        case .loop(let loop):
            try renderLoop(loop)
        case .assign(let names, let expression, let at):
            let value = try evaluate(expression)
            if names.count == 1 {
                scope.assign(Name(names[0]), value)
            } else {
                let parts = try unpack(value, count: names.count, at: at)
                for (n, v) in zip(names, parts) { scope.assign(Name(n), v) }
            }
        case .assignAttribute(let name, let attribute, let expression, let at):
            guard let target = scope.lookup(Name(name)) else {
                throw fail("'\(name)' is undefined" + suggestion(name, among: visibleNames()), at: at, kind: .undefined)
            }
            guard case .object(let o) = target, let ns = o as? NamespaceObject else {
                throw fail("cannot assign attribute on '\(name)': only a namespace() can be changed", at: at)
            }
            ns.mapping[attribute] = try evaluate(expression)
        case .capture(let name, let body, let filters, _):
            let mark = out.count
            try render(body)
            var value = Value.safe(out.take(from: mark))
            for (filter, args, at) in filters {
                value = try applyFilter(filter, to: value, arguments: try evaluate(args), at: at)
            }
            scope.assign(Name(name), value)
        case .include(let include):
            try renderInclude(include)
        case .extends(_, let at):
            throw fail("'extends' must be a top-level statement", at: at)
        case .block(let name, let at):
            try renderBlock(name, position: 0, at: at)
        case .macro(let definition):
            let macro = Macro(definition: definition, template: template, scope: scope)
            macros.append(macro)
            scope.assign(Name(definition.name), .callable(Callable(name: definition.name, body: .macro(macro))))
        case .importAll(let target, let alias, let withContext, let at):
            scope.assign(Name(alias), .dictionary(try importModule(target, withContext: withContext, at: at)))
        case .importNames(let target, let names, let withContext, let at):
            let module = try importModule(target, withContext: withContext, at: at)
            for (name, alias) in names {
                guard let v = module[name] else {
                    throw fail(
                        "the imported template does not export '\(name)'" + suggestion(name, among: module.keys), at: at,
                        kind: .undefined)
                }
                scope.assign(Name(alias), v)
            }
        case .scope(let body):
            scope.locals.append(Frame())
            defer { scope.locals.removeLast() }
            try render(body)
        case .cached(let keys, let body, let at):
            try renderCached(keys, body, at: at)
        }
    }

    /// The one place where a value becomes output text, escaped as the node's mode says.
    @inline(__always)
    mutating func write(_ value: Value, mode: EscapeMode, at offset: Int) throws {
        if case .callable = value { throw fail("cannot print a function; call it with ()", at: offset) }
        switch mode {
        case .html, .none, .xml, .jsonString:
            switch value {
            case .safe(let s): out.append(s)
            case .string(let s): out.appendEscaped(s, mode: mode)
            case .int(let i): out.append(String(i))
            default: try writeOther(value, mode: mode, at: offset)
            }
        case .attribute:
            switch value {
            case .string(let s): out.appendEscaped(s, mode: mode)
            case .int(let i): out.append(String(i))
            default: try writeInContext(value, mode: mode, at: offset)
            }
        default:
            try writeInContext(value, mode: mode, at: offset)
        }
    }

    /// Values other than text and integers, kept out of the inlined `write` so it stays small.
    @inline(never)
    private mutating func writeOther(_ value: Value, mode: EscapeMode, at offset: Int) throws {
        if try isSilentUndefined(value, at: offset) { return }
        out.appendEscaped(value.text, mode: mode)
    }

    /// An undefined value prints nothing when it is Jinja2's lenient kind and is an error otherwise.
    mutating func isSilentUndefined(_ value: Value, at offset: Int) throws -> Bool {
        guard let undefined = value.undefined else { return false }
        if undefined.silent { return true }
        throw fail(undefined.reason, at: offset, kind: .undefined)
    }

    /// Every name a template could read here, for "did you mean" (only on the error path).
    func visibleNames() -> [String] {
        var names = scope.locals.flatMap(\.names) + scope.module.frame.names
        names += scope.context.names
        names += scope.globals.names
        return names
    }

    mutating func truth(_ expression: Expression) throws -> Bool {
        try evaluate(expression).isTruthy
    }

    private mutating func renderLoop(_ loop: Loop) throws {
        let iterable = try evaluate(loop.iterable)
        var items = try sequence(of: iterable, pairs: loop.targets.count == 2, at: loop.at)
        let targets = loop.targets
        // Room for the targets, `loop`, and a few names set in the body (`{% set %}`).
        scope.locals.append(Frame(capacity: targets.count + 1 + Self.loopBodyNames))
        defer { scope.locals.removeLast() }
        let frameIndex = scope.locals.count - 1
        for target in loop.targetNames { scope.locals[frameIndex].bindNew(target, .none) }
        scope.locals[frameIndex].bindNew(Self.loopName, .none)
        if let condition = loop.condition {
            var kept: [Value] = []
            for item in items {
                try bind(item, to: targets, frame: frameIndex, at: loop.at)
                if try truth(condition) { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            scope.locals.removeLast()
            defer { scope.locals.append(Frame()) }
            try render(loop.otherwise)
            return
        }
        let state = LoopState(items: items)
        scope.locals[frameIndex].values[targets.count] = .object(state)
        let baseCount = targets.count + 1
        for i in items.indices {
            state.index0 = i
            // Assignments made in one iteration do not carry into the next.
            scope.locals[frameIndex].truncate(to: baseCount)
            try bind(items[i], to: targets, frame: frameIndex, at: loop.at)
            try render(loop.body)
        }
    }

    @inline(__always)
    private mutating func bind(_ item: Value, to targets: [String], frame: Int, at offset: Int) throws {
        if targets.count == 1 {
            scope.locals[frame].values[0] = item
        } else {
            let parts = try unpack(item, count: targets.count, at: offset)
            for i in parts.indices { scope.locals[frame].values[i] = parts[i] }
        }
    }

    mutating func unpack(_ value: Value, count: Int, at offset: Int) throws -> [Value] {
        let parts: [Value]
        switch value {
        case .array(let a): parts = a
        case .object(let o as GroupTuple): parts = o.pair
        case .string(let s): parts = s.map { .string(String($0)) }
        default: throw fail("cannot unpack \(value.typeName) into \(count) names", at: offset)
        }
        guard parts.count == count else {
            throw fail("cannot unpack \(parts.count) values into \(count) names", at: offset)
        }
        return parts
    }

    /// The items a `for` visits; a mapping gives keys, or (key, value) pairs to two loop variables.
    mutating func sequence(of value: Value, pairs: Bool, at offset: Int) throws -> [Value] {
        switch value {
        case .array(let a): return a
        case .dictionary(let m):
            if pairs { return m.keys.indices.map { .array([.string(m.keys[$0]), m.values[$0]]) } }
            return m.keys.map { .string($0) }
        case .string(let s), .safe(let s): return s.map { .string(String($0)) }
        case .object(let o):
            if let g = o as? GroupTuple { return g.pair }
            if let undefined = value.undefined {
                if undefined.silent { return [] }
                throw fail(undefined.reason, at: offset, kind: .undefined)
            }
            if pairs { return o.fieldNames.map { .array([.string($0), o.field($0) ?? .none]) } }
            return o.fieldNames.map { .string($0) }
        default:
            throw fail("cannot iterate over \(value.typeName)", at: offset)
        }
    }

    private mutating func renderInclude(_ include: Include) throws {
        let target = try evaluate(include.name)
        var candidates: [String] = []
        switch target {
        case .string(let s), .safe(let s): candidates = [s]
        case .array(let items):
            for item in items {
                guard let s = item.stringValue else {
                    throw fail("template name must be a string, not \(item.typeName)", at: include.at)
                }
                candidates.append(s)
            }
        default: throw fail("template name must be a string, not \(target.typeName)", at: include.at)
        }
        var found: Template? = nil
        for name in candidates {
            do {
                if let t = try environment.templateIfPresent(named: name) {
                    found = t
                    break
                }
            } catch {
                throw locate(error, at: include.at)
            }
        }
        guard let t = found else {
            if include.ignoreMissing { return }
            let list = candidates.map { "'\($0)'" }.joined(separator: ", ")
            let known = candidates.count == 1 ? ((try? environment.loader.templateNames()) ?? []) : []
            throw fail(
                "template \(list) not found" + (candidates.first.map { suggestion($0, among: known) } ?? ""), at: include.at,
                kind: .templateNotFound)
        }
        try enter(at: include.at)
        defer { depth -= 1 }
        let includer = template
        // An included template has its own inheritance chain and no enclosing block.
        let ownChain = !t.blocks.isEmpty || t.parent != nil || currentBlock != nil
        let savedChains = blockChains
        let savedBlock = currentBlock
        if ownChain {
            blockChains = [:]
            currentBlock = nil
        }
        defer {
            if ownChain {
                blockChains = savedChains
                currentBlock = savedBlock
            }
        }
        var savedScope: Scope? = nil
        if include.withContext {
            // Appending and removing a frame keeps the locals array uniquely owned (no copy).
            // As in Jinja2, an included template sees the loop's variables but not `loop`; hidden
            // only from templates that read it, so other includes pay nothing per name lookup.
            scope.locals.append(t.readsOuterLoop && scope.lookup(Self.loopName) != nil ? Self.loopHiddenFromInclude : Frame())
        } else {
            savedScope = scope
            scope = Scope(module: Namespace(), locals: [], context: .empty, globals: scope.globals)
        }
        defer {
            if let savedScope { scope = savedScope } else { scope.locals.removeLast() }
        }
        do {
            try renderTemplate(t)
        } catch var error as TemplateError {
            let p = includer.source.position(of: include.at)
            error.chain.append(.init(name: includer.name, line: p.line, column: p.column, relation: "included from"))
            throw error
        }
    }

    static let loopName = Name("loop")

    static let loopHiddenFromInclude = Frame(
        names: ["loop"],
        values: [
            .undefined("'loop' is not passed to an included template; set what it needs before the include, "
                + "e.g. {% set index = loop.index %}")
        ])

    mutating func renderBlock(_ name: String, position: Int, at offset: Int) throws {
        guard let chain = blockChains[name], position < chain.count else {
            throw fail(position == 0 ? "block '\(name)' is not defined" : "block '\(name)' has no parent block for super()", at: offset)
        }
        let (definition, owner) = chain[position]
        // A block analysed for one HTML context must not print in another (a parent chosen at
        // run time may place it elsewhere than the one it was analysed against).
        if let placed = template.blockSlots[name], let analysed = definition.context, placed != analysed {
            throw fail("the block '\(name)' of '\(owner.name)' was checked for \(analysed.describe) but is placed in "
                + "\(placed.describe); name the parent template with a literal string in 'extends'", at: offset, kind: .unsafeContext)
        }
        try enter(at: offset)
        let savedTemplate = template
        let savedBlock = currentBlock
        let frame = loopNamesHidden(from: name, position: position)
        template = owner
        currentBlock = BlockChain(name: name, entries: chain, position: position)
        scope.locals.append(frame)
        defer {
            scope.locals.removeLast()
            template = savedTemplate
            currentBlock = savedBlock
            depth -= 1
        }
        try render(definition.body)
    }

    /// A block placed inside a loop without `scoped` does not see the loop's variables (Jinja2);
    /// they are bound to undefined values that say how to let it.
    private func loopNamesHidden(from name: String, position: Int) -> Frame {
        guard position == 0, template.hasBlocksInLoops, let names = template.blocks[name]?.loopNames, !names.isEmpty else {
            return Frame()
        }
        return Frame(
            names: names,
            values: names.map {
                .undefined("the block '\(name)' is inside a 'for' and cannot read '\($0)'; "
                    + "write {% block \(name) scoped %} to let it read the loop's variables")
            })
    }

    /// Runs a template for its top-level names (macros and variables not starting with '_').
    private mutating func importModule(_ target: Expression, withContext: Bool, at offset: Int) throws -> OrderedMapping {
        let nameValue = try evaluate(target)
        guard let name = nameValue.stringValue else {
            throw fail("template name must be a string, not \(nameValue.typeName)", at: offset)
        }
        if !withContext, let cached = modules[name] { return cached }
        let t: Template
        do {
            t = try environment.template(named: name)
        } catch {
            throw locate(error, at: offset)
        }
        try enter(at: offset)
        let savedScope = scope
        let savedChains = blockChains
        let savedBlock = currentBlock
        let importer = template
        let mark = out.count
        defer {
            depth -= 1
            scope = savedScope
            blockChains = savedChains
            currentBlock = savedBlock
            out.discard(from: mark)
        }
        let module = Namespace()
        scope = Scope(module: module, locals: [], context: withContext ? scope.context : .empty, globals: scope.globals)
        blockChains = [:]
        currentBlock = nil
        do {
            try renderTemplate(t)
        } catch var error as TemplateError {
            let p = importer.source.position(of: offset)
            error.chain.append(.init(name: importer.name, line: p.line, column: p.column, relation: "imported from"))
            throw error
        }
        var exported = OrderedMapping()
        for (n, v) in zip(module.frame.names, module.frame.values) where !n.hasPrefix("_") {
            exported[n] = v
        }
        if !withContext { modules[name] = exported }
        return exported
    }
}
