import CLibYAML

/// Reads YAML text as libyaml's parse events, one at a time: the Swift face of libyaml, so no
/// other module touches its C types. Nothing is composed, resolved or expanded here; the caller
/// builds what it needs from the events.
public final class YAMLEventReader {
    /// Allocated, not a stored value: libyaml is handed its address on every call.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The text as libyaml reads it: owned here, because the parser keeps a pointer into it.
    private let input: UnsafeMutableBufferPointer<UInt8>

    /// A reader of `text`; nil when libyaml cannot allocate its parser.
    public init?(_ text: String) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            return nil
        }
        // libyaml reads an empty input as no stream at all; a lone line end is an empty document.
        let bytes = text.isEmpty ? "\n".utf8 : text.utf8
        input = .allocate(capacity: bytes.count)
        _ = input.initialize(from: bytes)
        self.parser = parser
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; `.streamEnd` is the last. Throws where the text is not YAML.
    public func next() throws(YAMLSyntaxError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }
        let start = YAMLPosition(event.start_mark), end = YAMLPosition(event.end_mark)
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT: kind = .alias
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            kind = .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                           marks: YAMLEvent.Marks(anchor: scalar.anchor != nil, tag: scalar.tag != nil))
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            kind = .sequenceStart(flow: sequence.style == YAML_FLOW_SEQUENCE_STYLE,
                                  marks: YAMLEvent.Marks(anchor: sequence.anchor != nil, tag: sequence.tag != nil))
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            kind = .mappingStart(flow: mapping.style == YAML_FLOW_MAPPING_STYLE,
                                 marks: YAMLEvent.Marks(anchor: mapping.anchor != nil, tag: mapping.tag != nil))
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .other
        }
        return YAMLEvent(kind: kind, start: start, end: end)
    }

    private func syntaxError() -> YAMLSyntaxError {
        let state = parser.pointee
        let context = state.context.map { String(cString: $0) }
        return YAMLSyntaxError(problem: state.problem.map { String(cString: $0) } ?? "invalid YAML",
                               position: YAMLPosition(state.problem_mark),
                               context: context, contextPosition: context == nil ? nil : YAMLPosition(state.context_mark))
    }
}

/// One parse event, with where it starts and just past where it ends.
public struct YAMLEvent: Sendable {
    public enum Kind: Sendable {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias
        /// A scalar's text; `plain` when written without quotes or block indicators.
        case scalar(String, plain: Bool, marks: Marks)
        case sequenceStart(flow: Bool, marks: Marks)
        case sequenceEnd
        case mappingStart(flow: Bool, marks: Marks)
        case mappingEnd
        case other
    }

    /// Whether a node was written with an anchor (`&name`) or a tag (`!tag`).
    public struct Marks: Sendable {
        public let anchor: Bool
        public let tag: Bool
    }

    public let kind: Kind
    public let start: YAMLPosition
    public let end: YAMLPosition
}

/// A place in YAML text: line and column counted from 1, and how many characters (Unicode
/// scalars, as libyaml counts) come before it.
public struct YAMLPosition: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let index: Int

    init(_ mark: yaml_mark_t) {
        line = Int(mark.line) + 1
        column = Int(mark.column) + 1
        index = Int(mark.index)
    }
}

/// libyaml's own account of text it cannot read: its problem and, for some, the context it was
/// reading ("while scanning a quoted scalar") and where that started.
public struct YAMLSyntaxError: Error, Sendable {
    public let problem: String
    public let position: YAMLPosition
    public let context: String?
    public let contextPosition: YAMLPosition?
}
