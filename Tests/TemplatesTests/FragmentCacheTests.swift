import Synchronization
import Templates
import Testing

/// `{% cache %}`: a fragment is rendered once per key and environment, then copied.
@Suite struct FragmentCacheTests {
    private let counting: Extensions = {
        var extensions = Extensions()
        let calls = Counter()
        extensions.globals["calls"] = .callable(Callable(name: "calls") { _ in .int(calls.next()) })
        return extensions
    }()

    @Test func sameKeyRendersOnceAcrossRenders() throws {
        let env = Environment(loader: InMemoryLoader([
            "t.html": "{% for p in ps %}{% cache p %}[{{ p }}:{{ calls() }}]{% endcache %}{% endfor %}",
        ]), extensions: counting)
        let first = try env.render("t.html", context: ["ps": ["a", "b", "a"]])
        #expect(first == "[a:1][b:2][a:1]")
        let second = try env.render("t.html", context: ["ps": ["b", "c"]])
        #expect(second == "[b:2][c:3]", "a later page reuses what an earlier page rendered")
    }

    @Test func everyKeyCounts() throws {
        let out = try render(
            "{% for p in ps %}{% cache p.id, p.lazy %}({{ p.id }}{% if p.lazy %} lazy{% endif %}){% endcache %}{% endfor %}",
            ["ps": [["id": 1, "lazy": true], ["id": 1, "lazy": false], ["id": 1, "lazy": true]]])
        #expect(out == "(1 lazy)(1)(1 lazy)")
    }

    @Test func keysOfDifferentTypesOrSplitsDoNotMeet() throws {
        let out = try render(
            "{% cache 1 %}int{% endcache %}{% cache '1' %}?{% endcache %}"
                + "{% for a, b in [['x', 'y z'], ['x y', 'z']] %}{% cache a, b %}{{ a }}|{{ b }};{% endcache %}{% endfor %}")
        #expect(out == "int?x|y z;x y|z;", "two blocks, and the same text split differently, are different fragments")
    }

    @Test func numbersAndMarkupAreKeysOfTheirOwn() throws {
        let out = try render(
            "{% for n in [-12, 12, 0, 120, -12, 1.5, 0] %}{% cache n %}{{ loop.index }}{% endcache %}{% endfor %}"
                + "{% for s in ['<b>' | safe, '<b>', '<b>' | safe] %}{% cache s %}{{ loop.index }}{% endcache %}{% endfor %}")
        #expect(out == "1234163" + "121")
    }

    @Test func namesSetInsideStayInside() throws {
        let out = try render("{% cache 'k' %}{% set inner = 1 %}{{ inner }}{% endcache %}{{ inner is defined }}")
        #expect(out == "1False")
    }

    @Test func fragmentsAreEscapedWhereTheyStand() throws {
        let out = try render("<a title=\"{% cache v %}{{ v }}{% endcache %}\">{% cache v %}{{ v }}{% endcache %}</a>", ["v": "\"<x>\""])
        #expect(out == "<a title=\"&#34;&lt;x&gt;&#34;\">&#34;&lt;x&gt;&#34;</a>")
    }

    @Test func keyMustBeAScalarAndPresent() throws {
        let e = try #require(renderError("{% cache items %}x{% endcache %}", ["items": [1, 2]]))
        #expect(e.message.contains("'cache' key must be text, a number, a boolean or none"))
        let missing = try #require(renderError("{% cache %}x{% endcache %}"))
        #expect(missing.message.contains("'cache' needs a key"))
        let unclosed = try #require(renderError("{% cache 'k' %}x"))
        #expect(unclosed.message.contains("endcache"))
    }
}

/// Counts calls from any thread.
private final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
