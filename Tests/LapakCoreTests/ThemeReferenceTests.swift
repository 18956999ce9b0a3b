import Foundation
import Testing
@testable import LapakCore

/// Keeps `docs/themes.md` true: the example theme builds over the sample content, and every page
/// kind, variable, filter and test the reference's tables name exists where it says.
@Suite(.serialized) struct ThemeReferenceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The sample content in a fresh folder with `theme` copied in as `themes/NAME/` and picked in `site.yml`.
    private func sampleSite(theme name: String, from folder: String) throws -> String {
        let root = NSTemporaryDirectory() + "lapak-theme-" + UUID().uuidString
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/themes", withIntermediateDirectories: true)
        try files.copyItem(atPath: Self.repository + "/content", toPath: root + "/content")
        try files.copyItem(atPath: folder, toPath: root + "/themes/" + name)
        let siteFile = root + "/content/site.yml"
        let site = try String(contentsOfFile: siteFile, encoding: .utf8)
        #expect(site.contains("\ntheme: default\n"))
        try site.replacingOccurrences(of: "\ntheme: default\n", with: "\ntheme: \(name)\n")
            .write(toFile: siteFile, atomically: true, encoding: .utf8)
        return root
    }

    private func build(_ root: String) -> BuildReport {
        Builder(options: BuildOptions(sourceDirectory: root, outputDirectory: root + "/out")).build()
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func exampleThemeBuildsOverTheSampleContentWithoutProblems() throws {
        let root = try sampleSite(theme: "pasar", from: Self.repository + "/docs/examples/pasar")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = build(root)
        #expect(report.succeeded)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map { $0.formatted(.en) })")
        // Its own templates, stylesheet and strings…
        let home = try read(root + "/out/index.html")
        #expect(home.contains("pasar.css") && home.contains("class=\"pasar pasar-home\""))
        #expect(home.contains("Pilihan hari ini") && home.contains("class=\"tag-card\""))
        #expect(FileManager.default.fileExists(atPath: root + "/out/pasar.css"))
        // …over the default theme's: product.html and the strings pasar does not change.
        let productFolder = try #require(
            try FileManager.default.contentsOfDirectory(atPath: root + "/out/produk").sorted().first { !$0.hasPrefix("halaman") && !$0.hasSuffix(".html") })
        let product = try read(root + "/out/produk/\(productFolder)/index.html")
        #expect(product.contains("Pesan sekarang lewat WhatsApp"))
        #expect(product.contains(">Produk</a>"))
    }

    /// Builds the sample content with a theme whose page templates check, for their page kinds,
    /// every variable the reference lists, and use every filter and test it lists: a name the
    /// reference has but Lapak does not fails the build, naming it.
    @Test func everyPageKindVariableFilterAndTestTheReferenceNamesExists() throws {
        let reference = try ReferenceTables(markdown: read(Self.repository + "/docs/themes.md"))
        #expect(reference.kinds.count == 16)
        #expect(reference.filters.count > 45 && reference.tests.count > 25 && reference.paths.count > 100)
        for kind in reference.kinds {
            #expect(FileManager.default.fileExists(atPath: Self.repository + "/themes/default/templates/" + kind.template),
                    "\(kind.template) of page kind \(kind.kind)")
        }
        // Every object whose fields are listed is a variable some page has.
        let pageVariables = Set(reference.kinds.flatMap(\.variables) + reference.paths.filter { !$0.contains(".") })
        for root in Set(reference.paths.map { String($0.prefix { $0 != "." }) }) {
            #expect(pageVariables.contains(root), "'\(root)' has fields in the reference but is no page's variable")
        }

        let checks = FileManager.default.temporaryDirectory.path + "/lapak-reference-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: checks) }
        for (template, kinds) in Dictionary(grouping: reference.kinds, by: \.template) {
            let path = checks + "/templates/" + template
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try reference.checkTemplate(for: kinds).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let root = try sampleSite(theme: "reference", from: checks)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = build(root)
        #expect(report.succeeded, "\(report.diagnostics.map { $0.formatted(.en) })")
    }
}

/// The tables of `docs/themes.md` a theme author relies on.
struct ReferenceTables {
    struct Kind {
        let kind: String
        let template: String
        let variables: [String]
    }

    /// `page.kind`, its template and its own variables.
    var kinds: [Kind] = []
    /// Every `variable` row: globals and dotted paths (`product.image.srcset`).
    var paths: [String] = []
    var filters: [String] = []
    var tests: [String] = []

    init(markdown: String) {
        var header = ""
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                header = ""
                continue
            }
            // `\|` inside a cell is a pipe of an example, not a column.
            let cells = line.replacingOccurrences(of: "\\|", with: "¦").split(separator: "|").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if header.isEmpty {
                header = cells.first ?? ""
                continue
            }
            guard let first = cells.first, !first.hasPrefix("---"), let name = Self.code(in: first).first else { continue }
            switch header {
            case "`page.kind`":
                kinds.append(Kind(kind: name, template: Self.code(in: cells[1]).first ?? "",
                                  variables: cells.count > 3 ? Self.code(in: cells[3]) : []))
            case "variable": paths.append(name)
            case "filter": filters.append(name)
            case "test": tests.append(name)
            default: break
            }
        }
    }

    /// The `code` spans of a cell.
    static func code(in cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// A page template that renders nothing useful but fails, naming what is missing, when a
    /// listed variable is not there; filters and tests are checked when it is parsed.
    func checkTemplate(for kinds: [Kind]) -> String {
        func missing(_ what: String) -> String {
            "{{ reference_names_missing_" + what.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() + " }}"
        }
        let names = kinds.map { "'\($0.kind)'" }.joined(separator: ", ")
        var out = "{% if page.kind not in [\(names)] %}\(missing("kind_of_" + kinds[0].template)){% endif %}\n"
        for kind in kinds {
            out += "{% if page.kind == '\(kind.kind)' %}"
            for variable in kind.variables { out += "{% if \(variable) is not defined %}\(missing(variable)){% endif %}" }
            out += "{% endif %}\n"
        }
        for path in paths {
            let parts = path.split(separator: ".").map(String.init)
            if parts.count == 1 {
                out += "{% if \(path) is not defined %}\(missing(path)){% endif %}\n"
                continue
            }
            // Checked where the object exists and, for a nested field, is not none (`product.image`).
            var guards = ["\(parts[0]) is defined"]
            for i in 1..<(parts.count - 1) {
                let prefix = parts[0...i].joined(separator: ".")
                guards.append("\(prefix) is defined and \(prefix)")
            }
            out += "{% if \(guards.joined(separator: " and ")) %}{% if \(path) is not defined %}\(missing(path)){% endif %}{% endif %}\n"
        }
        out += "{% if false %}"
        for filter in filters { out += "{{ 1 | \(filter) }}" }
        for test in tests { out += "{{ 1 is \(test) }}" }
        out += "{% endif %}\n"
        return out
    }
}
