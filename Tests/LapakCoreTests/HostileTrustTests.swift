import Foundation
import Templates
import Testing
@testable import LapakCore

/// Only cmark's output is trusted markup; every other value is escaped where it lands, and a
/// URL a template refuses is reported at the content field that holds it.
@Suite struct HostileTrustTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func theDefaultThemeNeverMarksDataSafe() throws {
        let root = Self.repository + "/themes/default/templates"
        let markers: [Regex<Substring>] = [/\|\s*safe\b/, /\bautoescape\b/, /\|\s*(?:e|escape|forceescape)\s*\)?\s*\}\}/]
        var checked = 0
        for relative in FileSystem.walk(root).map(\.relative) where relative.hasSuffix(".html") {
            let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            for marker in markers {
                #expect(text.firstMatch(of: marker) == nil, "themes/default/templates/\(relative) marks a value safe")
            }
            checked += 1
        }
        #expect(checked >= 10)
    }

    /// Every `.safe` string reachable from a value.
    func trusted(in value: Value, into out: inout [String], depth: Int = 0) {
        guard depth < 40 else { return }
        switch value {
        case .safe(let s): out.append(s)
        case .array(let items): for item in items { trusted(in: item, into: &out, depth: depth + 1) }
        case .dictionary(let m): for item in m.values { trusted(in: item, into: &out, depth: depth + 1) }
        case .object(let o): for name in o.fieldNames { if let v = o.field(name) { trusted(in: v, into: &out, depth: depth + 1) } }
        default: break
        }
    }

    @Test func theOnlyTrustedValuesInPageContextsAreMarkdownHTML() throws {
        var report = BuildReport(diagnostics: [])
        let builder = Builder(options: BuildOptions(sourceDirectory: Self.repository, outputDirectory: NSTemporaryDirectory() + "unused"))
        let prepared = try #require(builder.prepare(into: &report))
        let site = prepared.site
        let markdown = Set(site.editions.flatMap { edition in
            edition.products.map(\.body.html) + edition.producers.map(\.body.html) + edition.news.map(\.body.html)
                + edition.pages.map(\.body.html)
        })
        var found: [String] = []
        for page in prepared.plan {
            for value in page.context(in: prepared.pagePlans[page.edition]).values { trusted(in: value, into: &found) }
        }
        let views = Views(site: site)
        for value in views.products + views.news + views.pages + views.categories + Array(views.producers.values) {
            trusted(in: value, into: &found)
        }
        // Besides cmark's HTML, the QR codes of the printed price list and labels, drawn by the
        // QRCode module from each product's short address.
        let codes = ShortCodes.codes(for: site.products.map(\.slug)).values
        let drawn = Set(site.config.languages.flatMap { language in
            let routes = Routes(config: site.config, language: language)
            return codes.flatMap { code in
                [PrintPages.listQRSide, PrintPages.labelQRSide].map {
                    PrintPages.qrSVG(for: routes.absolute(routes.short(code)), side: $0, from: QRCodeStore(file: nil))
                }
            }
        })
        #expect(!found.isEmpty)
        for text in Set(found) {
            #expect(markdown.contains(text) || drawn.contains(text), "a trusted value that is not Markdown HTML: \(text.prefix(80))")
        }
    }

    func siteWithOwnTheme(template: String, page: String) throws -> TestSite {
        let site = try TestSite(files: [
            "content/products/tas.md": TestSite.product(TestSite.validProductFields),
            "content/pages/bantuan.md": page,
            "themes/sendiri/templates/page.html": template,
        ])
        try site.write("content/site.yml", """
        title: "Lapak Uji"
        base_url: "https://uji.example.org/"
        theme: sendiri
        categories:
          tas-anyaman: "Tas Anyaman"
        """)
        return site
    }

    @Test func aRefusedURLIsReportedAtTheFieldThatHoldsIt() throws {
        let site = try siteWithOwnTheme(template: #"<a href="{{ content_page.description }}">{{ content_page.title }}</a>"#,
                                        page: "---\ntitle: Bantuan\ndescription: \" JaVaScript:alert(document.cookie)\"\n---\nIsi.\n")
        let output = site.root + "/site"
        let report = site.build(output: output)
        #expect(report.succeeded)
        let d = try #require(report.diagnostics.first(code: "unsafe-url"))
        #expect(d.severity == .warning)
        // The source map gives the value's own column, not only its line.
        #expect(d.location == SourceLocation(file: "content/pages/bantuan.md", line: 3, column: 14))
        #expect(d.message(.en) == "the address `JaVaScript:alert(document.cookie)` in `description` is unsafe and was replaced")
        let html = try String(contentsOfFile: output + "/bantuan/index.html", encoding: .utf8)
        #expect(html == ##"<a href="#invalid-url">Bantuan</a>"##)
    }

    @Test func strictBuildsStopAtARefusedURL() throws {
        let site = try siteWithOwnTheme(template: #"<img src="{{ content_page.description }}">"#,
                                        page: "---\ntitle: Bantuan\ndescription: \"data:image/svg+xml,x\"\n---\nIsi.\n")
        let output = site.root + "/site"
        let report = site.build(output: output, strict: true)
        #expect(!report.succeeded)
        #expect(report.diagnostics.first(code: "unsafe-url")?.severity == .error)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aValueFromNoContentFieldIsReportedAtTheTemplate() throws {
        let site = try siteWithOwnTheme(template: #"{% set u = 'java' ~ 'script:x' %}<a href="{{ u }}">x</a>"#,
                                        page: "---\ntitle: Bantuan\n---\nIsi.\n")
        let report = site.build(output: site.root + "/site")
        let d = try #require(report.diagnostics.first(code: "unsafe-url"))
        #expect(d.location == SourceLocation(file: "themes/sendiri/templates/page.html", line: 1, column: 46))
    }

    @Test func aThemeTemplateWithDataInAScriptDoesNotLoad() throws {
        let site = try siteWithOwnTheme(template: "<script>var t = \"{{ content_page.title }}\";</script>",
                                        page: "---\ntitle: Bantuan\n---\nIsi.\n")
        let output = site.root + "/site"
        let report = site.build(output: output)
        #expect(!report.succeeded)
        let d = try #require(report.diagnostics.first(code: "template"))
        #expect(d.location == SourceLocation(file: "themes/sendiri/templates/page.html", line: 1, column: 21))
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
