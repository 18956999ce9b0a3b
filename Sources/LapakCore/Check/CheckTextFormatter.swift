/// The report as people read it in a terminal: `file:line:column: error: message`, the line
/// itself with a caret under the spot, the hint, and a closing count.
public struct CheckTextFormatter: Sendable {
    public let language: Language
    /// ANSI colours, only when writing to a terminal: escape codes in a file or a CI log are noise.
    public let color: Bool

    public init(language: Language, color: Bool = false) {
        self.language = language
        self.color = color
    }

    public func format(_ report: CheckReport) -> String {
        var out = ""
        for entry in report.entries {
            out += format(entry) + "\n"
        }
        out += summary(report) + "\n"
        if let line = readiness(report) { out += line + "\n" }
        for (language, files) in report.untranslated { out += untranslated(files, language: language) }
        return out
    }

    /// Files shown in the first language under `language` for want of a translation, a few by
    /// name: `Belum diterjemahkan ke bahasa Inggris (en): 19 produk, 12 kelompok…`.
    func untranslated(_ files: [String], language code: String) -> String {
        let id = language == .id
        let name = (id ? ["en": "bahasa Inggris", "id": "bahasa Indonesia"] : ["en": "English", "id": "Indonesian"])[code] ?? code
        guard !files.isEmpty else {
            return (id ? "Semua isi sudah diterjemahkan ke \(name) (\(code))." : "Everything is translated into \(name) (\(code)).") + "\n"
        }
        let kinds: [(folder: String, id: String, en: String)] = [
            ("products", "produk", "product"), ("producers", "kelompok", "producer"),
            ("news", "berita", "news article"), ("pages", "halaman", "page"),
        ]
        let counts = kinds.compactMap { kind -> String? in
            let count = files.filter { $0.hasPrefix("content/\(kind.folder)/") }.count
            guard count > 0 else { return nil }
            return id ? "\(count) \(kind.id)" : "\(count) \(plural(count, kind.en))"
        }
        var out = (id ? "Belum diterjemahkan ke \(name) (\(code)): " : "Not yet translated into \(name) (\(code)): ")
            + counts.joined(separator: ", ") + ".\n"
        for file in files.prefix(Self.untranslatedShown) { out += "  " + file + "\n" }
        if files.count > Self.untranslatedShown {
            let more = files.count - Self.untranslatedShown
            out += id ? "  … dan \(more) lainnya (`lapak check --format json` memuat semuanya).\n"
                      : "  … and \(more) more (`lapak check --format json` lists them all).\n"
        }
        return out
    }

    /// Untranslated files named one by one; past this, a count.
    static let untranslatedShown = 20

    /// `Siap dijual di Google: 24 dari 26 produk; Meta: 25 dari 26.`
    func readiness(_ report: CheckReport) -> String? {
        guard let first = report.readiness.first else { return nil }
        let parts = report.readiness.map { item in
            item.channel == first.channel
                ? (language == .id ? "\(item.channel.name): \(item.ready) dari \(item.total) produk"
                                   : "\(item.channel.name): \(item.ready) of \(item.total) \(plural(item.total, "product"))")
                : (language == .id ? "\(item.channel.name): \(item.ready) dari \(item.total)" : "\(item.channel.name): \(item.ready) of \(item.total)")
        }
        return (language == .id ? "Siap dijual di " : "Ready for ") + parts.joined(separator: "; ") + "."
    }

    /// One diagnostic: its location line, the source line with a caret, and the hint.
    public func format(_ entry: CheckReport.Entry) -> String {
        let diagnostic = entry.diagnostic
        let id = language == .id
        let label: String
        switch diagnostic.severity {
        case .error: label = paint(id ? "galat" : "error", "1;31")
        case .warning: label = paint(id ? "peringatan" : "warning", "1;35")
        }
        var out = paint(diagnostic.location.description + ":", "1") + " " + label + ": " + diagnostic.message(language) + "\n"
        if let line = entry.sourceLine {
            let number = String(diagnostic.location.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(number) | \(line)\n"
            if diagnostic.location.column > 0 {
                out += " \(gutter) | " + Self.indent(line, before: diagnostic.location.column) + paint("^", "1;32") + "\n"
            }
        }
        if let hint = diagnostic.hint(language) {
            out += "    " + paint(id ? "saran" : "hint", "36") + ": " + hint + "\n"
        }
        return out
    }

    /// Spaces up to the column, keeping tabs as tabs so the caret lines up under the character.
    static func indent(_ line: String, before column: Int) -> String {
        String(line.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
    }

    func summary(_ report: CheckReport) -> String {
        let c = report.counts
        let errors = report.errorCount, warnings = report.warningCount
        switch language {
        case .id:
            let checked = "\(c.products) produk, \(c.producers) kelompok, \(c.news) berita dan \(c.pages) halaman diperiksa"
            if errors == 0 && warnings == 0 { return paint("Tidak ada masalah", "1;32") + ": \(checked)." }
            return paint("\(errors) galat, \(warnings) peringatan", errors > 0 ? "1;31" : "1;35") + " (\(checked))."
        case .en:
            let checked = "checked \(c.products) \(plural(c.products, "product")), \(c.producers) \(plural(c.producers, "producer")), "
                + "\(c.news) news \(plural(c.news, "article")) and \(c.pages) \(plural(c.pages, "page"))"
            if errors == 0 && warnings == 0 { return paint("No problems", "1;32") + ": \(checked)." }
            return paint("\(errors) \(plural(errors, "error")), \(warnings) \(plural(warnings, "warning"))", errors > 0 ? "1;31" : "1;35")
                + " (\(checked))."
        }
    }

    private func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
