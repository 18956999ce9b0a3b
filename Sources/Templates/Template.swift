import Synchronization

/// A parsed template, ready to render many times from many threads.
public final class Template: Sendable {
    /// The name it was loaded by (`partials/card.html`).
    public let name: String
    let source: SourceText
    let nodes: [Node]
    let blocks: [String: BlockDefinition]
    /// The `{% extends %}` at the top level, if any.
    let parent: Expression?
    let references: [(name: String, offset: Int, optional: Bool)]
    /// In HTML templates, the context at each block this template renders in place.
    let blockSlots: [String: HTMLContext]
    /// Where a template extending this one must start each block: this template's slots over
    /// those its own parents gave it.
    let slotsForChildren: [String: HTMLContext]
    /// Reads `loop` outside its own loops (see `Parser.readsOuterLoop`).
    let readsOuterLoop: Bool
    /// Whether a block sits inside a loop without `scoped`: only then does rendering a block
    /// look up which loop variables it must not see.
    let hasBlocksInLoops: Bool
    /// The last output size, so the next render reserves enough at once.
    let sizeHint = Atomic<Int>(0)

    init(
        name: String, source: SourceText, nodes: [Node], blocks: [String: BlockDefinition], parent: Expression?,
        references: [(name: String, offset: Int, optional: Bool)], blockSlots: [String: HTMLContext] = [:],
        slotsForChildren: [String: HTMLContext] = [:], readsOuterLoop: Bool = false
    ) {
        self.readsOuterLoop = readsOuterLoop
        self.hasBlocksInLoops = blocks.values.contains { !$0.loopNames.isEmpty }
        self.name = name
        self.source = source
        self.nodes = nodes
        self.blocks = blocks
        self.parent = parent
        self.references = references
        self.blockSlots = blockSlots
        self.slotsForChildren = slotsForChildren
    }

    /// The parent's name when the template extends a literal one.
    var literalParent: String? {
        if case .literal(.string(let name))? = parent { return name }
        return nil
    }

    /// Parses `text`, returning the template or every syntax error found in it.
    ///
    /// HTML templates are analysed for context too (`ContextAnalyzer`). `parentSlots` gives, for
    /// a parent named by a literal string, where its chain places blocks, so the blocks this
    /// template overrides start there.
    static func parse(
        name: String, text: String, registry: Registry,
        parentSlots: (String) -> [String: HTMLContext] = { _ in [:] }
    ) -> Result<Template, TemplateErrors> {
        let source = SourceText(normalizing: text)
        var lexer = Lexer(source.bytes)
        var lexError: TemplateError? = nil
        do {
            try lexer.run()
        } catch {
            lexError = source.error(error.message, at: error.offset, in: name, kind: .syntax)
        }
        var parser = Parser(
            name: name, source: source, segments: lexer.segments, truncated: lexError != nil, registry: registry)
        var nodes = parser.parseTemplate()
        var errors = parser.errors
        if let lexError { errors.append(lexError) }
        if !errors.isEmpty { return .failure(TemplateErrors(errors)) }
        var blocks = parser.blocks
        var slots: [String: HTMLContext] = [:]
        var inheritedSlots: [String: HTMLContext] = [:]
        if parser.escape == .html, case .literal(.string(let parentName))? = parser.parent {
            inheritedSlots = parentSlots(parentName)
        }
        if parser.escape == .html {
            var analyzer = ContextAnalyzer(extends: parser.parent != nil, blocks: blocks, inheritedSlots: inheritedSlots)
            analyzer.run(nodes, end: source.bytes.count)
            var seen = Set<String>()
            let failures = analyzer.log.failures.sorted { $0.offset < $1.offset }.filter { seen.insert("\($0.offset) \($0.message)").inserted }
            if !failures.isEmpty {
                return .failure(TemplateErrors(failures.map { source.error($0.message, at: $0.offset, in: name, kind: .unsafeContext) }))
            }
            let modes = analyzer.log.modes
            nodes = nodes.withModes(modes)
            for (key, definition) in blocks {
                var analysed = definition
                analysed.body = definition.body.withModes(modes)
                analysed.context = analyzer.blockStarts[key]
                blocks[key] = analysed
            }
            slots = analyzer.slots
        }
        let forChildren = parser.parent == nil ? slots : inheritedSlots.merging(slots) { _, own in own }
        return .success(
            Template(
                name: name, source: source, nodes: nodes, blocks: blocks, parent: parser.parent,
                references: parser.references.map { (name: $0.0, offset: $0.1, optional: $0.2) },
                blockSlots: slots, slotsForChildren: forChildren, readsOuterLoop: parser.readsOuterLoop))
    }

    func error(_ message: String, at offset: Int, kind: TemplateError.Kind) -> TemplateError {
        source.error(message, at: offset, in: name, kind: kind)
    }
}
