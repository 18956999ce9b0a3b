import Foundation
import Markdown
import Testing
@testable import LapakCore

/// Markdown bodies written to hurt: cmark's own pathological inputs, unsafe options, and links
/// whose scheme would run or load something.
@Suite(.serialized) struct HostileMarkdownTests {
    enum Outcome: Equatable {
        case rendered
        case rejected(String)
    }

    /// The inputs of cmark's `test/pathological_tests.py` (0.30 and 0.31), built the same way,
    /// each with what Lapak must do with it. The largest repeat counts of either version are used.
    static let pathological: [(name: String, outcome: Outcome, body: @Sendable () -> String)] = [
        ("nested strong emph", .rendered, { repeated("*a **a ", 65000) + "b" + repeated(" a** a*", 65000) }),
        ("many emph closers with no openers", .rendered, { repeated("a_ ", 65000) }),
        ("many emph openers with no closers", .rendered, { repeated("_a ", 65000) }),
        ("many link closers with no openers", .rendered, { repeated("a]", 65000) }),
        ("many link openers with no closers", .rejected("markdown-bracket-run"), { repeated("[a", 65000) }),
        ("mismatched openers and closers", .rendered, { repeated("*a_ ", 50000) }),
        ("issue #389", .rendered, { repeated("*a ", 20000) + repeated("_a*_ ", 20000) }),
        ("openers and closers multiple of 3", .rendered, { "a**b" + repeated("c* ", 50000) }),
        ("link openers and emph closers", .rejected("markdown-bracket-run"), { repeated("[ a_", 50000) }),
        ("pattern [ (]( repeated", .rejected("markdown-bracket-run"), { repeated("[ (](", 80000) }),
        ("pattern ![[]() repeated", .rejected("markdown-bracket-run"), { repeated("![[]()", 160000) }),
        ("hard link/emph case", .rendered, { "**x [a*b**c*](d)" }),
        ("nested brackets", .rejected("markdown-bracket-run"), { repeated("[", 50000) + "a" + repeated("]", 50000) }),
        ("nested block quotes", .rejected("markdown-too-deep"), { repeated("> ", 50000) + "a" }),
        ("deeply nested lists", .rejected("markdown-too-deep"), { (0..<1000).map { repeated("  ", $0) + "* a\n" }.joined() }),
        // XML forbids it: katalog.xml and atom.xml would be ill-formed. Refused at its place.
        ("U+0000 in input", .rejected("control-character"), { "abc\u{0}de\u{0}" }),
        ("backticks", .rejected("markdown-too-large"), { (1..<5000).map { "e" + repeated("`", $0) }.joined() }),
        ("unclosed links A", .rejected("markdown-bracket-run"), { repeated("[a](<b", 50000) }),
        ("unclosed links B", .rejected("markdown-bracket-run"), { repeated("[a](b", 50000) }),
        ("unclosed <!--", .rejected("markdown-too-large"), { "</" + repeated("<!--", 300000) }),
        ("empty lines in deeply nested lists", .rejected("markdown-too-deep"), { repeated("- ", 30000) + "x" + repeated("\n", 30000) }),
        ("empty lines in deeply nested lists in blockquote", .rejected("markdown-too-deep"),
         { "> " + repeated("- ", 30000) + "x\n" + repeated(">\n", 30000) }),
        ("emph in deep blockquote", .rejected("markdown-too-deep"), { repeated(">", 100000) + repeated("a*", 100000) }),
        ("reference collisions", .rendered, { referenceCollisions() }),
        ("many references", .rejected("markdown-too-large"),
         { (1..<(50000 * 16)).map { "[\($0)]: u\n" }.joined() + repeated("[0] ", 50000) }),
        ("nested inlines", .rendered, { repeated("*", 20000) + "a" + repeated("*", 20000) }),
        // Just inside the limits, the slowest shapes of the ones above.
        ("32 nested lists then a megabyte of empty lines", .rendered, { repeated("- ", 32) + "x" + repeated("\n", 1_000_000) }),
        ("paragraphs of 160 image-link openers", .rendered, { repeated(repeated("![[]()", 160) + "\n\n", 1000) }),
    ]

    /// A guard against blow-ups, not a speed test: each input takes well under a second alone,
    /// and a super-linear path through cmark would take minutes. The bound is wide because the
    /// tests share two cores with everything else the machine runs.
    static let blowUpSeconds = 10.0

    @Test func cmarksPathologicalInputsFinishOrAreRefused() throws {
        var times: [(name: String, seconds: Double)] = []
        for input in Self.pathological {
            let body = input.body()
            let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields, body: body)])
            let clock = ContinuousClock()
            let started = clock.now
            let (content, diagnostics) = site.load()
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            times.append((input.name, seconds))
            #expect(seconds < Self.blowUpSeconds, "\(input.name) took \(seconds) s")
            switch input.outcome {
            case .rendered:
                #expect(diagnostics.errors.isEmpty, "\(input.name): \(diagnostics.map { $0.formatted(.en) })")
                #expect(content?.products.first?.body.html.isEmpty == false, "\(input.name) was not rendered")
            case .rejected(let code):
                let d = diagnostics.first(code: code)
                #expect(d?.location.file == "content/products/tas.md", "\(input.name): \(diagnostics.map(\.code))")
                #expect(d?.location.line == 8)
                #expect(content?.products.isEmpty == true)
            }
        }
        let slowest = times.sorted { $0.seconds > $1.seconds }.prefix(4)
        print("pathological Markdown, slowest: " + slowest.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: "; "))
    }

    /// The summary text was once gathered by recursion over inline nodes: cmark's "nested strong
    /// emph" input overflowed the stack of a build thread and killed the build.
    @Test func deepInlineNestingNeedsNoDeepStack() async {
        let body = repeated("*a **a ", 30000) + "b" + repeated(" a** a*", 30000)
        let length = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            let thread = Thread {
                continuation.resume(returning: MarkdownRenderer().render(body).firstParagraph.count)
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        #expect(length > 60000)
    }

    @Test func indentedTextIsNotNesting() {
        let limits = ContentLimits()
        #expect(limits.markdownProblem(repeated(" ", 200) + "teks menjorok\n\n```\n" + repeated(" ", 300) + "kode\n```\n") == nil)
        #expect(limits.markdownProblem(repeated(" ", 80) + "- butir\n") == .markdownTooDeep(limit: 32))
        #expect(limits.markdownProblem(repeated("> ", 32) + "kutipan\n") == nil)
        #expect(limits.markdownProblem(repeated("> ", 33) + "kutipan\n") == .markdownTooDeep(limit: 32))
    }

    // MARK: Safe mode

    static let markdownSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Markdown").path

    /// Code lines of the Markdown wrapper, comments left out.
    func markdownCode() throws -> String {
        var code = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.markdownSources) where name.hasSuffix(".swift") {
            let text = try String(contentsOfFile: Self.markdownSources + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let bare = line.trimmingCharacters(in: .whitespaces)
                if bare.hasPrefix("//") { continue }
                code += (line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)) + "\n"
            }
        }
        return code
    }

    @Test func cmarkNeverRunsUnsafeAndAlwaysValidatesUTF8() throws {
        let code = try markdownCode()
        #expect(!code.contains("CMARK_OPT_UNSAFE"), "Sources/Markdown must never pass CMARK_OPT_UNSAFE")
        #expect(code.contains("CMARK_OPT_VALIDATE_UTF8"))
        let html = MarkdownRenderer().render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nok <b onclick=x>b</b>").html
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("onclick"), "\(html)")
    }

    // MARK: URLs in the tree

    @Test(arguments: ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "vbscript:x", "data:text/html;base64,PHNjcmlwdD4=",
                      "data:image/png;base64,AAAA", "file:///etc/passwd", "intent://scan#Intent;end", "%6Aavascript:x"])
    func refusedLinksAndImagesBecomeInertInHTMLAndTree(url: String) throws {
        let renderer = MarkdownRenderer(refuseURL: PublishedURLs.refuse)
        let doc = renderer.render("![foto](\(url))\n\n[tautan](\(url))\n\n<\(url)>\n\n![baik](images/a.jpg)\n")
        let pattern = /(?:href|src)="([^"]*)"/
        let targets = doc.html.matches(of: pattern).map { String($0.output.1) }
        #expect(Set(targets) == ["#invalid-url", "images/a.jpg"], "\(doc.html)")
        #expect(doc.firstImage?.url == "images/a.jpg")
        #expect(doc.refusedURLs.count >= 2)
        #expect(!doc.references.contains { $0.url.hasSuffix(url.trimmingCharacters(in: .whitespaces)) })
    }

    @Test func refusedBodyURLsWarnAtTheirLine() throws {
        let site = try TestSite(files: ["content/products/tas.md": TestSite.product(TestSite.validProductFields,
                                                                                     body: "Tas.\n\n[klik](javascript:alert(1))")])
        let (content, diagnostics) = site.load()
        let d = try #require(diagnostics.first(code: "unsafe-url"))
        #expect(d.severity == .warning)
        #expect(d.location == SourceLocation(file: "content/products/tas.md", line: 10, column: 1))
        #expect(d.message(.en) == "the address `javascript:alert(1)` in `body` is unsafe and was replaced")
        #expect(content?.products.first?.body.html.contains("href=\"#invalid-url\"") == true)
    }

    @Test func firstImageForPreviewsSkipsRefusedOnes() throws {
        let body = "![x](javascript:alert(1))\n\n![y](//evil.example/x.png)\n\n![z](images/products/tas.jpg)"
        let doc = MarkdownRenderer(refuseURL: PublishedURLs.refuse).render(body)
        #expect(doc.firstImage?.url == "//evil.example/x.png")
        let scriptOnly = MarkdownRenderer(refuseURL: PublishedURLs.refuse).render("![x](jAvAsCrIpT:1)")
        #expect(scriptOnly.firstImage == nil)
    }
}

func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

/// cmark's "reference collisions": 25,000 labels that fall in one bucket of its old hash table.
func referenceCollisions() -> String {
    func collides(_ key: String) -> Bool {
        var h: UInt32 = 0
        for c in key.unicodeScalars {
            h = c.value &+ (h << 6) &+ (h << 16) &- h
        }
        return h % 16 == 0
    }
    var keys: [String] = []
    var i = 0
    while keys.count < 25000 {
        let key = "x\(i)"
        if collides(key) { keys.append(key) }
        i += 1
    }
    let bad = keys[0]
    return keys.dropFirst().map { "[\($0)]: /url\n\n[\(bad)]\n\n" }.joined()
}
