import Templates
import Testing

/// Unknown names get "did you mean" with the nearest known one, and every error a kind a host can switch on.
@Suite struct SuggestionTests {
    private func loadErrors(_ templates: [String: String]) -> [TemplateError] {
        do {
            try Environment(loader: InMemoryLoader(templates)).loadAll()
            return []
        } catch {
            return error.errors
        }
    }

    @Test func unknownFilterSuggestsTheNearest() throws {
        let e = try #require(loadErrors(["t.html": "{{ xs | lenght }}"]).first)
        #expect(e.message == "unknown filter 'lenght'; did you mean 'length'?")
        #expect(e.kind == .unknownFilter)
    }

    @Test func unknownTestSuggestsTheNearest() throws {
        let e = try #require(loadErrors(["t.html": "{{ 1 is dvisibleby 2 }}"]).first)
        #expect(e.message == "unknown test 'dvisibleby'; did you mean 'divisibleby'?")
        #expect(e.kind == .unknownTest)
    }

    @Test func nothingIsSuggestedForAFarName() throws {
        let e = try #require(loadErrors(["t.html": "{{ xs | frobnicate }}"]).first)
        #expect(e.message == "unknown filter 'frobnicate'")
    }

    @Test func undefinedVariableSuggestsAVisibleName() throws {
        let e = try #require(renderError("{% for product in xs %}{{ prodcut }}{% endfor %}", ["xs": [1]]))
        #expect(e.message == "'prodcut' is undefined; did you mean 'product'?")
        #expect(e.kind == .undefined)
    }

    @Test func missingAttributeSuggestsAField() throws {
        let e = try #require(renderError("{{ p.titel }}", ["p": ["title": "x", "price": 1]]))
        #expect(e.message == "'p' has no attribute 'titel'; did you mean 'title'?")
        #expect(e.kind == .undefined)
    }

    @Test func unknownMacroAndParameterSuggest() throws {
        let macro = try #require(renderError("{% macro card(item) %}{% endmacro %}{{ crad(1) }}"))
        #expect(macro.message == "'crad' is undefined; did you mean 'card'?")
        let parameter = try #require(renderError("{% macro card(item) %}{% endmacro %}{{ card(itme=1) }}"))
        #expect(parameter.message == "macro 'card' has no parameter 'itme'; did you mean 'item'?")
        let imported = try #require(
            renderError("{% from 'm.html' import crad %}", others: ["m.html": "{% macro card() %}{% endmacro %}"]))
        #expect(imported.message == "the imported template does not export 'crad'; did you mean 'card'?")
    }

    @Test func missingTemplateSuggestsAName() throws {
        let errors = loadErrors(["t.html": "{% include 'partials/crad.html' %}", "partials/card.html": ""])
        let e = try #require(errors.first)
        #expect(e.message == "template 'partials/crad.html' not found; did you mean 'partials/card.html'?")
        #expect(e.kind == .templateNotFound)
        let runtime = try #require(
            renderError("{% include name %}", ["name": "partials/crad.html"], others: ["partials/card.html": ""]))
        #expect(runtime.message == "template 'partials/crad.html' not found; did you mean 'partials/card.html'?")
        #expect(runtime.kind == .templateNotFound)
    }

    @Test func kindsOfOtherErrors() throws {
        #expect(loadErrors(["t.html": "{% if %}"]).first?.kind == .syntax)
        #expect(loadErrors(["t.html": "<{{ tag }}>"]).first?.kind == .unsafeContext)
        #expect(renderError("{{ 1 + 'a' }}")?.kind == .invalidOperation)
        #expect(renderError("{{ 'x' | truncate(1) }}")?.kind == .filter)
        #expect(renderError("{% include 't.html' %}")?.kind == .limit)
        #expect(renderError("{{ [] | first }}")?.kind == .undefined)
    }
}
