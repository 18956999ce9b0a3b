import YAMLEvents

/// A place in YAML text: line and column, both counted from 1, and how many characters (Unicode
/// scalars, as libyaml counts) come before it, from which `SourceMap` finds the byte.
struct YAMLMark: Sendable, Equatable {
    let line: Int
    let column: Int
    var index: Int = 0

    init(line: Int, column: Int, index: Int = 0) {
        self.line = line
        self.column = column
        self.index = index
    }

    init(_ position: YAMLPosition) {
        self.init(line: position.line, column: position.column, index: position.index)
    }

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

/// Builds a `YAMLNode` from libyaml's parse events (read through `YAMLEvents`): front matter is
/// a small mapping, and building it straight from the events costs a fraction of composing Yams'
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
        guard let reader = YAMLEventReader(text) else { throw Failure(kind: .syntax("cannot start the YAML parser"), mark: nil) }
        var builder = Builder()
        var documents = 0
        while true {
            let event: YAMLEvent
            do {
                event = try reader.next()
            } catch {
                throw failure(error, text: text)
            }
            let mark = YAMLMark(event.start)
            switch event.kind {
            case .streamEnd:
                return builder.root
            case .documentStart:
                documents += 1
                if documents > 1 { throw Failure(kind: .slip(.secondDocument), mark: mark) }
            case .alias:
                throw Failure(kind: .aliasOrAnchor, mark: mark)
            case .scalar(let value, let plain, let marks):
                try refuse(marks, at: mark)
                try builder.add(.scalar(.init(string: value, style: plain ? .plain : .quoted, mark: mark, end: YAMLMark(event.end))))
            case .sequenceStart(let flow, let marks):
                try refuse(marks, at: mark)
                builder.openSequence(at: mark, flow: flow)
            case .mappingStart(let flow, let marks):
                try refuse(marks, at: mark)
                builder.openMapping(at: mark, flow: flow)
            case .sequenceEnd, .mappingEnd:
                try builder.close(at: YAMLMark(event.end))
            case .streamStart, .documentEnd, .other:
                continue
            }
        }
    }

    /// An anchor or a tag on a node, refused at the node.
    private static func refuse(_ marks: YAMLEvent.Marks, at mark: YAMLMark) throws(Failure) {
        if marks.anchor { throw Failure(kind: .aliasOrAnchor, mark: mark) }
        if marks.tag { throw Failure(kind: .tag, mark: mark) }
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

    private static func failure(_ error: YAMLSyntaxError, text: String) -> Failure {
        let mark = YAMLMark(line: error.position.line, column: error.position.column)
        let contextMark = error.contextPosition.map { YAMLMark(line: $0.line, column: $0.column) }
        let (slip, at) = YAMLSlip.classify(problem: error.problem, context: error.context, mark: mark,
                                           contextMark: contextMark, text: text)
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
