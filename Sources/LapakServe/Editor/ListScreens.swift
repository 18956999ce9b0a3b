import Foundation
import LapakCore

/// The editor's other screens: the PIN, the list of files with search, and the changes since
/// the last build.
enum ListScreens {
    struct Item: Sendable {
        let kind: ContentKind
        let name: String
        let title: String
        let draft: Bool
    }

    static func pin(language: Language, message: String?) -> [UInt8] {
        let id = language == .id
        var body = ""
        if let message { body += EditorLayout.notice(message, ok: false) }
        body += """
        <p>\(id ? "Masukkan 6 angka PIN yang tampil di layar komputer sekretariat." : "Enter the 6-digit PIN shown on the secretariat computer's screen.")</p>
        <form method="post" action="/_lapak/pin">
        <label for="f-pin">PIN</label>
        <input id="f-pin" name="pin" inputmode="numeric" autocomplete="off" maxlength="6" required>
        <button type="submit">\(id ? "Masuk" : "Enter")</button>
        </form>
        """
        return EditorLayout.page(title: id ? "Masuk ke penyunting" : "Enter the editor", language: language, body: body)
    }

    static func list(_ items: [Item], kind: ContentKind, query: String, notice: String?, language: Language) -> [UInt8] {
        let id = language == .id
        var body = ""
        if let notice { body += EditorLayout.notice(notice, ok: true) }
        body += "<nav class=\"kinds\" aria-label=\"\(id ? "Jenis isi" : "Kinds")\">"
        for other in ContentKind.editorOrder {
            let current = other == kind ? " aria-current=\"page\"" : ""
            body += "<a href=\"/_lapak/?kind=\(other.rawValue)\"\(current)>\(other.words(language))</a>"
        }
        body += "</nav>\n"
        body += "<p><a class=\"button\" href=\"/_lapak/new/\(kind.rawValue)\">\(id ? "Tambah" : "Add") \(kind.noun(language))</a></p>\n"
        body += """
        <form method="get" action="/_lapak/" role="search">
        <input type="hidden" name="kind" value="\(kind.rawValue)">
        <label for="f-q">\(id ? "Cari" : "Search")</label>
        <input id="f-q" name="q" type="search" value="\(HTMLEscaping.attribute(query))">
        <button type="submit" class="second">\(id ? "Cari" : "Search")</button>
        </form>

        """
        let folded = query.lowercased()
        let shown = folded.isEmpty ? items : items.filter { $0.title.lowercased().contains(folded) || $0.name.contains(folded) }
        if shown.isEmpty {
            body += "<p>\(id ? "Tidak ada yang cocok." : "Nothing matches.")</p>"
        } else {
            body += "<ul class=\"items\">"
            for item in shown {
                let draft = item.draft ? " <span class=\"draft\">(\(id ? "draf" : "draft"))</span>" : ""
                body += "<li><a href=\"/_lapak/edit/\(item.kind.rawValue)/\(EditorLayout.segment(item.name))\">\(HTMLEscaping.text(item.title))\(draft)</a></li>"
            }
            body += "</ul>\n"
        }
        return EditorLayout.page(title: kind.words(language), language: language, body: body)
    }

    static func changes(_ files: [String], since: Date?, language: Language) -> [UInt8] {
        let id = language == .id
        var body = since == nil
            ? "<p>\(id ? "Situs belum pernah dibangun di folder site/; semua berkas di bawah ini baru." : "The site was never built into site/; every file below is new.")</p>"
            : "<p>\(id ? "Berkas yang berubah sejak situs terakhir dibangun. Periksa, lalu jalankan make site dan simpan (commit) perubahannya." : "Files changed since the site was last built. Review them, then run make site and commit.")</p>"
        if files.isEmpty {
            body += "<p>\(id ? "Tidak ada perubahan." : "No changes.")</p>"
        } else {
            body += "<ul class=\"items\">" + files.map { "<li>\(HTMLEscaping.text($0))</li>" }.joined() + "</ul>"
        }
        return EditorLayout.page(title: id ? "Perubahan" : "Changes", language: language, body: body)
    }
}

extension ContentKind {
    static let editorOrder: [ContentKind] = [.product, .producer, .news, .page]
}
