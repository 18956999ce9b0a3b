/// Writes changed fields into a content file the way a person would edit it: only the bytes of
/// the fields that changed are replaced, so comments, field order, fields nobody asked about,
/// quoting, Unicode and CRLF line ends stay exactly as they were. A field the file lacks is added
/// before the closing `---`. The result is read back and compared before it is returned: a value
/// that would read differently, or a field that would change unasked, is refused.
public enum FrontMatterPatcher {
    public enum Failure: Error, Equatable {
        /// The file has no front matter the editor can read (it has errors `lapak check` reports).
        case unreadable
        /// After patching, this field would not read back as written.
        case wouldNotReadBack(field: String)
    }

    public static func patch(_ bytes: [UInt8], file: String, changes: [(key: String, value: FieldValue)],
                             body: String? = nil) throws(Failure) -> [UInt8] {
        guard let map = SourceMap.read(bytes, file: file) else { throw .unreadable }
        var edits: [(start: Int, end: Int, text: String)] = []
        var added = ""
        for (key, value) in changes {
            if let field = map.field(key) {
                edits.append(replacement(of: field, with: value, in: bytes, newline: map.lineEnding))
            } else {
                added += key + ":" + rendered(value, after: nil, indent: "  ", newline: map.lineEnding) + map.lineEnding
            }
        }
        if !added.isEmpty { edits.append((map.frontMatterEnd, map.frontMatterEnd, added)) }
        if let body {
            let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            edits.append((map.bodyStart, bytes.count, map.lineEnding == "\n" ? lines : lines.replacingOccurrences(of: "\n", with: "\r\n")))
        }
        var out = bytes
        for edit in edits.sorted(by: { $0.start > $1.start }) {
            out.replaceSubrange(edit.start..<edit.end, with: Array(edit.text.utf8))
        }
        try verify(out, file: file, before: map, changes: changes)
        return out
    }

    /// The bytes that replace one field's value.
    private static func replacement(of field: SourceMap.Field, with value: FieldValue, in bytes: [UInt8],
                                    newline: String) -> (start: Int, end: Int, text: String) {
        let old = field.value
        let colon = afterColon(field, in: bytes)
        switch (value, old.shape) {
        case (.text(let text), .scalar(_, let quoted)) where !text.isEmpty && old.span.end > old.span.start:
            // Same place, same quoting where it still reads back: `price: 85000` stays plain.
            return (old.span.start, old.span.end, YAMLText.scalar(text, preferPlain: !quoted))
        case (.text(let text), .scalar) where !text.isEmpty:
            // An empty value (`price: ` as `lapak new` leaves it): the spaces after the colon go,
            // one stays before a comment on the line.
            var end = colon
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
            let comment = end < bytes.count && bytes[end] == UInt8(ascii: "#")
            return (colon, end, " " + YAMLText.scalar(text, preferPlain: !old.isQuoted) + (comment ? " " : ""))
        case (.list(let items), .list(flow: true)):
            return (old.span.start, old.span.end, flowList(items))
        default:
            // A block list keeps its indentation; anything else gets two spaces.
            let indent: String
            if case .list(flow: false) = old.shape {
                indent = String(repeating: " ", count: max(0, old.span.column - 1))
            } else if case .mapping(flow: false) = old.shape {
                indent = String(repeating: " ", count: max(2, old.span.column - 1))
            } else {
                indent = "  "
            }
            return (colon, max(colon, old.span.end), rendered(value, after: old, indent: indent, newline: newline))
        }
    }

    /// Just past the `:` after a key (`title:|`).
    private static func afterColon(_ field: SourceMap.Field, in bytes: [UInt8]) -> Int {
        var index = field.key.end
        while index < bytes.count, bytes[index] != UInt8(ascii: ":") { index += 1 }
        return min(index + 1, bytes.count)
    }

    /// A value as written after `key:`, with its leading space or line break.
    private static func rendered(_ value: FieldValue, after old: SourceMap.Value?, indent: String, newline: String) -> String {
        let plainBefore: Bool
        if case .scalar(_, let quoted)? = old?.shape { plainBefore = !quoted } else { plainBefore = old == nil }
        switch value {
        case .text(let text):
            return text.isEmpty ? "" : " " + YAMLText.scalar(text, preferPlain: plainBefore)
        case .list(let items):
            return " " + flowList(items)
        case .rows(let rows):
            guard !rows.isEmpty else { return " []" }
            var lines: [String] = []
            for row in rows {
                for (index, entry) in row.enumerated() {
                    lines.append(indent + (index == 0 ? "- " : "  ") + entry.key + ":" + entryValue(entry.value))
                }
            }
            return newline + lines.joined(separator: newline)
        case .entries(let entries):
            guard !entries.isEmpty else { return " {}" }
            return newline + entries.map { indent + $0.key + ":" + entryValue($0.value) }.joined(separator: newline)
        }
    }

    private static func entryValue(_ text: String) -> String {
        text.isEmpty ? "" : " " + YAMLText.scalar(text, preferPlain: true)
    }

    private static func flowList(_ items: [String]) -> String {
        "[" + items.map { YAMLText.isSafePlain($0) && !$0.contains(",") ? $0 : YAMLText.quoted($0) }.joined(separator: ", ") + "]"
    }

    /// The patched file read back: each changed field holds what was asked, every other field
    /// what it held before.
    private static func verify(_ bytes: [UInt8], file: String, before: SourceMap,
                               changes: [(key: String, value: FieldValue)]) throws(Failure) {
        guard let after = SourceMap.read(bytes, file: file) else { throw .wouldNotReadBack(field: changes.first?.key ?? "") }
        for (key, value) in changes {
            // `[]` reads back as an empty list whatever was asked: rows, entries or texts.
            guard let field = after.field(key), let read = FieldValue(field.value), read == value || read.isEmpty && value.isEmpty else {
                throw .wouldNotReadBack(field: key)
            }
        }
        let changed = Set(changes.map(\.key))
        for field in before.fields where !changed.contains(field.name) {
            guard let now = after.field(field.name), FieldValue(now.value) == FieldValue(field.value) else {
                throw .wouldNotReadBack(field: field.name)
            }
        }
    }
}

extension SourceMap.Value {
    var isQuoted: Bool {
        if case .scalar(_, let quoted) = shape { return quoted }
        return false
    }
}

extension SourceMap {
    /// The map of a content file's bytes, or nil when its front matter cannot be read.
    public static func read(_ bytes: [UInt8], file: String) -> SourceMap? {
        guard let raw = String(validating: bytes, as: UTF8.self) else { return nil }
        let text = normalizeNewlines(raw)
        guard let split = try? FrontMatterSplit.split(text), YAMLGuard.firstRefusedIndicator(split.yaml) == nil else { return nil }
        let node: YAMLNode?
        do {
            node = try YAMLComposer.compose(split.yaml)
        } catch {
            return nil
        }
        switch node {
        case .mapping(let mapping)?: return SourceMap(file: file, mapping: mapping, split: split, raw: raw)
        case nil: return SourceMap(file: file, mapping: YAMLNode.Mapping([]), split: split, raw: raw)
        default: return nil
        }
    }

    /// What the editor shows of each field: its value, when it is one the editor can write.
    public func value(of name: String) -> FieldValue? {
        field(name).flatMap { FieldValue($0.value) }
    }

    /// The Markdown body of `bytes`, with LF line ends.
    public func body(of bytes: [UInt8]) -> String {
        let tail = bytes[min(bodyStart, bytes.count)...]
        return String(decoding: tail, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }
}
