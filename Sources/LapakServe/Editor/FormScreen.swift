import LapakCore

/// The form to create or edit one file, generated from `FormFields`: labels and help in plain
/// words, each field's problems beside it, the description as Markdown with a preview, and the
/// buttons to save, save as a draft, or preview.
struct FormScreen {
    struct Choice: Sendable {
        let value: String
        let label: String
    }

    let kind: ContentKind
    /// The file's name (`tas`), nil for a new file.
    let name: String?
    let language: Language
    let values: [String: FieldValue]
    let body: String
    /// Problems by field key; `""` for those that belong to no field.
    let problems: [String: [String]]
    let notices: [(text: String, ok: Bool)]
    let csrf: String
    /// Digest of the file the form was filled from; empty for a new file.
    let digest: String
    /// A photo imported by an earlier submit of this form, not yet named in the file.
    let pendingPhoto: String?
    let categories: [Choice]
    let producers: [Choice]
    let previewHTML: String?
    /// Where buyers will see it, once saved.
    let pageLink: String?

    func html() -> [UInt8] {
        let id = language == .id
        let fields = FormFields.of(kind)
        let title = name == nil ? (id ? "Tambah " : "Add ") + kind.noun(language)
                                : (id ? "Ubah: " : "Edit: ") + (currentTitle.isEmpty ? name ?? "" : currentTitle)
        var out = ""
        for notice in notices { out += EditorLayout.notice(notice.text, ok: notice.ok) + "\n" }
        for problem in problems[""] ?? [] { out += "<p class=\"error\">\(HTMLEscaping.text(problem))</p>\n" }
        if let pageLink {
            out += "<p><a class=\"button\" href=\"\(HTMLEscaping.attribute(pageLink))\">\(id ? "Lihat halaman" : "View page")</a></p>\n"
        }
        let action = "/_lapak/save/\(kind.rawValue)" + (name.map { "/" + EditorLayout.segment($0) } ?? "")
        out += "<form method=\"post\" action=\"\(action)\" enctype=\"multipart/form-data\">\n"
        out += hidden("_csrf", csrf) + hidden("_hash", digest)
        if let pendingPhoto { out += hidden("_photo", pendingPhoto) }
        for field in fields { out += render(field) }
        out += markdown()
        out += "<button type=\"submit\" name=\"_action\" value=\"publish\">\(id ? "Simpan" : "Save")</button>"
        out += "<button type=\"submit\" name=\"_action\" value=\"draft\" class=\"second\">\(id ? "Simpan sebagai draf" : "Save as draft")</button>\n"
        out += "</form>\n"
        if let name {
            out += "<form method=\"post\" action=\"/_lapak/delete/\(kind.rawValue)/\(EditorLayout.segment(name))\">"
                + hidden("_csrf", csrf)
                + "<button type=\"submit\" class=\"danger\">\(id ? "Hapus (pindah ke .trash)" : "Delete (move to .trash)")</button></form>\n"
        }
        return EditorLayout.page(title: title, language: language, body: out)
    }

    private var currentTitle: String {
        if case .text(let text)? = values[FormFields.titleKey(of: kind)] { return text }
        return ""
    }

    private func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTMLEscaping.attribute(value))\">\n"
    }

    /// Help and problems of a field, and the `aria-describedby` that ties them to its input.
    private func notes(_ key: String, help: Words?) -> (html: String, describedBy: String, invalid: Bool) {
        var html = ""
        var ids: [String] = []
        let anchor = key.replacingOccurrences(of: ".", with: "-")
        if let help {
            html += "<p class=\"help\" id=\"\(anchor)-help\">\(HTMLEscaping.text(help(language)))</p>"
            ids.append("\(anchor)-help")
        }
        let problems = self.problems[key] ?? []
        for (index, problem) in problems.enumerated() {
            html += "<p class=\"error\" id=\"\(anchor)-error-\(index)\">\(HTMLEscaping.text(problem))</p>"
            ids.append("\(anchor)-error-\(index)")
        }
        let describedBy = ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\""
        return (html, describedBy + (problems.isEmpty ? "" : " aria-invalid=\"true\""), !problems.isEmpty)
    }

    private func text(of key: String) -> String {
        switch values[key] {
        case .text(let text)?: text
        case .list(let items)?: items.joined(separator: ", ")
        default: ""
        }
    }

    private func render(_ field: FormField) -> String {
        let key = field.key
        let label = field.label(language) + (field.required ? " *" : "")
        let (notes, aria, _) = self.notes(key, help: field.help)
        let value = HTMLEscaping.attribute(text(of: key))
        let required = field.required ? " required" : ""
        switch field.kind {
        case .text, .list:
            return "<label for=\"f-\(key)\">\(HTMLEscaping.text(label))</label>\(notes)"
                + "<input id=\"f-\(key)\" name=\"\(key)\" value=\"\(value)\"\(aria)\(required)>\n"
        case .number:
            // Text with a numeric keyboard: a member who types `85.000` sees the message about it.
            return "<label for=\"f-\(key)\">\(HTMLEscaping.text(label))</label>\(notes)"
                + "<input id=\"f-\(key)\" name=\"\(key)\" inputmode=\"numeric\" value=\"\(value)\"\(aria)\(required)>\n"
        case .date:
            let raw = text(of: key)
            let isPlainDate = raw.isEmpty || (raw.count == 10 && raw.allSatisfy { $0.isNumber || $0 == "-" })
            return "<label for=\"f-\(key)\">\(HTMLEscaping.text(label))</label>\(notes)"
                + "<input id=\"f-\(key)\" name=\"\(key)\" type=\"\(isPlainDate ? "date" : "text")\" value=\"\(value)\"\(aria)\(required)>\n"
        case .select(let source):
            let choices: [Choice]
            switch source {
            case .categories: choices = categories
            case .producers: choices = producers
            case .fixed(let fixed): choices = fixed.map { Choice(value: $0.value, label: $0.label(language)) }
            }
            let current = text(of: key)
            var options = choices.map { option(value: $0.value, label: $0.label, selected: $0.value == current) }
            if !current.isEmpty && !choices.contains(where: { $0.value == current }) {
                options.insert(option(value: current, label: current, selected: true), at: 0)
            }
            if case .fixed = source {} else {
                options.insert(option(value: "", label: language == .id ? "— pilih —" : "— choose —", selected: current.isEmpty), at: 0)
            }
            return "<label for=\"f-\(key)\">\(HTMLEscaping.text(label))</label>\(notes)"
                + "<select id=\"f-\(key)\" name=\"\(key)\"\(aria)\(required)>\(options.joined())</select>\n"
        case .photo:
            var out = "<label for=\"f-photo\">\(HTMLEscaping.text(label))</label>\(notes)"
            if let shown = pendingPhoto ?? firstPhoto(key) {
                out += "<p class=\"help\">\(HTMLEscaping.text(shown))</p>"
            }
            return out + "<input id=\"f-photo\" name=\"photo\" type=\"file\" accept=\"image/*\"\(aria)>\n"
        case .rows(let columns):
            var rows: [[FieldValue.Entry]] = []
            if case .rows(let current)? = values[key] { rows = current }
            var out = "<fieldset><legend>\(HTMLEscaping.text(label))</legend>\(notes)"
            for index in 0..<(rows.count + 1) {
                let row = index < rows.count ? rows[index] : []
                for column in columns {
                    let name = "\(key).\(index).\(column.key)"
                    let cell = row.first { $0.key == column.key }?.value ?? ""
                    out += "<label for=\"f-\(name)\">\(HTMLEscaping.text(column.label(language))) \(index + 1)</label>"
                        + "<input id=\"f-\(name)\" name=\"\(name)\" value=\"\(HTMLEscaping.attribute(cell))\"\(column.kind.isNumber ? " inputmode=\"numeric\"" : "")>"
                }
            }
            return out + "</fieldset>\n"
        case .entries(let names):
            var entries: [FieldValue.Entry] = []
            if case .entries(let current)? = values[key] { entries = current }
            var out = "<fieldset><legend>\(HTMLEscaping.text(label))</legend>\(notes)"
            for entry in names {
                let name = "\(key).\(entry.key)"
                let cell = entries.first { $0.key == entry.key }?.value ?? ""
                out += "<label for=\"f-\(name)\">\(HTMLEscaping.text(entry.label(language)))</label>"
                    + "<input id=\"f-\(name)\" name=\"\(name)\" value=\"\(HTMLEscaping.attribute(cell))\">"
            }
            return out + "</fieldset>\n"
        }
    }

    private func option(value: String, label: String, selected: Bool) -> String {
        "<option value=\"\(HTMLEscaping.attribute(value))\"\(selected ? " selected" : "")>\(HTMLEscaping.text(label))</option>"
    }

    private func firstPhoto(_ key: String) -> String? {
        switch values[key] {
        case .text(let text)? where !text.isEmpty: text
        case .list(let items)?: items.first
        case .rows(let rows)?: rows.first?.first { $0.key == "src" }?.value
        default: nil
        }
    }

    private func markdown() -> String {
        let id = language == .id
        let (notes, aria, _) = self.notes("body", help: Words(
            "Ceritakan bahan, ukuran, cara membuat dan cara memesan. Baris kosong memisahkan paragraf; **tebal**, *miring*.",
            "Tell about materials, size, how it is made and how to order. A blank line separates paragraphs; **bold**, *italic*."))
        var out = "<label for=\"f-body\">\(id ? "Deskripsi" : "Description")</label>\(notes)"
        // The line break after <textarea> is dropped by the browser, so a body's own first line break survives.
        out += "<textarea id=\"f-body\" name=\"body\" rows=\"10\"\(aria)>\n\(HTMLEscaping.text(body))</textarea>\n"
        out += "<button type=\"submit\" name=\"_action\" value=\"preview\" class=\"second\">\(id ? "Pratinjau deskripsi" : "Preview description")</button>\n"
        if let previewHTML {
            out += "<section class=\"preview\"><h2>\(id ? "Pratinjau" : "Preview")</h2>\(previewHTML)</section>\n"
        }
        return out
    }
}

extension FormField.Kind {
    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }
}
