/// The `loop` variable of a `for`: one instance per loop, advanced in place each iteration.
final class LoopState: TemplateObject, @unchecked Sendable {
    // Mutated only by the loop that owns it, within one render.
    let items: [Value]
    var index0 = 0

    init(items: [Value]) { self.items = items }

    var fieldNames: [String] {
        ["index", "index0", "revindex", "revindex0", "first", "last", "length", "previtem", "nextitem", "depth", "depth0"]
    }

    func field(_ name: String) -> Value? {
        let n = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(n - index0)
        case "revindex0": return .int(n - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == n - 1)
        case "length": return .int(n)
        case "depth": return .int(1)
        case "depth0": return .int(0)
        // Absent (undefined) at the ends, as in Jinja2; `cond ? item : nil` would give none instead.
        case "previtem": if index0 > 0 { return items[index0 - 1] } else { return nil }
        case "nextitem": if index0 + 1 < n { return items[index0 + 1] } else { return nil }
        case "cycle":
            let i = index0
            return .callable(
                Callable(
                    name: "loop.cycle",
                    body: .builtin { args in
                        guard !args.positional.isEmpty else { throw FilterError("no items for cycling given") }
                        return args.positional[i % args.positional.count]
                    }))
        default: return nil
        }
    }
}

/// One result of `groupby`: usable as `group.grouper` / `group.list` and as a pair in `for g, items in …`.
struct GroupTuple: TemplateObject {
    let grouper: Value
    let list: [Value]

    var fieldNames: [String] { ["grouper", "list"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "grouper": return grouper
        case "list": return .array(list)
        default: return nil
        }
    }

    var pair: [Value] { [grouper, .array(list)] }
}

/// `namespace(…)`: the one mutable value, so a loop can carry state out (`set ns.total = …`).
final class NamespaceObject: TemplateObject, @unchecked Sendable {
    // Mutated only by `set ns.x` inside the render that created it.
    var mapping: OrderedMapping

    init(_ mapping: OrderedMapping) { self.mapping = mapping }

    var fieldNames: [String] { mapping.keys }
    func field(_ name: String) -> Value? { mapping[name] }
}

/// A macro bound to the scope it was defined in.
///
/// The scope holds the namespace the macro is stored in, a reference cycle; the render that made
/// the macro breaks it with `release()` when it ends, or every render would keep its context.
final class Macro: @unchecked Sendable {
    let definition: MacroDefinition
    let template: Template
    // Replaced only by `release()`, after the one render that uses the macro has ended.
    private(set) var scope: Scope

    init(definition: MacroDefinition, template: Template, scope: Scope) {
        self.definition = definition
        self.template = template
        self.scope = scope
    }

    func release() {
        scope = Scope(module: Namespace(), locals: [], context: .empty, globals: .empty)
    }
}

/// The overriding definitions of one block, most derived first; `super()` renders the next.
struct BlockChain: Sendable {
    let name: String
    let entries: [(BlockDefinition, Template)]
    let position: Int
}
