/// Runs an HTML template's tree through `HTMLContext` once, when it is loaded, so every `{{ }}`
/// carries the escaping of the place it prints to and rendering never looks at its output again.
///
/// Control flow follows the tree: the branches of an `if` must leave the document in the same
/// context, a loop body must end where it began, and blocks, macros, captures and included
/// templates start in text (a block overriding one placed elsewhere starts where its parent
/// places it: `inheritedSlots`).
struct ContextAnalyzer {
    let extends: Bool
    let blocks: [String: BlockDefinition]
    /// Where the parent chain places each block, for a template that extends another.
    let inheritedSlots: [String: HTMLContext]
    var log = ContextLog()
    /// Where this template places each block it renders (not the ones it overrides).
    var slots: [String: HTMLContext] = [:]
    /// The context each block body was analysed from.
    var blockStarts: [String: HTMLContext] = [:]

    init(extends: Bool, blocks: [String: BlockDefinition], inheritedSlots: [String: HTMLContext]) {
        self.extends = extends
        self.blocks = blocks
        self.inheritedSlots = inheritedSlots
    }

    /// Analyses the template; the result is in `log`, `slots` and `blockStarts`.
    mutating func run(_ nodes: [Node], end: Int) {
        var context = HTMLContext()
        walk(nodes, &context, insideBlock: false)
        if !extends { context.finish(into: &log, at: end) }
    }

    private mutating func walk(_ nodes: [Node], _ context: inout HTMLContext, insideBlock: Bool) {
        for node in nodes {
            switch node {
            case .text(let bytes, let at):
                context.consume(bytes, at: at, into: &log)
            case .output(_, _, let at):
                if let mode = context.output(at: at, into: &log) { log.modes[at] = mode }
            case .conditional(let branches, let otherwise, let at):
                let start = context
                var ends: [HTMLContext] = []
                for (_, body) in branches {
                    var c = start
                    walk(body, &c, insideBlock: insideBlock)
                    ends.append(c)
                }
                var c = start
                walk(otherwise, &c, insideBlock: insideBlock)
                ends.append(c)
                context = join(ends, at: at, what: "the branches of this 'if'")
            case .loop(let loop):
                walkLoop(loop, &context, insideBlock: insideBlock)
            case .capture(_, let body, _, let at):
                // The captured markup is a trusted value, printed later wherever it is used.
                walkDetached(body, at: at, what: "this 'set' block", insideBlock: insideBlock)
            case .macro(let definition):
                walkDetached(definition.body, at: definition.at, what: "the macro '\(definition.name)'", insideBlock: insideBlock)
            case .include(let include):
                if !context.acceptsInclude {
                    log.failures.append((include.at, "an 'include' inside \(context.describe): included templates start in text"))
                }
            case .block(let name, let at):
                walkBlock(name, at: at, &context, insideBlock: insideBlock)
            case .scope(let body), .cached(_, let body, _):
                walk(body, &context, insideBlock: insideBlock)
            case .assign, .assignAttribute, .extends, .importAll, .importNames:
                break
            }
        }
    }

    /// Meets paths that must agree; on disagreement, reports it and goes on from the first.
    private mutating func join(_ ends: [HTMLContext], at offset: Int, what: String) -> HTMLContext {
        var joined = ends[0]
        for other in ends.dropFirst() {
            guard let j = joined.joined(with: other) else {
                log.failures.append((offset, "\(what) end in different places of the HTML (\(joined.describe) and "
                    + "\(other.describe)); make each branch open and close the same tags and quotes"))
                return ends[0]
            }
            joined = j
        }
        return joined
    }

    /// A loop body runs any number of times: analysed again from the joined context until the
    /// context at its end is the one it started from.
    private mutating func walkLoop(_ loop: Loop, _ context: inout HTMLContext, insideBlock: Bool) {
        var entry = context
        for round in 1...4 {
            let failures = log.failures.count
            var c = entry
            walk(loop.body, &c, insideBlock: insideBlock)
            guard let j = entry.joined(with: c) else {
                log.failures.append((loop.at, "the body of this 'for' ends in \(c.describe) but starts in \(entry.describe)"))
                break
            }
            if j == entry { break }
            if round == 4 {
                log.failures.append((loop.at, "the body of this 'for' keeps changing the HTML context it starts in"))
                break
            }
            log.failures.removeSubrange(failures...)
            entry = j
        }
        var otherwise = context
        walk(loop.otherwise, &otherwise, insideBlock: insideBlock)
        context = join([entry, otherwise], at: loop.at, what: "the body and the 'else' of this 'for'")
    }

    private mutating func walkDetached(_ body: [Node], at offset: Int, what: String, insideBlock: Bool) {
        var c = HTMLContext()
        walk(body, &c, insideBlock: insideBlock)
        if c.joined(with: HTMLContext()) == nil {
            log.failures.append((offset, "\(what) ends inside \(c.describe); it must end in text, where it starts"))
        }
    }

    /// A block renders where the template that extends nothing places it, so its body starts
    /// there; a block that overrides a parent's starts where the parent chain places it.
    private mutating func walkBlock(_ name: String, at offset: Int, _ context: inout HTMLContext, insideBlock: Bool) {
        guard let definition = blocks[name] else { return }
        let start: HTMLContext
        if extends && !insideBlock {
            start = inheritedSlots[name] ?? HTMLContext()
        } else {
            start = context
            slots[name] = context
        }
        blockStarts[name] = start
        var c = start
        walk(definition.body, &c, insideBlock: true)
        c.settlePending(into: &log)
        guard let end = c.joined(with: start) else {
            let ends = start.describe == c.describe ? "ends in another part of it" : "ends in \(c.describe)"
            log.failures.append((offset, "the block '\(name)' starts in \(start.describe) but \(ends); "
                + "a block must hold whole tags: put '{% block \(name) %}' before the '<' and '{% endblock %}' after the '>'"))
            return
        }
        // Whichever template's body fills the block, what follows it goes on from the same place.
        if !(extends && !insideBlock) { context = end }
    }
}

extension Node {
    /// The same tree with each output's mode taken from `modes` (by offset).
    func withModes(_ modes: [Int: EscapeMode]) -> Node {
        switch self {
        case .output(let e, let mode, let at):
            return .output(e, modes[at] ?? mode, at: at)
        case .conditional(let branches, let otherwise, let at):
            return .conditional(branches.map { ($0.0, $0.1.withModes(modes)) }, otherwise: otherwise.withModes(modes), at: at)
        case .loop(let l):
            return .loop(Loop(targets: l.targets, iterable: l.iterable, condition: l.condition,
                              body: l.body.withModes(modes), otherwise: l.otherwise.withModes(modes), at: l.at))
        case .capture(let name, let body, let filters, let at):
            return .capture(name, body.withModes(modes), filters: filters, at: at)
        case .macro(let d):
            return .macro(MacroDefinition(name: d.name, parameters: d.parameters, body: d.body.withModes(modes), at: d.at))
        case .scope(let body):
            return .scope(body.withModes(modes))
        case .cached(let keys, let body, let at):
            return .cached(keys, body.withModes(modes), at: at)
        case .text, .assign, .assignAttribute, .include, .extends, .block, .importAll, .importNames:
            return self
        }
    }
}

extension Array where Element == Node {
    func withModes(_ modes: [Int: EscapeMode]) -> [Node] { map { $0.withModes(modes) } }
}
