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
    static func pipeTableRows(_ text: String) -> [String]? {
        let lines = text.split(separator: "\n").map { $0.trimmingSpaces }
        guard lines.count >= 2, lines.allSatisfy({ $0.hasPrefix("|") || $0.hasSuffix("|") }),
              isDelimiterRow(lines[1]) else { return nil }
        let header = cells(lines[0])
        return lines.dropFirst(2).map { line in
            let row = cells(line)
            return row.indices.compactMap { index -> String? in
                guard !row[index].isEmpty else { return nil }
                return index < header.count && !header[index].isEmpty ? "\(header[index]): \(row[index])" : row[index]
            }.joined(separator: ", ")
        }.filter { !$0.isEmpty }
    }

    private static func cells(_ line: Substring) -> [String] {
        var inner = line
        if inner.hasPrefix("|") { inner = inner.dropFirst() }
        if inner.hasSuffix("|") { inner = inner.dropLast() }
        return inner.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
    }

    private static func isDelimiterRow(_ line: Substring) -> Bool {
        let cells = cells(line)
        return !cells.isEmpty && cells.allSatisfy { cell in
            var core = Substring(cell)
            if core.hasPrefix(":") { core = core.dropFirst() }
            if core.hasSuffix(":") { core = core.dropLast() }
            return !core.isEmpty && core.allSatisfy { $0 == "-" }
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
