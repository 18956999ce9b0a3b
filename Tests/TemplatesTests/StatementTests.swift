import Templates
import Testing

@Suite struct StatementTests {
    @Test func inheritanceThreeLevelsWithSuper() throws {
        let others = [
            "base.html": "<title>{% block title %}Base{% endblock %}</title>{% block body %}[base]{% endblock %}",
            "layout.html": "{% extends 'base.html' %}{% block title %}Layout | {{ super() }}{% endblock %}{% block body %}<main>{{ super() }}</main>{% endblock %}",
        ]
        let out = try render(
            "{% extends 'layout.html' %}{% block title %}Page | {{ super() }}{% endblock %}{% block body %}{{ super() }}(page {{ n }}){% endblock %}",
            ["n": 1], name: "page.html", others: others)
        #expect(out == "<title>Page | Layout | Base</title><main>[base]</main>(page 1)")
    }

    @Test func childTopLevelSetsReachTheParent() throws {
        let out = try render(
            "{% extends 'base.html' %}{% set who = 'child' %}ignored{% block b %}{{ who }}{% endblock %}",
            others: ["base.html": "({% block b %}{% endblock %}){{ who }}"])
        #expect(out == "(child)child")
    }

    @Test func dynamicParentName() throws {
        let out = try render("{% extends layout %}{% block b %}x{% endblock %}", ["layout": "l.html"], others: ["l.html": "[{% block b %}{% endblock %}]"])
        #expect(out == "[x]")
    }

    @Test func superWithoutParentIsAnError() throws {
        let e = try #require(renderError("{% block a %}{{ super() }}{% endblock %}"))
        #expect(e.message == "block 'a' has no parent block for super()")
    }

    @Test func includeSeesLoopVariablesAndDoesNotLeak() throws {
        let out = try render(
            "{% for p in ps %}{% include 'c.html' %}{% endfor %}{{ inner is defined }}", ["ps": ["a", "b"]],
            others: ["c.html": "{% set inner = 1 %}({{ p }}{{ loop is defined }})"])
        #expect(out == "(aFalse)(bFalse)False")
    }

    /// Jinja2 does not pass `loop` to an included template; the message says how to pass what it needs.
    @Test func includeCannotReadLoop() throws {
        let e = try #require(
            renderError("{% for p in ps %}{% include 'c.html' %}{% endfor %}", ["ps": ["a"]], others: ["c.html": "{{ loop.index }}"]))
        #expect(e.message.contains("{% set index = loop.index %}"))
        #expect(e.name == "c.html")
    }

    /// A block inside a loop reads the loop's variables only when marked `scoped`, as in Jinja2.
    @Test func blockInLoopNeedsScoped() throws {
        let e = try #require(renderError("{% for p in ps %}{% block b %}{{ p }}{% endblock %}{% endfor %}", ["ps": ["a"]]))
        #expect(e.message.contains("{% block b scoped %}"))
        let out = try render("{% for p in ps %}{% block b scoped %}{{ p }}{% endblock %}{% endfor %}", ["ps": ["a", "b"]])
        #expect(out == "ab")
    }

    @Test func includeWithoutContext() throws {
        let e = try #require(renderError("{% set x = 1 %}{% include 'c.html' without context %}", others: ["c.html": "{{ x }}"]))
        #expect(e.message == "'x' is undefined")
    }

    @Test func macrosSeeGlobalsAndImportsButNotCallerLocals() throws {
        var ext = Extensions()
        ext.globals["site"] = ["name": "Lapak"]
        let out = try render(
            "{% from 'm.html' import hello %}{% for who in ['a'] %}{{ hello(who) }}{% endfor %}",
            others: ["m.html": "{% macro hello(n) %}{{ site.name }}:{{ n }}:{{ who is defined }}{% endmacro %}"], extensions: ext)
        #expect(out == "Lapak:a:False")
    }

    @Test func importedTemplatesDoNotSeeThePageContext() throws {
        let e = try #require(renderError("{% import 'm.html' as m %}{{ m.f() }}", ["page": 1], others: ["m.html": "{% macro f() %}{{ page }}{% endmacro %}"]))
        #expect(e.message == "'page' is undefined")
        let ok = try render("{% import 'm.html' as m with context %}{{ m.f() }}", ["page": 1], others: ["m.html": "{% macro f() %}{{ page }}{% endmacro %}"])
        #expect(ok == "1")
    }

    @Test func macroKeywordsAndDefaults() throws {
        let src = "{% macro card(title, price=0, cls='card') %}{{ cls }}:{{ title }}:{{ price }}{% endmacro %}{{ card('a') }} {{ card('b', 5) }} {{ card(price=2, title='c') }} {{ card('d', cls='x') }}"
        #expect(try render(src) == "card:a:0 card:b:5 card:c:2 x:d:0")
    }

    @Test func macroDefaultsSeeEarlierParameters() throws {
        #expect(try render("{% macro m(a, b=a ~ '!') %}{{ b }}{% endmacro %}{{ m('hi') }}") == "hi!")
    }

    @Test func setInsideLoopDoesNotLeak() throws {
        #expect(try render("{% set x = 'out' %}{% for i in [1] %}{% set x = 'in' %}{% endfor %}{{ x }}") == "out")
    }

    @Test func namespaceCarriesStateOutOfLoops() throws {
        #expect(try render("{% set ns = namespace(n=0) %}{% for i in [1, 2, 3] %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}") == "6")
    }

    @Test func whitespaceControl() throws {
        #expect(try render("a  {%- if true -%}  b  {%- endif -%}  c") == "abc")
        #expect(try render("a  {{- 1 -}}  b") == "a1b")
        #expect(try render("a  {#- c -#}  b") == "ab")
        #expect(try render("a\n{% if true %}\nb\n{% endif %}\nc\n") == "a\n\nb\n\nc")
    }

    @Test func rawBlocks() throws {
        #expect(try render("{% raw %}{{ x }}{% if %}{% endraw %}") == "{{ x }}{% if %}")
    }

    @Test func loopVariables() throws {
        let out = try render(
            "{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}",
            ["xs": ["a", "b"]])
        #expect(out == "1021TrueFalse2;2110FalseTrue2;")
    }

    @Test func loopOverMappingAndObjects() throws {
        struct Product: TemplateObject {
            func field(_ name: String) -> Value? { name == "name" ? "Kopi" : name == "price" ? 5 : nil }
            var fieldNames: [String] { ["name", "price"] }
        }
        #expect(try render("{% for k, v in m %}{{ k }}={{ v }};{% endfor %}", ["m": ["b": 1, "a": 2]]) == "b=1;a=2;")
        #expect(try render("{% for k, v in p %}{{ k }}={{ v }};{% endfor %}{{ p.name }}", ["p": .object(Product())]) == "name=Kopi;price=5;Kopi")
        #expect(try render("{{ p | json }}", ["p": .object(Product())]) == #"{"name":"Kopi","price":5}"#)
        #expect(try render("{{ p.missing | default('-') }}", ["p": .object(Product())]) == "-")
    }

    @Test func groupbyTuples() throws {
        let items: Value = [["c": "x", "n": 1], ["c": "y", "n": 2], ["c": "x", "n": 3]]
        #expect(try render("{% for g, xs in items | groupby('c') %}{{ g }}{{ xs | length }}{% endfor %}", ["items": items]) == "x2y1")
        #expect(try render("{% for g in items | groupby('c') %}{{ g.grouper }}{{ g.list | map(attribute='n') | join }}{% endfor %}", ["items": items]) == "x13y2")
    }

    @Test func filterBlocks() throws {
        // As in Jinja2: the captured markup is upper-cased, entities included.
        #expect(try render("{% filter upper %}a{{ v }}{% endfilter %}", ["v": "<b>"]) == "A&LT;B&GT;")
    }
}
