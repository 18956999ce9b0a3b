import Templates
import Testing

@Suite struct EscapingTests {
    let evil: Value = "<a href=\"x\">Tom & 'Jerry'</a>"
    let escaped = "&lt;a href=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"

    @Test func plainOutputIsEscaped() throws {
        #expect(try render("{{ v }}", ["v": evil]) == escaped)
    }

    @Test func safeValuesAreNot() throws {
        #expect(try render("{{ v }}", ["v": .safe("<p>ok</p>")]) == "<p>ok</p>")
        #expect(try render("{{ v | safe }}", ["v": evil]) == evil.stringValue)
    }

    @Test func filterResultsAreEscaped() throws {
        #expect(try render("{{ v | upper }}", ["v": "<b>"]) == "&lt;B&gt;")
        #expect(try render("{{ v | default('<x>') }}", [:]) == "&lt;x&gt;")
        #expect(try render("{{ [v, v] | join(' ') }}", ["v": "<b>"]) == "&lt;b&gt; &lt;b&gt;")
        #expect(try render("{{ v | safe | upper }}", ["v": "<b>"]) == "<B>")
    }

    @Test func hostFilterResultsFollowTheirType() throws {
        var ext = Extensions()
        ext.filter("plain") { v, _ in .string("<\(v.stringValue ?? "")>") }
        ext.filter("markup") { v, _ in .safe("<\(v.stringValue ?? "")>") }
        #expect(try render("{{ 'x' | plain }}|{{ 'x' | markup }}", extensions: ext) == "&lt;x&gt;|<x>")
    }

    @Test func macroArgumentsAreEscapedInsideAndOutputIsSafe() throws {
        let src = "{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}{{ b(v) }}|{{ b(v | safe) }}"
        #expect(try render(src, ["v": "<i>"]) == "<b>&lt;i&gt;</b>|<b><i></b>")
    }

    @Test func includeEscapesByItsOwnKind() throws {
        let out = try render(
            "{{ v }}|{% include 'part.txt' %}|{% include 'part.html' %}", ["v": "<&>"],
            others: ["part.txt": "{{ v }}", "part.html": "{{ v }}"])
        #expect(out == "&lt;&amp;&gt;|<&>|&lt;&amp;&gt;")
    }

    @Test func setBlockCaptureIsSafeButSetValueIsNot() throws {
        #expect(try render("{% set c %}<i>{{ v }}</i>{% endset %}{{ c }}", ["v": "<b>"]) == "<i>&lt;b&gt;</i>")
        #expect(try render("{% set c = v %}{{ c }}", ["v": "<b>"]) == "&lt;b&gt;")
    }

    @Test func jsonInScriptIsSafe() throws {
        let data: Value = ["title": "</script><script>alert('x')</script>", "amp": "a&b", "ls": "a\u{2028}b\u{2029}"]
        let out = try render("<script type=\"application/ld+json\">{{ d | json }}</script>", ["d": data])
        #expect(
            out
                == #"<script type="application/ld+json">{"title":"\u003c/script\u003e\u003cscript\u003ealert(\u0027x\u0027)\u003c/script\u003e","amp":"a\u0026b","ls":"a\u2028b\u2029"}</script>"#
        )
        #expect(try render("{{ d | tojson(2) }}", ["d": ["a": [1, 2]]]) == "{\n  \"a\": [\n    1,\n    2\n  ]\n}")
    }

    @Test func escapingFollowsTheFileKind() throws {
        let v: Value = "<a & \"b\" 'c'>\u{2028}\\\n"
        #expect(try render("{{ v }}", ["v": v], name: "feed.xml") == "&lt;a &amp; &#34;b&#34; &#39;c&#39;&gt;\u{2028}\\\n")
        #expect(try render("{{ v }}", ["v": v], name: "notes.txt") == "<a & \"b\" 'c'>\u{2028}\\\n")
        #expect(try render("{{ v }}", ["v": v], name: "page.htm") == "&lt;a &amp; &#34;b&#34; &#39;c&#39;&gt;\u{2028}\\\n")
        #expect(
            try render(#"{"t": "{{ v }}"}"#, ["v": v], name: "data.json")
                == #"{"t": "\u003ca \u0026 \"b\" \u0027c\u0027\u003e\u2028\\\n"}"#)
        #expect(try render("{{ v }}", ["v": "\u{1}"], name: "data.json") == "\\u0001")
    }

    @Test func nonStringValuesAreEscapedToo() throws {
        #expect(try render("{{ xs }}", ["xs": ["<a>", "b's"]]) == "[&#39;&lt;a&gt;&#39;, &#34;b&#39;s&#34;]")
        #expect(try render("{{ 3 }} {{ 1.5 }} {{ none }} {{ true }}") == "3 1.5 None True")
    }

    @Test func concatenationKeepsTrust() throws {
        #expect(try render("{{ a ~ b }}", ["a": "<", "b": .safe("<i>")]) == "&lt;<i>")
        #expect(try render("{{ a ~ a }}", ["a": "<"]) == "&lt;&lt;")
    }

    @Test func escapeFilterProducesSafeOnce() throws {
        #expect(try render("{{ v | e | e }}", ["v": "<&>"]) == "&lt;&amp;&gt;")
        #expect(try render("{{ v | e }}", ["v": "<&>"], name: "x.txt") == "&lt;&amp;&gt;")
    }

    @Test func longTextWithManyEscapes() throws {
        let text = String(repeating: "abc<def>&\"'é", count: 1000)
        let expected = String(repeating: "abc&lt;def&gt;&amp;&#34;&#39;é", count: 1000)
        #expect(try render("{{ v }}", ["v": .string(text)]) == expected)
    }
}
