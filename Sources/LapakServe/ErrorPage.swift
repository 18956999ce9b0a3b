import LapakCore

/// What the browser shows while the content has errors: every diagnostic with its line and hint,
/// and the reload script, so the page turns back into the site as soon as the file is fixed.
enum ErrorPage {
    static func html(_ report: CheckReport, language: Language, generation: Int) -> [UInt8] {
        let id = language == .id
        let formatter = CheckTextFormatter(language: language)
        let items = report.entries.map { "<pre>" + HTMLEscaping.text(formatter.format($0)) + "</pre>" }.joined(separator: "\n")
        let heading = id ? "Situs belum bisa dibangun" : "The site cannot be built yet"
        let lead = id
            ? "Perbaiki \(report.errorCount) galat di bawah ini dan simpan berkasnya; halaman ini akan berganti sendiri."
            : "Fix the \(report.errorCount) error(s) below and save the file; this page will update by itself."
        let page = """
        <!doctype html>
        <html lang="\(id ? "id" : "en")">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(heading)</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}\
        h1{color:#b00020;font-size:1.4rem}pre{background:#fff4f4;border-left:4px solid #b00020;padding:.75rem 1rem;\
        white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 ui-monospace,monospace}</style>
        </head>
        <body>
        <h1>\(heading)</h1>
        <p>\(lead)</p>
        \(items)
        </body>
        </html>

        """
        return ReloadScript.inject(into: Array(page.utf8), generation: generation)
    }
}
