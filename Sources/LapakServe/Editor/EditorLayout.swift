import LapakCore

/// The frame of every editor screen: small, mobile first (one column from 320 px), readable
/// without JavaScript, and escaped by context (`HTMLEscaping`).
enum EditorLayout {
    /// A path segment in an editor URL: names are checked to be `[a-z0-9._-]`, so this only
    /// guards against what the check would already refuse.
    static func segment(_ value: String) -> String {
        value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
            ? value : ""
    }

    static func page(title: String, language: Language, body: String) -> [UInt8] {
        let id = language == .id
        let html = """
        <!doctype html>
        <html lang="\(id ? "id" : "en")">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(HTMLEscaping.text(title)) · Lapak</title>
        <style>\(style)</style>
        <script src="/_lapak/\(EditorScript.name)" defer></script>
        </head>
        <body>
        <header><a href="/_lapak/">\(id ? "Kelola Lapak" : "Manage Lapak")</a> <a href="/_lapak/changes">\(id ? "Perubahan" : "Changes")</a> <a href="/">\(id ? "Lihat situs" : "View site")</a></header>
        <main>
        <h1>\(HTMLEscaping.text(title))</h1>
        \(body)
        </main>
        </body>
        </html>

        """
        return Array(html.utf8)
    }

    /// A notice above a form: `ok` in green, otherwise red; `role=status`/`alert` so a screen
    /// reader says it at once.
    static func notice(_ message: String, ok: Bool) -> String {
        "<p class=\"\(ok ? "ok" : "bad")\" role=\"\(ok ? "status" : "alert")\">\(HTMLEscaping.text(message))</p>"
    }

    static let style = """
    *{box-sizing:border-box}body{font:17px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}\
    header{background:#174a3c;padding:.5rem .75rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}\
    header a{color:#fff;font-weight:600}main{max-width:40rem;margin:0 auto;padding:.5rem .75rem 3rem}\
    h1{font-size:1.35rem;margin:.75rem 0}label,legend{display:block;font-weight:600;margin-top:1rem}\
    input,select,textarea{display:block;width:100%;font:inherit;padding:.5rem;border:1px solid #555;border-radius:4px;background:#fff;color:#1a1a1a}\
    textarea{min-height:10rem}fieldset{border:1px solid #999;border-radius:4px;margin:1rem 0 0;padding:0 .75rem .75rem}\
    .help{color:#444;font-size:.9rem;margin:.1rem 0}.error{color:#a00000;font-weight:600;margin:.25rem 0}\
    [aria-invalid=true]{border:2px solid #a00000}.ok,.bad{padding:.5rem .75rem;border-radius:4px}\
    .ok{background:#e3f4e8;border-left:4px solid #1b6b3a}.bad{background:#fdeaea;border-left:4px solid #a00000}\
    button,.button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1rem;margin:1rem .5rem 0 0;border-radius:4px;\
    border:0;background:#174a3c;color:#fff;text-decoration:none;min-height:44px}button.second{background:#fff;color:#174a3c;border:2px solid #174a3c}\
    button.danger{background:#a00000}ul.items{list-style:none;padding:0}ul.items li{border-bottom:1px solid #ddd}\
    ul.items a{display:block;padding:.6rem 0;min-height:44px}.draft{color:#6b4e00;font-size:.85rem}\
    .preview{border:1px dashed #777;padding:.5rem .75rem;margin-top:.5rem}img.photo{max-width:100%;height:auto;margin-top:.5rem}\
    nav.kinds a{margin-right:.75rem}a{color:#0b5394}header a{color:#fff}
    """
}
