import Templates
import Testing

/// What `make fuzz` found in the engine, kept so it stays fixed.
@Suite struct FuzzFindingsTests {
    final class Probe: TemplateObject, @unchecked Sendable {
        var fieldNames: [String] { ["x"] }
        func field(_ name: String) -> Value? { name == "x" ? "ok" : nil }
    }

    /// LeakSanitizer, on the seed `{% macro m() %}…{% endmacro %}{{ m() }}`: a macro holds the
    /// scope it was defined in, and that scope's namespace holds the macro, so every render of a
    /// template with a macro kept its whole page context alive.
    @Test(arguments: [
        "{% macro m() %}{{ o.x }}{% endmacro %}{{ m() }}",
        "{% for i in [1, 2] %}{% macro m() %}{{ o.x }}{{ i }}{% endmacro %}{{ m() }}{% endfor %}",
        "{% from 'macros.html' import link with context %}{{ link(o.x) }}",
    ])
    func aRenderKeepsNothingAliveAfterIt(source: String) throws {
        weak var watched: Probe?
        do {
            let probe = Probe()
            watched = probe
            let env = Environment(loader: InMemoryLoader([
                "t.html": source, "macros.html": "{% macro link(x) %}<a href=\"/{{ x }}\">{{ o.x }}</a>{% endmacro %}",
            ]))
            _ = try env.render("t.html", context: ["o": .object(probe)])
            _ = try env.renderReporting("t.html", context: ["o": .object(probe)])
        }
        #expect(watched == nil, "the page context outlived its render")
    }
}
