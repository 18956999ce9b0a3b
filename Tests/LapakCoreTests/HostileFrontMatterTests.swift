import Foundation
import Testing
@testable import LapakCore

/// Front matter written to hurt or to confuse: YAML programs, bombs, giant headers, repeated keys,
/// impossible dates, and line numbers under a byte order mark and Windows line ends.
@Suite struct HostileFrontMatterTests {
    /// Loads one product written as `text` (the whole file) and times it.
    func load(_ text: String) throws -> (diagnostics: [Diagnostic], seconds: Double) {
        let site = try TestSite()
        try site.write("content/products/tas.md", text)
        let clock = ContinuousClock()
        let started = clock.now
        let (content, diagnostics) = site.load()
        let elapsed = clock.now - started
        _ = content
        return (diagnostics, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    func product(extra: String) -> String {
        TestSite.product(TestSite.validProductFields + "\n" + extra)
    }

    static let aliasBomb = """
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    """

    @Test func aliasBombIsRefusedAtOnce() throws {
        #expect(Self.aliasBomb.utf8.count < 400)
        let (diagnostics, seconds) = try load("---\n" + Self.aliasBomb + "\n---\nBom.\n")
        #expect(seconds < 0.5)
        let d = try #require(diagnostics.first(code: "yaml-alias"))
        #expect(d.location == SourceLocation(file: "content/products/tas.md", line: 2, column: 4))
    }

    @Test(arguments: [
        ("title: &judul Tas", 7, 8, "yaml-alias"),
        ("tags: [anyaman, *x]", 7, 17, "yaml-alias"),
        ("tags:\n  - *x", 8, 5, "yaml-alias"),
        ("? *kunci\n: nilai", 7, 3, "yaml-alias"),
        ("summary: {a: *b}", 7, 14, "yaml-alias"),
        ("title: !!python/object:os.system \"ls\"", 7, 8, "yaml-tag"),
        ("title: !foo bar", 7, 8, "yaml-tag"),
        ("tags: [!x anyaman]", 7, 8, "yaml-tag"),
        ("tags:\n- !!binary aGVsbG8=", 8, 3, "yaml-tag"),
        ("!tag summary: x", 7, 1, "yaml-tag"),
        ("summary: !<tag:example.com,2000:x> x", 7, 10, "yaml-tag"),
    ] as [(String, Int, Int, String)])
    func anchorsAliasesAndTagsAreRefused(yaml: String, line: Int, column: Int, code: String) throws {
        let (diagnostics, _) = try load(product(extra: yaml))
        let d = try #require(diagnostics.first(code: code), "\(diagnostics.map(\.code))")
        #expect((d.location.line, d.location.column) == (line, column))
        #expect(d.severity == .error)
    }

    @Test(arguments: [
        "summary: |\n  * poin satu\n  & dua\n  !tiga\n\n  *empat*",
        "summary: >-\n  *miring* & !seru",
        "summary: \"*Spesial* & !baru\"",
        "summary: 'Kopi ''*enak*'' & !'",
        "summary: Kopi & teh! *enak* 100%",
        "summary: \"baris satu\n  *baris dua* & !tiga\"",
        "summary: a # *komentar* &b !c",
        "tags: [\"*a\", '&b', c!]",
    ])
    func textThatOnlyLooksLikeIndicatorsLoads(yaml: String) throws {
        let (diagnostics, _) = try load(product(extra: yaml))
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.map { $0.formatted(.en) })")
    }

    @Test func tagsAnchorsAndAliasesAreRefusedWhileComposingToo() throws {
        // The text scan refuses these first; the composer refuses them again from the events.
        #expect(throws: YAMLComposer.Failure(kind: .tag, mark: YAMLMark(line: 2, column: 5))) {
            try YAMLComposer.compose("a:\n  - !foo x\n")
        }
        #expect(throws: YAMLComposer.Failure(kind: .aliasOrAnchor, mark: YAMLMark(line: 1, column: 4))) {
            try YAMLComposer.compose("a: &x [1]\nb: *x\n")
        }
        let plain = try #require(try YAMLComposer.compose("a: [1, \"b\", {c: d}]\n"))
        guard case .mapping(let mapping) = plain, let value = mapping.pairs.first?.value,
              case .sequence(let items) = value else {
            Issue.record("expected a mapping holding a list")
            return
        }
        #expect(items.items.count == 3)
        #expect(items.items.map(\.string) == ["1", "b", nil], "every scalar is text")
    }

    @Test func composerKeepsMarksStylesAndRefusesSecondKeysAndDocuments() throws {
        let node = try #require(try YAMLComposer.compose("title: Tas\nprice: \"85000\"\nstock: ~\n"))
        guard case .mapping(let mapping) = node else {
            Issue.record("expected a mapping")
            return
        }
        #expect(mapping.pairs.map { $0.key.string } == ["title", "price", "stock"])
        guard case .scalar(let price) = mapping.pairs[1].value, case .scalar(let stock) = mapping.pairs[2].value else {
            Issue.record("expected scalars")
            return
        }
        #expect(price.style == .quoted && price.mark == YAMLMark(line: 2, column: 8))
        #expect(stock.style == .plain && stock.string == "~")
        #expect(throws: YAMLComposer.Failure(kind: .duplicateKey("title"), mark: YAMLMark(line: 3, column: 1))) {
            try YAMLComposer.compose("title: a\nprice: 1\ntitle: b\n")
        }
        #expect(throws: YAMLComposer.Failure.self) { try YAMLComposer.compose("a: 1\n---\nb: 2\n") }
        #expect(try YAMLComposer.compose("") == nil)
        // Nesting is followed with a stack (no recursion to run out of) up to libyaml's limit,
        // past which it is a syntax error with its line, not a crash.
        func nested(_ levels: Int) -> String {
            "a: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
        }
        var depth = 0
        var tree = try #require(try YAMLComposer.compose(nested(500)))
        if case .mapping(let mapping) = tree, let value = mapping.pairs.first?.value { tree = value }
        while case .sequence(let sequence) = tree {
            depth += 1
            guard let inner = sequence.items.first else { break }
            tree = inner
        }
        #expect(depth == 500)
        do {
            _ = try YAMLComposer.compose(nested(5000))
            Issue.record("5,000 levels should be refused")
        } catch {
            guard case .slip = error.kind else { Issue.record("\(error)"); return }
            #expect(error.mark?.line == 1)
        }
    }

    @Test func frontMatterOver64KBIsRefusedQuickly() throws {
        let big = "summary: \"" + String(repeating: "panjang ", count: 9000) + "\""
        let (diagnostics, seconds) = try load(product(extra: big))
        #expect(seconds < 0.5)
        let d = try #require(diagnostics.first(code: "front-matter-too-large"))
        #expect(d.location.line == 2)
    }

    @Test func aRepeatedKeyIsAnErrorAtItsSecondLine() throws {
        let (diagnostics, _) = try load(product(extra: "summary: satu\nstock: 3\nprice: 90000"))
        let d = try #require(diagnostics.first(code: "duplicate-key"))
        #expect(d.location.line == 9)
        #expect(d.message(.en) == "the field `price` appears more than once")
        let nested = try load(product(extra: "variants:\n  - name: S\n    price: 1\n    name: M"))
        #expect(nested.diagnostics.first(code: "duplicate-key")?.location.line == 10)
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2025-13-01", "2025-04-31", "2025-00-10", "2025-12-13 24:00", "1900-02-29"])
    func impossibleDatesAreErrorsAtTheirLine(date: String) throws {
        let (diagnostics, _) = try load(product(extra: "date: \(date)"))
        let d = try #require(diagnostics.first(code: "impossible-date"), "\(diagnostics.map(\.code))")
        #expect(d.location.line == 7)
    }

    @Test func realLeapDaysLoad() throws {
        for date in ["2024-02-29", "2000-02-29"] {
            #expect(try load(product(extra: "date: \(date)")).diagnostics.errors.isEmpty)
        }
    }

    @Test func lineNumbersCountFromTheTopWithABOMAndCRLF() throws {
        let fields = TestSite.validProductFields.replacingOccurrences(of: "price: 85000", with: "price: 85.000")
        let text = "\u{FEFF}---\r\n" + fields.replacingOccurrences(of: "\n", with: "\r\n") + "\r\ndate: 2024-02-30\r\n---\r\nTas.\r\n"
        let (diagnostics, _) = try load(text)
        #expect(diagnostics.first(code: "price-with-separators")?.location.line == 3)
        #expect(diagnostics.first(code: "impossible-date")?.location.line == 7)
        let aliases = try load("\u{FEFF}---\r\ntitle: x\r\nsummary: *a\r\n---\r\n")
        #expect(aliases.diagnostics.first(code: "yaml-alias")?.location == SourceLocation(file: "content/products/tas.md", line: 3, column: 10))
    }

    @Test func siteConfigRefusesTagsAndAliasesToo() throws {
        let site = try TestSite()
        try site.write("content/site.yml", "title: !!python/object:x y\nbase_url: https://a.example/\n")
        #expect(site.load().1.first(code: "yaml-tag")?.location == SourceLocation(file: "content/site.yml", line: 1, column: 8))
    }
}
