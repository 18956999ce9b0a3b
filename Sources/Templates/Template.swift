import Synchronization

/// A parsed template, ready to render many times from many threads.
public final class Template: Sendable {
    public let name: String
    let source: SourceText
    let nodes: [Node]
    let blocks: [String: BlockDefinition]
    /// The `{% extends %}` at the top level, if any.
    let parent: Expression?
    let references: [(name: String, offset: Int, optional: Bool)]
    /// The last output size, so the next render reserves enough at once.
    let sizeHint = Atomic<Int>(0)

    init(
        name: String, source: SourceText, nodes: [Node], blocks: [String: BlockDefinition], parent: Expression?,
        references: [(name: String, offset: Int, optional: Bool)]
    ) {
        self.name = name
        self.source = source
        self.nodes = nodes
        self.blocks = blocks
        self.parent = parent
        self.references = references
    }

    /// Parses `text`, returning the template or every syntax error found in it.
    static func parse(name: String, text: String, registry: Registry) -> Result<Template, TemplateErrors> {
        let source = SourceText(normalizing: text)
        var lexer = Lexer(source.bytes)
        var lexError: TemplateError? = nil
        do {
            try lexer.run()
        } catch {
            lexError = source.error(error.message, at: error.offset, in: name)
        }
        var parser = Parser(
            name: name, source: source, segments: lexer.segments, truncated: lexError != nil, registry: registry)
        let nodes = parser.parseTemplate()
        var errors = parser.errors
        if let lexError { errors.append(lexError) }
        if !errors.isEmpty { return .failure(TemplateErrors(errors)) }
        return .success(
            Template(
                name: name, source: source, nodes: nodes, blocks: parser.blocks, parent: parser.parent,
                references: parser.references.map { (name: $0.0, offset: $0.1, optional: $0.2) }))
    }

    func error(_ message: String, at offset: Int) -> TemplateError {
        source.error(message, at: offset, in: name)
    }
}
