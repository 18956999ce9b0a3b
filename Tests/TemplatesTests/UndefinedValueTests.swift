import Templates
import Testing

/// Undefined values where the differential corpus cannot show them: where the engine answers
/// without raising although Jinja2's StrictUndefined raises, and contexts Jinja2 does not have.
@Suite struct UndefinedValueTests {
    @Test func typeTestsAreFalseForUndefinedValuesWithoutRaising() throws {
        // Jinja2 (strict) raises for `iterable` and says true for `callable`; here both are false.
        let out = try render("{{ x is iterable }} {{ x is callable }} {{ ([] | first) is iterable }} {{ x is not sequence }}")
        #expect(out == "False False False True")
    }

    @Test func otherTestsOnAnUndefinedValueSayWhy() throws {
        let e = try #require(renderError("{{ ([] | last) is odd }}"))
        #expect(e.message.contains("the sequence is empty: it has no last item"))
    }

    @Test func inlineIfWithoutElsePrintsNothingInEveryContext() throws {
        let out = try render(#"<a class="{{ 'on' if x }}" href="{{ '/a' if x }}">{{ 'b' if x }}</a>"#, ["x": false])
        #expect(out == #"<a class="" href="">"# + "</a>")
    }

    @Test func anUndefinedValueIsAnErrorWhenPrintedInAnAttribute() throws {
        let e = try #require(renderError(#"<a title="{{ [] | first }}">x</a>"#))
        #expect(e.message == "the sequence is empty: it has no first item")
    }

    @Test func noneIsStillDefined() throws {
        // An index within the list holding none is none, not undefined.
        let out = try render("{{ xs[0] is defined }} {{ xs[0] is none }} {{ xs[1] is defined }}", ["xs": [nil]])
        #expect(out == "True True False")
    }

    @Test func aTupleInSetIsAList() throws {
        #expect(try render("{% set t = 1, 2 %}{{ t | length }} {{ t[1] }}") == "2 2")
    }

    @Test func aBlockInsideATagNameSaysHowToWriteIt() throws {
        let e = try #require(renderError("<{% block t %}div{% endblock %}>x</div>"))
        #expect(e.message.contains("a block must hold whole tags"))
        #expect(!e.message.contains("ends in the name of a tag"))
    }
}
