import Templates
import Testing

@Suite struct SyntaxErrorTests {
    @Test func unclosedBlockNamesTheOpener() throws {
        let e = try #require(renderError("<ul>\n{% for p in products %}\n  <li>{{ p }}</li>\n", name: "product.html"))
        #expect(e.message == "expected 'endfor' to close 'for' opened at product.html:2:4")
        #expect(e.name == "product.html")
        #expect(e.line == 3)
    }

    @Test func descriptionShowsSourceLineAndCaret() throws {
        let e = try #require(renderError("a\n  {{ x | nope }}\n"))
        #expect(e.line == 2 && e.column == 8)
        #expect(e.sourceLine == "  {{ x | nope }}")
        #expect(e.description == "t.html:2:8: unknown filter 'nope'\n    {{ x | nope }}\n         ^")
    }

    @Test(arguments: [
        ("{{ }}", "expected an expression inside '{{ }}'"),
        ("{{ 1 + }}", "expected an expression, found end of tag"),
        ("{{ 'abc }}", "unterminated string literal"),
        ("{{ x", "unexpected end of template: expected '}}'"),
        ("{% if x %}", "expected 'endif' to close 'if' opened at t.html:1:4"),
        ("{% endif %}", "unexpected 'endif'"),
        ("{% frobnicate %}", "unknown statement 'frobnicate'"),
        ("{# open", "unterminated comment: expected '#}'"),
        ("{% raw %}x", "expected '{% endraw %}' to close 'raw'"),
        ("{{ x is frob }}", "unknown test 'frob'"),
        ("{{ x ! y }}", "unexpected character '!'"),
        ("{{ 99999999999999999999 }}", "integer literal '99999999999999999999' is too large"),
        ("{% block a %}{% endblock %}{% block a %}{% endblock %}", "block 'a' defined twice"),
        ("{% block a %}{% endblock b %}", "'endblock b' closes block 'a'"),
        ("{% macro m(a=1, b) %}{% endmacro %}", "parameter 'b' without a default follows one with a default"),
        ("{% for x in %}{% endfor %}", "expected an expression, found end of tag"),
        ("{{ f(a=1, 2) }}", "positional argument follows keyword argument"),
        ("{% set %}", "expected a variable name, found end of tag"),
    ])
    func messages(_ source: String, _ message: String) throws {
        let e = try #require(renderError(source))
        #expect(e.message == message)
        #expect(e.line >= 1)
    }

    @Test func loadAllReportsEveryError() throws {
        let env = Environment(
            loader: InMemoryLoader([
                "a.html": "{% for %}{% endfor %}\n{{ x | bad }}\n{{ 1 + }}",
                "b.html": "{% include 'zzz.html' %}{% extends 'q.html' %}{% import 'm.html' as m %}",
                "c.html": "{% include 'missing.html' ignore missing %}fine",
            ]))
        do {
            try env.loadAll()
            Issue.record("loadAll accepted broken templates")
        } catch {
            let messages = error.errors.map { "\($0.name):\($0.line):\($0.column): \($0.message)" }
            #expect(
                messages == [
                    "a.html:1:8: expected a loop variable, found end of tag",
                    "a.html:2:6: unknown filter 'bad'",
                    "a.html:3:8: expected an expression, found end of tag",
                    "b.html:1:12: template 'zzz.html' not found",
                    "b.html:1:36: template 'q.html' not found",
                    "b.html:1:57: template 'm.html' not found",
                ])
        }
    }

    @Test func loadAllAcceptsValidTemplatesAndPreloads() throws {
        let env = Environment(loader: InMemoryLoader(["a.html": "{% include 'b.html' %}", "b.html": "B"]))
        try env.loadAll()
        #expect(try env.render("a.html", context: [:]) == "B")
    }

    @Test func hostFiltersAreKnownAtLoad() throws {
        var ext = Extensions()
        ext.filter("rupiah") { v, _ in .string("Rp \(v.stringValue ?? "")") }
        let env = Environment(loader: InMemoryLoader(["a.html": "{{ '5' | rupiah }}"]), extensions: ext)
        try env.loadAll()
        #expect(try env.render("a.html", context: [:]) == "Rp 5")
    }
}

@Suite struct RuntimeErrorTests {
    @Test func undefinedNameIsAnError() throws {
        let e = try #require(renderError("ab\n {{ title }}"))
        #expect(e.message == "'title' is undefined")
        #expect(e.line == 2 && e.column == 5)
    }

    @Test func undefinedAttributeInConditionIsAnError() throws {
        let e = try #require(renderError("{% if x.missing %}y{% endif %}", ["x": ["a": 1]]))
        #expect(e.message == "'x' has no attribute 'missing'")
    }

    @Test func definedAndDefaultHandleAbsence() throws {
        let ctx: [String: Value] = ["x": ["a": 1], "n": .none]
        #expect(try render("{{ x.missing is defined }} {{ x.missing is undefined }} {{ y is defined }}", ctx) == "False True False")
        #expect(try render("{{ x.missing | default('a') }} {{ n | default('none') }} {{ y | d('y') }}", ctx) == "a none y")
        #expect(try render("{{ x['missing'] | default('b') }} {{ [1][5] | default('c') }}", ctx) == "b c")
        #expect(try render("{{ x.missing is none }} {{ none is none }}", ctx) == "False True")
    }

    @Test func deepUndefinedStillFails() throws {
        let e = try #require(renderError("{{ x.a.b | default('z') }}", ["x": [:]]))
        #expect(e.message == "'x' has no attribute 'a'")
    }

    @Test func errorsCarryTheIncludeChain() throws {
        let e = try #require(
            renderError(
                "<ul>\n{% for p in ps %}\n    {% include 'card.html' %}{% endfor %}", ["ps": [["name": "a"]]], name: "list.html",
                others: ["card.html": "<b>\n\n\n  {{ p.price }}</b>"]))
        #expect(e.name == "card.html" && e.line == 4 && e.column == 7)
        #expect(e.location == "card.html:4:7, included from list.html:3:8")
        #expect(e.chain == [.init(name: "list.html", line: 3, column: 8, relation: "included from")])
    }

    @Test func macroErrorsNameTheCall() throws {
        let e = try #require(renderError("{% macro m(a) %}{{ a.b }}{% endmacro %}\n{{ m(1) }}"))
        #expect(e.location == "t.html:1:21, called from t.html:2:5")
    }

    @Test(arguments: [
        ("{{ 9223372036854775807 + 1 }}", "integer overflow in 9223372036854775807 + 1"),
        ("{{ 3037000500 * 3037000500 }}", "integer overflow in 3037000500 * 3037000500"),
        ("{{ 2 ** 64 }}", "integer overflow in 2 ** 64"),
        ("{{ -x }}", "integer overflow in -\(Int.min)"),
        ("{{ 1 / 0 }}", "division by zero"),
        ("{{ 1 // 0 }}", "integer division by zero"),
        ("{{ 1 % 0 }}", "integer modulo by zero"),
        ("{{ 'a' - 1 }}", "unsupported operand types for -: string and integer"),
        ("{{ x() }}", "integer is not callable"),
        ("{{ 1 < 'a' }}", "cannot compare integer with string"),
        ("{% for a in 5 %}{% endfor %}", "cannot iterate over integer"),
        ("{% include 'nope.html' %}", "template 'nope.html' not found"),
        ("{{ 'x' | truncate(1) }}", "filter 'truncate': expected length >= 3, got 1"),
        ("{{ 'x' | upper(1) }}", "filter 'upper': takes at most 0 positional arguments, got 1"),
        ("{{ 'abc' | round }}", "filter 'round': cannot round string"),
        ("{{ range(10000000) }}", "range(): range has more than 100000 items"),
        ("{{ 'x' * 100000000000 }}", "string repetition too large"),
        ("{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", "macro 'm' takes at most 1 argument, got 2"),
        ("{% macro m(a) %}{% endmacro %}{{ m(b=2) }}", "macro 'm' has no parameter 'b'"),
        ("{{ m }}{% macro m() %}{% endmacro %}", "'m' is undefined"),
        ("{{ [] | first }}", "the sequence is empty: it has no first item"),
    ])
    func messages(_ source: String, _ message: String) throws {
        let e = try #require(renderError(source, ["x": .int(Int.min)]))
        #expect(e.message == message)
        #expect(e.line == 1 && e.column > 1)
    }

    @Test func hostFilterErrorsGetTheCallLocation() throws {
        var ext = Extensions()
        ext.filter("tanggal") { _, _ in throw FilterError("not a date") }
        struct Odd: Error {}
        ext.filter("odd") { _, _ in throw Odd() }
        ext.function("url") { _ in throw FilterError("no such page") }
        let e = try #require(renderError("\n  {{ x | tanggal }}", ["x": 1], extensions: ext))
        #expect(e.message == "filter 'tanggal': not a date")
        #expect(e.line == 2 && e.column == 8)
        let odd = try #require(renderError("{{ 1 | odd }}", extensions: ext))
        #expect(odd.message.hasPrefix("filter 'odd': "))
        let url = try #require(renderError("{{ url('x') }}", extensions: ext))
        #expect(url.message == "url(): no such page")
    }

    @Test func recursionIsCapped() throws {
        let e = try #require(renderError("{% include 't.html' %}"))
        #expect(e.message.contains("too many nested"))
        let m = try #require(renderError("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"))
        #expect(m.message.contains("too many nested"))
    }

    @Test func missingParentTemplate() throws {
        let e = try #require(renderError("{% extends 'base.html' %}"))
        #expect(e.message == "template 'base.html' not found")
        #expect(e.line == 1 && e.column == 4)
    }
}
