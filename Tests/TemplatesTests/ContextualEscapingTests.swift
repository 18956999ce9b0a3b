import Foundation
import Templates
import Testing

/// Escaping decided by where a `{{ }}` stands in the HTML, when the template is loaded.
@Suite struct ContextualEscapingTests {
    func page(_ source: String, _ context: [String: Value] = [:], others: [String: String] = [:]) throws -> RenderedPage {
        var all = others
        all["t.html"] = source
        return try Environment(loader: InMemoryLoader(all)).renderReporting("t.html", context: context)
    }

    /// The first load error of `source`, which must fail to load.
    func loadError(_ source: String, others: [String: String] = [:]) -> TemplateError? {
        var all = others
        all["t.html"] = source
        do {
            try Environment(loader: InMemoryLoader(all)).loadAll()
            return nil
        } catch {
            return error.errors.first
        }
    }

    // MARK: URLs

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "\u{1}\u{8}javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "jav\rascript:x", "vbscript:msgbox", "data:text/html,<b>",
        ":alert(1)", "file:///etc/passwd", "intent://x", "java script:x", "\u{0}javascript:x",
    ])
    func refusedSchemesBecomeInert(url: String) throws {
        let out = try page(##"<a href="{{ u }}">x</a>"##, ["u": .string(url)])
        #expect(out.text == ##"<a href="#invalid-url">x</a>"##)
        #expect(out.warnings.count == 1)
        #expect(out.warnings.first?.value == url)
        let warning = try #require(out.warnings.first)
        #expect(warning.template == "t.html" && warning.line == 1 && warning.column == 13)
    }

    @Test(arguments: [
        "https://a.example/x?y=1&z=2", "http://a.example", "HTTPS://A.EXAMPLE", "mailto:a@b.example", "tel:+628123",
        "/produk/x/", "produk/x/", "?q=1", "#top", "//cdn.example/x.jpg", "images/a:b.jpg", "",
    ])
    func allowedURLsAreEscapedOnly(url: String) throws {
        let out = try page(##"<a href="{{ u }}">x</a>"##, ["u": .string(url)])
        var escaped = url.replacingOccurrences(of: "&", with: "&amp;")
        escaped = escaped.replacingOccurrences(of: "\"", with: "&#34;")
        #expect(out.text == "<a href=\"\(escaped)\">x</a>")
        #expect(out.warnings.isEmpty)
    }

    @Test func everyURLAttributeIsChecked() throws {
        let source = """
        <img src="{{ u }}"><form action="{{ u }}"><button formaction="{{ u }}"></button></form>\
        <video poster="{{ u }}"></video><div data-url="{{ u }}"></div><svg><a xlink:href="{{ u }}"></a></svg>\
        <blockquote cite="{{ u }}"></blockquote><a HREF='{{ u }}'></a>
        """
        let out = try page(source, ["u": "javascript:alert(1)"])
        #expect(!out.text.contains("javascript"))
        #expect(out.warnings.count == 8)
    }

    @Test func dataAfterALiteralSchemeIsNotAScheme() throws {
        let out = try page(##"<a href="https://wa.me/{{ n }}">w</a><a href="mailto:{{ e }}">m</a>"##,
                           ["n": "javascript:x", "e": "a@b.example?subject=<x>"])
        #expect(out.text == ##"<a href="https://wa.me/javascript:x">w</a><a href="mailto:a@b.example?subject=&lt;x&gt;">m</a>"##)
        #expect(out.warnings.isEmpty)
    }

    @Test func aSchemeAssembledFromDataIsALoadError() throws {
        let e = try #require(loadError(##"<a href="{{ scheme }}:{{ rest }}">x</a>"##))
        #expect((e.line, e.column) == (1, 22))
        #expect(e.message.contains("scheme"))
    }

    @Test func twoValuesAtTheStartAreBothChecked() throws {
        let out = try page(##"<a href="{{ a }}{{ b }}">x</a>"##, ["a": "javascript", "b": ":alert(1)"])
        #expect(out.text == ##"<a href="javascript#invalid-url">x</a>"##)
    }

    @Test func trustedMarkupIsCheckedAfterDecoding() throws {
        let out = try page(##"<a href="{{ u }}">x</a>"##, ["u": .safe("javascript&#58;alert(1)")])
        #expect(out.text == ##"<a href="#invalid-url">x</a>"##)
        let named = try page(##"<a href="{{ u }}">x</a>"##, ["u": .safe("java&Tab;script&colon;alert(1)")])
        #expect(named.text == ##"<a href="#invalid-url">x</a>"##)
        let macro = try page(##"{% macro u() %}javascript:alert(1){% endmacro %}<a href="{{ u() }}">x</a>"##)
        #expect(macro.text == ##"<a href="#invalid-url">x</a>"##)
    }

    @Test func srcsetIsCheckedCandidateByCandidate() throws {
        let one = try page(##"<img srcset="{{ a }} 1x, {{ b }} 2x">"##, ["a": "/a.jpg", "b": "javascript:alert(1)"])
        #expect(one.text == ##"<img srcset="/a.jpg 1x, #invalid-url 2x">"##)
        let whole = try page(##"<img srcset="{{ s }}">"##, ["s": "/a.jpg 1x, javascript:alert(1) 2x"])
        #expect(whole.text == ##"<img srcset="#invalid-url">"##)
        let descriptor = try page(##"<img srcset="/a.jpg {{ w }}w">"##, ["w": 640])
        #expect(descriptor.text == ##"<img srcset="/a.jpg 640w">"##)
        let fine = try page(##"<img srcset="{{ s }}">"##, ["s": "/a.jpg 1x, https://b.example/b.jpg 2x"])
        #expect(fine.text == ##"<img srcset="/a.jpg 1x, https://b.example/b.jpg 2x">"##)
        // A line break between candidates, non-ASCII text, and a scheme spelled with a reference.
        let crlf = try page(##"<img srcset="{{ s }}">"##, ["s": "/a.jpg 1x,\r\njavascript:x 2x"])
        #expect(crlf.text == ##"<img srcset="#invalid-url">"##)
        let accented = try page(##"<img srcset="{{ s }}">"##, ["s": "/café.jpg 1x, /b.jpg 2x"])
        #expect(accented.text == ##"<img srcset="/café.jpg 1x, /b.jpg 2x">"##)
        let markup = try page(##"<img srcset="{{ s }}">"##, ["s": .safe("/a.jpg 1x, java&#115;cript:x 2x")])
        #expect(markup.text == ##"<img srcset="#invalid-url">"##)
    }

    @Test func openGraphURLMetasAreChecked() throws {
        let source = """
        <meta property="og:image" content="{{ u }}"><meta content="{{ u }}" property="og:url">\
        <meta name="twitter:image" content="{{ u }}"><meta property="og:image:secure_url" content="{{ u }}">\
        <meta property="og:title" content="{{ u }}"><meta name="description" content="{{ u }}">
        """
        let out = try page(source, ["u": "javascript:alert(1)"])
        #expect(out.warnings.count == 4)
        #expect(out.text.hasSuffix(##"<meta property="og:title" content="javascript:alert(1)"><meta name="description" content="javascript:alert(1)">"##))
    }

    @Test func aMetaSchemeAssembledFromDataIsALoadErrorWhicheverOrderItsAttributesCome() throws {
        for source in [##"<meta property="og:image" content="{{ a }}:{{ b }}">"##, ##"<meta content="{{ a }}:{{ b }}" property="og:url">"##] {
            let e = try #require(loadError(source), "\(source)")
            #expect(e.message.contains("scheme"))
        }
        #expect(loadError(##"<meta content="{{ a }}:{{ b }}" name="description"><meta property="og:image" content="https://x/{{ a }}">"##) == nil)
    }

    // MARK: Attributes and text

    @Test func trustedMarkupCannotLeaveAQuotedAttribute() throws {
        let out = try page(##"<p title="{{ m }}">{{ m }}</p>"##, ["m": .safe(##"<b class="x">it's</b>"##)])
        #expect(out.text == ##"<p title="<b class=&#34;x&#34;>it&#39;s</b>"><b class="x">it's</b></p>"##)
    }

    @Test func commentsTitlesAndTextAreasEscapeAsText() throws {
        let out = try page("<title>{{ v }}</title><!-- {{ v }} --><textarea>{{ v }}</textarea>{{ v }}", ["v": "</title><b>"])
        #expect(out.text == "<title>&lt;/title&gt;&lt;b&gt;</title><!-- &lt;/title&gt;&lt;b&gt; --><textarea>&lt;/title&gt;&lt;b&gt;</textarea>&lt;/title&gt;&lt;b&gt;")
    }

    @Test func anElementNameMayEndInDigitsFromData() throws {
        #expect(try page("<h{{ n }} class=\"t\">x</h{{ n }}>", ["n": 2]).text == "<h2 class=\"t\">x</h2>")
        #expect(try page("<h{{ n }}>x</h{{ n }}>", ["n": "3"]).text == "<h3>x</h3>")
        let e = try #require(renderError("<h{{ n }}>x</h{{ n }}>", ["n": "1 onclick=alert(1)"]))
        #expect(e.message.contains("only digits"))
    }

    // MARK: JSON-LD

    @Test func jsonLDHoldsDataAsJSON() throws {
        let source = """
        <script type="application/ld+json">{"name": "{{ s }}", "v": {{ s }}, "all": {{ d | json }}}</script>
        """
        let out = try page(source, ["s": "</script><script>x\u{2028}", "d": ["k": "<&>"]])
        #expect(out.text == ##"""
        <script type="application/ld+json">{"name": "\u003c/script\u003e\u003cscript\u003ex\u2028", "v": "\u003c/script\u003e\u003cscript\u003ex\u2028", "all": {"k":"\u003c\u0026\u003e"}}</script>
        """##)
        let trusted = try page(##"<script type="application/ld+json">{{ m }}</script>"##, ["m": .safe("</script><b>")])
        #expect(trusted.text == ##"<script type="application/ld+json">\u003c/script\u003e\u003cb\u003e</script>"##)
    }

    @Test func theJSONFilterInJSONLDActsAsEverywhere() throws {
        let script = ##"<script type="application/ld+json">{{ d | json }}</script>"##
        let markup = try page(script, ["d": .safe("<b>&")])
        #expect(markup.text == ##"<script type="application/ld+json">"\u003cb\u003e\u0026"</script>"##)
        let values = try page(script, ["d": ["n": 1.5, "ok": true, "none": nil, "list": [1, "a"]]])
        #expect(values.text == ##"<script type="application/ld+json">{"n":1.5,"ok":true,"none":null,"list":[1,"a"]}</script>"##)
        let lenient = try page(##"<script type="application/ld+json">{{ (1 if false) | json }}</script>"##)
        #expect(lenient.text == ##"<script type="application/ld+json">""</script>"##)
        #expect(throws: TemplateError.self) { try page(##"<script type="application/ld+json">{{ nothing | json }}</script>"##) }
        var deep: Value = 1
        for _ in 0..<250 { deep = [deep] }
        do {
            _ = try page(##"<script type="application/ld+json">{{ d | json }}</script>"##, ["d": deep])
            Issue.record("too deep a value was written")
        } catch let error as TemplateError {
            #expect(error.message == "filter 'json': value nested too deeply for JSON")
        }
    }

    @Test func theJSONFilterEscapesWhatEndsScriptsAndLines() throws {
        let out = try render("{{ d | json }}", ["d": ["<k&>": "</script><!--\u{2028}\u{2029}"]])
        #expect(out == ##"{"\u003ck\u0026\u003e":"\u003c/script\u003e\u003c!--\u2028\u2029"}"##)
    }

    // MARK: Load errors

    @Test(arguments: [
        (##"<a href={{ u }}>x</a>"##, 12, "unquoted"),
        (##"<a {{ attrs }}>x</a>"##, 7, "attribute name"),
        (##"<a title="x" {{ attrs }}="y">x</a>"##, 17, "attribute name"),
        (##"<a class={{ c }}>x</a>"##, 13, "unquoted"),
        (##"<a onclick="go('{{ x }}')">x</a>"##, 20, "event handler"),
        (##"<body ONLOAD="{{ x }}">"##, 18, "event handler"),
        (##"<script>var x = "{{ x }}";</script>"##, 21, "<script>"),
        (##"<script type="text/javascript">{{ x }}</script>"##, 35, "<script>"),
        (##"<script type="module">{{ x }}</script>"##, 26, "<script>"),
        (##"<style>p { color: {{ c }} }</style>"##, 22, "<style>"),
        (##"<p style="color: {{ c }}">x</p>"##, 21, "style"),
        (##"<{{ tag }}>x"##, 5, "element name"),
        (##"<iframe srcdoc="{{ html }}"></iframe>"##, 20, "HTML document"),
    ] as [(String, Int, String)])
    func dataWhereNoEscapingHelpsIsALoadError(source: String, column: Int, words: String) throws {
        let e = try #require(loadError("\n" + source))
        #expect(e.name == "t.html")
        // Errors point at the expression, as the engine's other errors do.
        #expect((e.line, e.column) == (2, column), "\(e)")
        #expect(e.message.contains(words), "\(e.message)")
    }

    @Test func theFirstUseOfABrokenTemplateFailsToo() {
        let e = renderError(##"<a onclick="{{ x }}">x</a>"##)
        #expect(e?.message.contains("event handler") == true)
    }

    @Test func branchesMustEndInTheSameContext() throws {
        let e = try #require(loadError(##"<a {% if x %}href="{% endif %}{{ y }}">x</a>"##))
        #expect(e.message.contains("branches"))
        #expect((e.line, e.column) == (1, 7))
        // Optional attributes are the common case and are fine.
        let out = try page(##"<img{% if c %} class="{{ c }}"{% endif %}{% if l %} hidden{% endif %} src="{{ s }}">"##,
                           ["c": "a", "l": true, "s": "javascript:x"])
        #expect(out.text == ##"<img class="a" hidden src="#invalid-url">"##)
    }

    @Test func loopsMustEndWhereTheyStart() throws {
        let e = try #require(loadError(##"{% for x in xs %}<a href="{% endfor %}">"##))
        #expect(e.message.contains("'for'"))
        let out = try page(##"<p class="{% for c in cs %}{{ c }} {% endfor %}">"##, ["cs": ["a", "<b>"]])
        #expect(out.text == ##"<p class="a &lt;b&gt; ">"##)
        let urls = try page(##"<a href="{% for p in ps %}{{ p }}{% endfor %}">x</a>"##, ["ps": ["java", "script:x"]])
        #expect(urls.text == ##"<a href="java#invalid-url">x</a>"##)
    }

    @Test func includesStartInTextAndTemplatesEndThere() throws {
        let e = try #require(loadError(##"<a href="{% include 'u.html' %}">x</a>"##, others: ["u.html": "{{ u }}"]))
        #expect(e.message.contains("include"))
        let open = try #require(loadError("<p>\n<a href=\"x\""))
        #expect((open.line, open.column) == (2, 1))
        #expect(open.message.contains("ends inside"))
        let script = try #require(loadError("<script type=\"application/ld+json\">{}"))
        #expect(script.message.contains("</script>"))
    }

    @Test func macrosAndCapturesEndInText() throws {
        let e = try #require(loadError(##"{% macro open(u) %}<a href="{{ u }}{% endmacro %}"##))
        #expect(e.message.contains("macro 'open'"))
        let capture = try #require(loadError(##"{% set x %}<a title="{% endset %}"##))
        #expect(capture.message.contains("'set'"))
    }

    // MARK: Blocks

    @Test func aBlockStartsWhereItsParentPlacesIt() throws {
        let others = ["base.html": ##"<a href="{% block link %}/{% endblock %}">x</a><p>{% block body %}{% endblock %}</p>"##]
        let child = ##"{% extends "base.html" %}{% block link %}{{ u }}{% endblock %}{% block body %}{{ u }}{% endblock %}"##
        let out = try page(child, ["u": "javascript:alert(1)"], others: others)
        #expect(out.text == ##"<a href="#invalid-url">x</a><p>javascript:alert(1)</p>"##)
        let env = Environment(loader: InMemoryLoader(others.merging(["t.html": child]) { a, _ in a }))
        try env.loadAll()
        #expect(try env.render("t.html", context: ["u": "javascript:x"]) == ##"<a href="#invalid-url">x</a><p>javascript:x</p>"##)
    }

    @Test func blocksFollowAChainOfParents() throws {
        let others = [
            "base.html": "<head>{% block head %}{% endblock %}</head>",
            "mid.html": ##"{% extends "base.html" %}{% block head %}<meta property="og:image" content="{% block img %}{% endblock %}">{% endblock %}"##,
        ]
        let out = try page(##"{% extends "mid.html" %}{% block img %}{{ u }}{% endblock %}"##, ["u": "data:x"], others: others)
        #expect(out.text == ##"<head><meta property="og:image" content="#invalid-url"></head>"##)
    }

    @Test func aBlockInTheWrongPlaceForARuntimeParentIsARenderError() throws {
        let others = ["l.html": ##"<a href="{% block link %}{% endblock %}">x</a>"##]
        let e = try #require(renderError("{% extends layout %}{% block link %}{{ u }}{% endblock %}",
                                         ["layout": "l.html", "u": "x"], others: others))
        #expect(e.message.contains("placed in"))
    }

    @Test func theBuiltInThemeLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes/default/templates").path
        var host = Extensions()
        for name in ["url", "abs_url", "lang_url", "lang_abs_url", "rupiah", "tanggal"] { host.filter(name) { value, _ in value } }
        try Environment(loader: DirectoryLoader(root: root), extensions: host).loadAll()
    }

    // MARK: Other kinds of file

    @Test func nonHTMLTemplatesAreNotAnalysed() throws {
        #expect(try render("<a href={{ u }}>", ["u": "javascript:x"], name: "t.xml") == "<a href=javascript:x>")
        #expect(try render("<script>{{ u }}</script>", ["u": "<"], name: "t.txt") == "<script><</script>")
    }
}
