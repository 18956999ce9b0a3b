import CMark

/// How blocks that only make sense drawn read as plain text, for the product catalogs (Google
/// and Meta take descriptions as plain text: "no HTML, no formatting"): a list item keeps a
/// marker, and a pipe table (which cmark, without the table extension, leaves as a paragraph of
/// `| … |` lines) becomes one line per row, each cell named by its column.
enum PlainText {
    /// `• ` for a bullet item, `3. ` for the third item of a numbered list. `numbers` holds the
    /// numbers given so far, so an item's comes from its previous sibling's and a long list costs
    /// one step an item.
    static func itemMarker(_ item: OpaquePointer, numbers: inout [OpaquePointer: Int]) -> String {
        guard let list = cmark_node_parent(item), cmark_node_get_list_type(list) == CMARK_ORDERED_LIST else { return "• " }
        let number = cmark_node_previous(item).flatMap { numbers[$0] }.map { $0 + 1 } ?? Int(cmark_node_get_list_start(list))
        numbers[item] = number
        return "\(number). "
    }

    /// Whether a paragraph's text starts with `|`: the only paragraphs worth reading as a table
    /// (reading every paragraph's text twice would slow the pathological inputs cmark is tested on).
    static func startsWithPipe(_ paragraph: OpaquePointer) -> Bool {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first) else { return false }
        return literal.pointee == CChar(UInt8(ascii: "|"))
    }

    /// `| Ukuran | Berat |`, `|---|---|`, `| S | 50 g |` → `["Ukuran: S, Berat: 50 g"]`; nil unless
    /// the text is a header row, a delimiter row and rows, each line between pipes.
    ///
    /// Read as UTF-8 bytes: every mark it looks for is ASCII, and reading by characters cost a
    /// fifth of a million instructions a table.
    static func pipeTableRows(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        let lines = bytes.split(separator: newline).map(trimmingSpaces)
        guard lines.count >= 2, lines.allSatisfy({ $0.first == pipe || $0.last == pipe }),
              isDelimiterRow(lines[1]) else { return nil }
        let header = cells(lines[0]).map(string)
        return lines.dropFirst(2).map { line in
            let row = cells(line).map(string)
            return row.indices.compactMap { index -> String? in
                guard !row[index].isEmpty else { return nil }
                return index < header.count && !header[index].isEmpty ? "\(header[index]): \(row[index])" : row[index]
            }.joined(separator: ", ")
        }.filter { !$0.isEmpty }
    }

    private static let newline = UInt8(ascii: "\n"), pipe = UInt8(ascii: "|")

    /// The cells between a line's pipes, each without the spaces around it.
    private static func cells(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var inner = line
        if inner.first == pipe { inner = inner.dropFirst() }
        if inner.last == pipe { inner = inner.dropLast() }
        return inner.split(separator: pipe, omittingEmptySubsequences: false).map(trimmingSpaces)
    }

    private static func isDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        let cells = cells(line)
        return !cells.isEmpty && cells.allSatisfy { cell in
            var core = cell
            if core.first == UInt8(ascii: ":") { core = core.dropFirst() }
            if core.last == UInt8(ascii: ":") { core = core.dropLast() }
            return !core.isEmpty && core.allSatisfy { $0 == UInt8(ascii: "-") }
        }
    }

    private static func trimmingSpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var text = bytes
        while let first = text.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { text = text.dropFirst() }
        while let last = text.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { text = text.dropLast() }
        return text
    }

    /// Split at ASCII bytes, a cell is whole UTF-8.
    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
