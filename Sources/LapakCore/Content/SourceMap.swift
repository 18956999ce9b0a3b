/// Where each front-matter field of one file is written: the line and column of its key and value,
/// and their byte ranges in the file as it is on disk (byte order mark and CRLF line ends
/// included), nested for lists and mappings such as `variants` and `certifications`.
///
/// The loader makes one for every file it reads. Problems found after loading point at it, the
/// unsafe-URL warnings find the field that holds a value in it, and the editor patches exactly
/// the bytes of the fields a member changed.
public struct SourceMap: Sendable, Equatable {
    /// A range of bytes in the file, and the line and column (in characters, from 1) it starts at.
    public struct Span: Sendable, Equatable {
        public let start: Int
        public let end: Int
        public let line: Int
        public let column: Int
    }

    public struct Field: Sendable, Equatable {
        public let name: String
        public let key: Span
        public let value: Value
    }

    public struct Value: Sendable, Equatable {
        public enum Shape: Sendable, Equatable {
            /// A text as YAML reads it; `quoted` when written in quotes.
            case scalar(String, quoted: Bool)
            /// `flow` when written in brackets (`[a, b]`, `{a: b}`).
            case list(flow: Bool)
            case mapping(flow: Bool)
        }
        public let shape: Shape
        public let span: Span
        public let items: [Value]
        public let fields: [Field]

        public var text: String? {
            if case .scalar(let text, _) = shape { return text }
            return nil
        }

        public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
    }

    /// Relative to the site folder: `content/products/tas.md`.
    public let file: String
    public let fields: [Field]
    /// Byte offset of the closing `---` line: where a field the file lacks is added.
    public let frontMatterEnd: Int
    /// Byte offset and line of the Markdown body.
    public let bodyStart: Int
    public let bodyFirstLine: Int
    /// `\r\n` when the file's lines end so, else `\n`: what added lines must end with.
    public let lineEnding: String

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// Where a field is written: its key's line and column. Nested names use dots (`contact.email`).
    public func location(of path: String) -> SourceLocation? {
        var names = path.split(separator: ".").map(String.init)
        guard !names.isEmpty, var field = field(names.removeFirst()) else { return nil }
        for name in names {
            guard let inner = field.value.field(name) ?? field.value.items.lazy.compactMap({ $0.field(name) }).first else { break }
            field = inner
        }
        return SourceLocation(file: file, line: field.key.line, column: field.key.column)
    }

    /// Where top-level keys are written, looked up by name: `origins["producer"]`.
    public struct KeyLocations {
        let map: SourceMap

        public subscript(name: String) -> SourceLocation? {
            map.field(name).map { SourceLocation(file: map.file, line: $0.key.line, column: $0.key.column) }
        }
    }

    /// The first text equal to `value` (ignoring surrounding white space), searched through nested
    /// lists and mappings: its field name as written in front matter (`images.alt`) and its place.
    public func firstField(holding value: String) -> (field: String, location: SourceLocation)? {
        func search(_ node: Value, path: String) -> (String, Span)? {
            if let text = node.text {
                let trimmed = text.trimmed
                return trimmed == value || TypographicQuotes.unwrapped(trimmed) == value ? (path, node.span) : nil
            }
            for item in node.items { if let hit = search(item, path: path) { return hit } }
            for field in node.fields {
                if let hit = search(field.value, path: path + "." + field.name) { return hit }
            }
            return nil
        }
        for field in fields {
            if let (path, span) = search(field.value, path: field.name) {
                return (path, SourceLocation(file: file, line: span.line, column: span.column))
            }
        }
        return nil
    }

    /// The top-level field whose key or value covers `line`: where a diagnostic at that line belongs.
    public func field(atLine line: Int) -> Field? {
        var best: Field?
        for field in fields where field.key.line <= line {
            best = field
        }
        guard let best, line <= best.value.lastLine else { return nil }
        return best
    }
}

extension SourceMap.Value {
    /// The last line the value reaches (its start line for a one-line value).
    var lastLine: Int {
        let children = items.map(\.lastLine) + fields.map { $0.value.lastLine }
        return max(span.line, children.max() ?? span.line)
    }
}

extension SourceMap {
    /// A map of front matter composed from `split` of the file text `raw`.
    init(file: String, mapping: YAMLNode.Mapping, split: FrontMatterSplit, raw: String) {
        let positions = FilePositions(raw: raw, yaml: split.yaml, yamlStart: split.yamlStart, lineOffset: split.yamlFirstLine)
        self.init(file: file, fields: positions.fields(of: mapping),
                  frontMatterEnd: positions.original(split.closingFence),
                  bodyStart: positions.original(split.bodyStart), bodyFirstLine: split.bodyFirstLine,
                  lineEnding: positions.lineEnding)
    }

    /// A map of a whole YAML file (`content/site.yml`).
    init(file: String, mapping: YAMLNode.Mapping, yaml: String, raw: String) {
        let positions = FilePositions(raw: raw, yaml: yaml, yamlStart: 0, lineOffset: 1)
        let end = positions.original(yaml.utf8.count)
        self.init(file: file, fields: positions.fields(of: mapping), frontMatterEnd: end, bodyStart: end,
                  bodyFirstLine: 0, lineEnding: positions.lineEnding)
    }

    /// A file whose front matter could not be read: no field is known.
    public static func empty(file: String) -> SourceMap {
        SourceMap(file: file, fields: [], frontMatterEnd: 0, bodyStart: 0, bodyFirstLine: 1, lineEnding: "\n")
    }
}

/// Turns libyaml's marks (characters into the YAML, which lost its BOM and CRs) into byte
/// offsets of the file on disk.
private struct FilePositions {
    let yamlStart: Int
    let lineOffset: Int
    let lineEnding: String
    /// Bytes before the text: 3 for a byte order mark.
    private let bom: Int
    /// Offsets in the normalised text of each LF that stands for a CRLF, ascending.
    private let crlfs: [Int]
    /// Byte offset of each character of the YAML; nil when it is all ASCII (offset = index).
    private let characterOffsets: [Int]?

    init(raw: String, yaml: String, yamlStart: Int, lineOffset: Int) {
        self.yamlStart = yamlStart
        self.lineOffset = lineOffset
        bom = raw.hasPrefix("\u{FEFF}") ? 3 : 0
        var crlfs: [Int] = []
        if raw.utf8Contains(0x0D) {
            var removed = 0
            var previous: UInt8 = 0
            for (offset, byte) in raw.utf8.dropFirst(bom).enumerated() {
                if byte == 0x0A && previous == 0x0D {
                    removed += 1
                    crlfs.append(offset - removed)
                }
                previous = byte
            }
        }
        self.crlfs = crlfs
        lineEnding = crlfs.isEmpty ? "\n" : "\r\n"
        if !yaml.isASCII {
            var offsets: [Int] = []
            offsets.reserveCapacity(yaml.utf8.count + 1)
            var offset = 0
            for scalar in yaml.unicodeScalars {
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            characterOffsets = offsets
        } else {
            characterOffsets = nil
        }
    }

    /// The byte in the file of byte `offset` of the normalised text.
    func original(_ offset: Int) -> Int {
        // CRLFs whose LF comes before `offset`: each adds the CR back.
        var low = 0, high = crlfs.count
        while low < high {
            let middle = (low + high) / 2
            if crlfs[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return bom + offset + low
    }

    func span(_ start: YAMLMark?, _ end: YAMLMark?) -> SourceMap.Span {
        let start = start ?? YAMLMark(line: 1, column: 1)
        let end = end ?? start
        return SourceMap.Span(start: byte(start), end: max(byte(start), byte(end)),
                              line: start.line + lineOffset - 1, column: start.column)
    }

    private func byte(_ mark: YAMLMark) -> Int {
        let inYAML = characterOffsets.map { $0[min(max(mark.index, 0), $0.count - 1)] } ?? mark.index
        return original(yamlStart + inYAML)
    }

    func fields(of mapping: YAMLNode.Mapping) -> [SourceMap.Field] {
        mapping.pairs.map { pair in
            SourceMap.Field(name: pair.key.string ?? "", key: span(pair.key.mark, Self.end(of: pair.key)), value: value(pair.value))
        }
    }

    func value(_ node: YAMLNode) -> SourceMap.Value {
        switch node {
        case .scalar(let scalar):
            return .init(shape: .scalar(scalar.string, quoted: scalar.style == .quoted), span: span(scalar.mark, scalar.end),
                         items: [], fields: [])
        case .sequence(let sequence):
            return .init(shape: .list(flow: sequence.flowEnd != nil), span: span(sequence.mark, Self.end(of: node)),
                         items: sequence.items.map(value), fields: [])
        case .mapping(let mapping):
            return .init(shape: .mapping(flow: mapping.flowEnd != nil), span: span(mapping.mark, Self.end(of: node)),
                         items: [], fields: fields(of: mapping))
        }
    }

    /// Just past a node: a flow collection's closing bracket, a block collection's last value.
    static func end(of node: YAMLNode) -> YAMLMark? {
        switch node {
        case .scalar(let scalar): return scalar.end
        case .sequence(let sequence): return sequence.flowEnd ?? sequence.items.last.flatMap(end(of:)) ?? sequence.mark
        case .mapping(let mapping): return mapping.flowEnd ?? mapping.pairs.last.flatMap { end(of: $0.value) } ?? mapping.mark
        }
    }
}
