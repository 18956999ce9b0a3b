import CYaml

/// A place in YAML text: line and column, both counted from 1, and how many characters (Unicode
/// scalars, as libyaml counts) come before it, from which `SourceMap` finds the byte.
struct YAMLMark: Sendable, Equatable {
    let line: Int
    let column: Int
    var index: Int = 0

    /// Places are compared as people read them, by line and column.
    static func == (lhs: YAMLMark, rhs: YAMLMark) -> Bool { lhs.line == rhs.line && lhs.column == rhs.column }
}

/// Front matter as data: text, lists and mappings, each with where it was written. Every scalar
/// is text (`Fields` reads numbers, dates and booleans from it, with messages of its own).
indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    struct Scalar: Sendable {
        enum Style: Sendable { case plain, quoted }
        let string: String
        let style: Style
        let mark: YAMLMark
        /// Just past the scalar's last character (its closing quote when quoted).
        var end: YAMLMark? = nil
    }

    struct Mapping: Sendable, Swift.Sequence {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: YAMLMark?
        /// Just past `}` for a flow mapping; nil for a block mapping, which ends with its last value.
        var flowEnd: YAMLMark?

        init(_ pairs: [(key: YAMLNode, value: YAMLNode)], mark: YAMLMark? = nil, flowEnd: YAMLMark? = nil) {
            self.pairs = pairs
            self.mark = mark
            self.flowEnd = flowEnd
        }

        func makeIterator() -> IndexingIterator<[(key: YAMLNode, value: YAMLNode)]> { pairs.makeIterator() }
    }

    struct Sequence: Sendable, Swift.Sequence {
        var items: [YAMLNode]
        let mark: YAMLMark?
        /// Just past `]` for a flow list; nil for a block list, which ends with its last item.
        var flowEnd: YAMLMark? = nil

        func makeIterator() -> IndexingIterator<[YAMLNode]> { items.makeIterator() }
    }

    var mark: YAMLMark? {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let sequence): return sequence.mark
        }
    }

    /// The text of a scalar; nil for lists and mappings.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}

/// Builds a `YAMLNode` from libyaml's parse events (the libyaml Yams bundles): front matter is a
/// small mapping, and building it straight from the events costs a fraction of composing Yams'
/// general node graph, which was a tenth of a build.
///
/// Anchors, aliases and tags are refused where they appear (front matter is data, not a
/// program; nothing is ever expanded), a key written twice in one mapping is an error at the
/// second, and more than one document is an error. Nesting is followed with a stack, not by
/// recursion, so deep input cannot exhaust a thread's stack.
enum YAMLComposer {
    struct Failure: Error, Equatable {
        enum Kind: Equatable {
            case syntax(String)
            case slip(YAMLSlip)
            case duplicateKey(String)
            case aliasOrAnchor
            case tag
        }
        let kind: Kind
        let mark: YAMLMark?
    }

    /// The document's root, or nil for an empty document.
    static func compose(_ text: String) throws(Failure) -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x0A] }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure(kind: .syntax("cannot start the YAML parser"), mark: nil) }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = Builder()
            var documents = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { throw failure(of: parser, text: text) }
                defer { yaml_event_delete(&event) }
                let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                    index: Int(event.start_mark.index))
                let end = YAMLMark(line: Int(event.end_mark.line) + 1, column: Int(event.end_mark.column) + 1,
                                   index: Int(event.end_mark.index))
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return builder.root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 { throw Failure(kind: .slip(.secondDocument), mark: mark) }
                case YAML_ALIAS_EVENT:
                    throw Failure(kind: .aliasOrAnchor, mark: mark)
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    if scalar.anchor != nil { throw Failure(kind: .aliasOrAnchor, mark: mark) }
                    if scalar.tag != nil { throw Failure(kind: .tag, mark: mark) }
                    let value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                    let style: YAMLNode.Scalar.Style = scalar.style == YAML_PLAIN_SCALAR_STYLE ? .plain : .quoted
                    try builder.add(.scalar(.init(string: value, style: style, mark: mark, end: end)))
                case YAML_SEQUENCE_START_EVENT:
                    if event.data.sequence_start.anchor != nil { throw Failure(kind: .aliasOrAnchor, mark: mark) }
                    if event.data.sequence_start.tag != nil { throw Failure(kind: .tag, mark: mark) }
                    builder.openSequence(at: mark, flow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
                case YAML_MAPPING_START_EVENT:
                    if event.data.mapping_start.anchor != nil { throw Failure(kind: .aliasOrAnchor, mark: mark) }
                    if event.data.mapping_start.tag != nil { throw Failure(kind: .tag, mark: mark) }
                    builder.openMapping(at: mark, flow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    try builder.close(at: end)
                default:
                    continue
                }
            }
        }
    }

    /// The collections being filled, innermost last. Their items are kept in the frame, not in a
    /// `YAMLNode`, so appending never copies what was appended before.
    private struct Builder {
        private struct Frame {
            let isMapping: Bool
            let mark: YAMLMark
            let flow: Bool
            var items: [YAMLNode] = []
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var pendingKey: YAMLNode?
            var keys: Set<String> = []
        }

        private var open: [Frame] = []
        private(set) var root: YAMLNode?

        mutating func openSequence(at mark: YAMLMark, flow: Bool) {
            open.append(Frame(isMapping: false, mark: mark, flow: flow))
        }

        mutating func openMapping(at mark: YAMLMark, flow: Bool) {
            open.append(Frame(isMapping: true, mark: mark, flow: flow))
        }

        mutating func close(at end: YAMLMark) throws(Failure) {
            guard let finished = open.popLast() else { return }
            let flowEnd = finished.flow ? end : nil
            try add(finished.isMapping ? .mapping(.init(finished.pairs, mark: finished.mark, flowEnd: flowEnd))
                                       : .sequence(.init(items: finished.items, mark: finished.mark, flowEnd: flowEnd)))
        }

        mutating func add(_ node: YAMLNode) throws(Failure) {
            let top = open.count - 1
            guard top >= 0 else {
                root = node
                return
            }
            if !open[top].isMapping {
                open[top].items.append(node)
            } else if let key = open[top].pendingKey {
                open[top].pairs.append((key, node))
                open[top].pendingKey = nil
            } else {
                if let text = node.string, !open[top].keys.insert(text).inserted {
                    throw Failure(kind: .duplicateKey(text), mark: node.mark)
                }
                open[top].pendingKey = node
            }
        }
    }

    private static func failure(of parser: yaml_parser_t, text: String) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = YAMLMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        let contextMark = context == nil ? nil
            : YAMLMark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
        let (slip, at) = YAMLSlip.classify(problem: problem, context: context, mark: mark, contextMark: contextMark, text: text)
        return Failure(kind: .slip(slip), mark: at)
    }

    /// A failure as a diagnostic at the line of the content file (`lineOffset`: the file line of
    /// the YAML's first line).
    static func diagnostic(_ failure: Failure, file: String, lineOffset: Int) -> Diagnostic {
        let location = failure.mark.map { SourceLocation(file: file, line: $0.line + lineOffset - 1, column: $0.column) }
            ?? SourceLocation(file: file, line: lineOffset)
        switch failure.kind {
        case .syntax(let detail): return .error(.yamlSyntax(detail: detail), at: location)
        case .slip(let slip): return .error(.yamlSlip(slip), at: location)
        case .duplicateKey(let key): return .error(.duplicateKey(field: key), at: location)
        case .aliasOrAnchor: return .error(.yamlAliasesNotAllowed, at: location)
        case .tag: return .error(.yamlTagNotAllowed, at: location)
        }
    }
}
