import Foundation
import Testing
@testable import LapakCore

/// Builds the real sample content and checks what buyers and partners get.
@Suite(.serialized) struct EndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func temporaryFolder() -> String {
        NSTemporaryDirectory() + "lapak-e2e-" + UUID().uuidString
    }

    func buildSample(into output: String) throws -> BuildReport {
        let report = Builder(options: BuildOptions(sourceDirectory: Self.repository, outputDirectory: output)).build()
        #expect(report.succeeded, "\(report.diagnostics.map { $0.formatted(.en) })")
        return report
    }

    /// Every file below a folder with its bytes, by relative path.
    func tree(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for (relative, _) in FileSystem.walk(root) {
            out[relative] = FileManager.default.contents(atPath: root + "/" + relative)
        }
        return out
    }

    @Test func cleanBuildReproducesTheCommittedSiteByteForByte() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try buildSample(into: output)
        let built = tree(output), committed = tree(Self.repository + "/site")
        let missing = Set(built.keys).subtracting(committed.keys).sorted()
        let stale = Set(committed.keys).subtracting(built.keys).sorted()
        let differing = built.keys.filter { committed[$0] != nil && committed[$0] != built[$0] }.sorted()
        #expect(missing.isEmpty && stale.isEmpty && differing.isEmpty, """
            site/ is not a clean build of content/: run `make site` and commit site/.
            missing: \(missing.prefix(10)), stale: \(stale.prefix(10)), differing: \(differing.prefix(10))
            """)
        #expect(built.keys.filter { $0.hasSuffix(".html") }.count >= 40)
    }

    @Test func twoBuildsAreIdentical() throws {
        let first = temporaryFolder(), second = temporaryFolder()
        defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try buildSample(into: first)
        _ = try buildSample(into: second)
        #expect(tree(first) == tree(second))
    }

    @Test func staleFilesDisappearAndNothingIsLeftBeside() throws {
        let parent = temporaryFolder()
        let output = parent + "/out"
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: output + "/lama", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: output + "/lama/index.html", contents: Data("old".utf8))
        _ = try buildSample(into: output)
        #expect(!FileManager.default.fileExists(atPath: output + "/lama/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func everyProductHasAFeedEntryAndAnOrderLink() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = try buildSample(into: output)
        let data = try #require(FileManager.default.contents(atPath: output + "/products.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let products = try #require(feed["products"] as? [[String: Any]])
        #expect(products.count == report.products)
        #expect(products.count >= 16)
        let (content, _) = ContentLoader(sourceDirectory: Self.repository).load()
        let producers = Dictionary(uniqueKeysWithValues: (content?.producers ?? []).map { ($0.id, $0) })
        for product in products {
            let id = try #require(product["id"] as? String)
            let producerID = try #require((product["producer"] as? [String: Any])?["id"] as? String)
            let number = try #require(producers[producerID]?.whatsapp?.international)
            let html = try String(contentsOfFile: output + "/produk/\(id)/index.html", encoding: .utf8)
            let link = "https://wa.me/\(number)?text="
            #expect(html.contains(link), "produk/\(id) has no order link to \(number)")
            let orderURL = try #require(product["order_url"] as? String)
            #expect(orderURL.hasPrefix(link))
            let message = try #require(orderURL.dropFirst(link.count).removingPercentEncoding)
            #expect(message.contains(product["title"] as? String ?? "?"))
            if (product["variants"] as? [Any])?.isEmpty ?? true {
                // On sale, the message quotes what the buyer pays.
                let sale = (product["sale"] as? [String: Any])?["price_text"] as? String
                #expect(message.contains(sale ?? product["price_text"] as? String ?? "?"))
            } else {
                // The buyer names the variant; no price that no variant sells at is quoted.
                #expect(!message.contains("(Rp"), "\(message)")
            }
            #expect(message.contains(product["url"] as? String ?? "?"))
        }
    }

    @Test func productFeedValidatesAgainstItsSchema() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try buildSample(into: output)
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); feed = json.load(open(sys.argv[2]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(feed, schema, cls=jsonschema.Draft202012Validator)
        print(len(feed["products"]))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Self.repository + "/docs/products.schema.json", output + "/products.json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "schema validation failed (is python3-jsonschema installed? `make test` installs it):\n\(printed)")
    }

    @Test func brokenContentFailsNamesFileAndLineAndLeavesOutputUntouched() throws {
        let site = try TestSite(files: [
            "content/products/tas.md": TestSite.product(TestSite.validProductFields),
        ])
        let output = site.root + "/site"
        #expect(site.build().succeeded)
        let before = tree(output)
        try site.write("content/products/tas.md", TestSite.product(TestSite.validProductFields.replacingOccurrences(of: "price: 85000", with: "price: delapan")))
        let report = site.build()
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.errors.first)
        #expect(error.location.description == "content/products/tas.md:3:1")
        #expect(tree(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields + "\nstok: 3")])
        #expect(site.build().succeeded)
        let strict = site.build(strict: true)
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.errors.first?.code == "unknown-field")
    }

    @Test func outputMayNotBeInsideContent() throws {
        let site = try TestSite()
        let report = site.build(output: site.root + "/content/site")
        #expect(report.diagnostics.first(code: "output-inside-content") != nil)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/content/site"))
    }

    @Test func outputMayNotBeTheSiteFolderButMaySitInsideIt() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        #expect(site.build(output: site.root).diagnostics.first(code: "output-inside-content") != nil)
        #expect(FileManager.default.fileExists(atPath: site.root + "/content/site.yml"))
        #expect(site.build(output: site.root + "/public").succeeded)
        #expect(FileManager.default.fileExists(atPath: site.root + "/public/produk/tas/index.html"))
    }

    @Test func aFolderWithOnlyContentUsesTheBuiltInTheme() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields)])
        #expect(!FileManager.default.fileExists(atPath: site.root + "/themes"))
        #expect(site.build().succeeded)
        let html = try String(contentsOfFile: site.root + "/site/produk/tas/index.html", encoding: .utf8)
        #expect(html.contains("Rp 85.000"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/site/style.css"))
    }

    @Test func contentDataIsEscapedInPages() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "title: \"Tas Anyaman Pandan\"",
                                                                       with: "title: \"Tas <script>alert('x')</script> & \\\"Kain\\\"\"")
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(fields, body: "Isi <img src=x onerror=alert(1)>")])
        #expect(site.build().succeeded)
        let html = try String(contentsOfFile: site.root + "/site/produk/tas/index.html", encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("Tas &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;Kain&#34;"))
        #expect(!html.contains("onerror=alert"))
    }
}
