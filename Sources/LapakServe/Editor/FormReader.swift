import LapakCore

/// Between a form and a file: the values a form shows for a file, the values a member submitted,
/// and of those only the ones that differ from the file, which are all the patcher writes.
enum FormReader {
    /// What the form shows of each field, from the file.
    static func values(of fields: [FormField], map: SourceMap?) -> [String: FieldValue] {
        var out: [String: FieldValue] = [:]
        for field in fields { out[field.key] = map?.value(of: field.key) ?? .text("") }
        return out
    }

    /// The values a form submitted, each merged with what the file holds where the form shows
    /// only part of it (a variant's other keys, the photos after the first).
    static func submitted(_ form: FormData, fields: [FormField], map: SourceMap?) -> [String: FieldValue] {
        var out: [String: FieldValue] = [:]
        for field in fields {
            let current = map?.value(of: field.key)
            // A field the form did not send (an older form, a partial one) is left as it is.
            let sent = form.fields.keys.contains { $0 == field.key || $0.hasPrefix(field.key + ".") }
            if !sent, !field.kind.isPhoto { continue }
            switch field.kind {
            case .text, .number, .date, .select:
                out[field.key] = .text(singleLine(form[field.key] ?? ""))
            case .list:
                let items = (form[field.key] ?? "").split(separator: ",").map { singleLine(String($0)) }.filter { !$0.isEmpty }
                out[field.key] = .list(items)
            case .rows(let columns):
                var currentRows: [[FieldValue.Entry]] = []
                if case .rows(let rows)? = current { currentRows = rows }
                var rows: [[FieldValue.Entry]] = []
                for index in 0..<(currentRows.count + 3) {
                    let typed = columns.map { ($0.key, singleLine(form["\(field.key).\(index).\($0.key)"] ?? "")) }
                    guard typed.contains(where: { !$0.1.isEmpty }) else { continue }
                    var row = index < currentRows.count ? currentRows[index] : []
                    for (key, value) in typed {
                        if let at = row.firstIndex(where: { $0.key == key }) {
                            row[at] = .init(key, value)
                        } else {
                            row.append(.init(key, value))
                        }
                    }
                    rows.append(row)
                }
                out[field.key] = .rows(rows)
            case .entries(let names):
                var entries: [FieldValue.Entry] = []
                if case .entries(let existing)? = current {
                    entries = existing.filter { entry in !names.contains { $0.key == entry.key } }
                }
                for name in names {
                    let value = singleLine(form["\(field.key).\(name.key)"] ?? "")
                    if !value.isEmpty { entries.append(.init(name.key, value)) }
                }
                out[field.key] = .entries(entries)
            case .photo:
                // The photo comes as an upload; what the file names stays unless one is given.
                out[field.key] = current ?? .text("")
            }
        }
        return out
    }

    /// `photo` made the field's first photo: `images` keeps its other photos and its shape.
    static func withPhoto(_ path: String, field: FormField, current: FieldValue?, alt: String) -> FieldValue {
        guard field.key == "images" else { return .text(path) }
        switch current {
        case .rows(let rows)?:
            var first = rows.first ?? []
            if let at = first.firstIndex(where: { $0.key == "src" }) { first[at] = .init("src", path) } else { first.insert(.init("src", path), at: 0) }
            if !first.contains(where: { $0.key == "alt" }) { first.append(.init("alt", alt)) }
            return .rows([first] + rows.dropFirst())
        case .list(let items)?:
            return .list([path] + items.dropFirst())
        default:
            return .rows([[.init("src", path), .init("alt", alt)]])
        }
    }

    /// Of `submitted`, the fields whose value differs from the file's (absent counts as empty).
    static func changes(_ submitted: [String: FieldValue], fields: [FormField], map: SourceMap?) -> [(key: String, value: FieldValue)] {
        var out: [(key: String, value: FieldValue)] = []
        for field in fields {
            guard let value = submitted[field.key] else { continue }
            let current = map?.value(of: field.key)
            if let current, current == value || current.isEmpty && value.isEmpty { continue }
            if current == nil && value.isEmpty { continue }
            // A value the editor cannot show (a list of lists) is left as it is unless replaced.
            if map?.field(field.key) != nil && current == nil && value.isEmpty { continue }
            out.append((field.key, value))
        }
        return out
    }

    /// Line breaks and tabs as spaces, trimmed: one-line fields hold one line.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}

extension FormField.Kind {
    var isPhoto: Bool {
        if case .photo = self { return true }
        return false
    }
}
