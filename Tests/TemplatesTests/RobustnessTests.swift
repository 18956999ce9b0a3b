import Templates
import Testing

/// Malformed input of any kind must produce an error, never a crash or a hang.
@Suite struct RobustnessTests {
    static let valid: [String] = [
        "{% extends 'base.html' %}{% block body %}{% for p in ps if p.n > 1 %}{{ loop.index }}{{ p.n | default(0) + 1 }}{% else %}-{% endfor %}{{ super() }}{% endblock %}",
        "{% macro m(a, b='x') %}{{ a ~ b }}{% endmacro %}{% set s %}{{ m(1, b=[1, {'k': (1, 2)}][1].k[0]) }}{% endset %}{{ s | upper }}",
        "{%- if a is defined and not b -%} {{ 'x' if c else 'y' }} {%- elif d in [1,2] %}{# c #}{% raw %}{{{% endraw %}{% endif %}",
        "{% from 'm.html' import f as g %}{% import 'm.html' as m %}{% include ['a.html', 'b.html'] ignore missing %}{{ g() ~ m.f() }}",
        "{% with a = 1 %}{{ xs[1:-1:2] | map(attribute='n') | join(', ') }}{% endwith %}{% filter upper %}x{% endfilter %}",
    ]

    static let others = [
        "base.html": "{% block body %}b{% endblock %}", "m.html": "{% macro f() %}f{% endmacro %}", "a.html": "a",
    ]

    static let context: [String: Value] = ["ps": [["n": 1], ["n": 2]], "a": 1, "b": false, "c": true, "d": 2, "xs": [["n": 1], ["n": 2], ["n": 3]]]

    @Test func validTemplatesRender() throws {
        for source in Self.valid {
            _ = try render(source, Self.context, others: Self.others)
        }
    }

    @Test func everyPrefixFailsCleanlyOrRenders() {
        for source in Self.valid {
            let bytes = Array(source.utf8)
            for end in 0..<bytes.count {
                let prefix = String(decoding: bytes[0..<end], as: UTF8.self)
                _ = renderError(prefix, Self.context, others: Self.others)
            }
        }
    }

    @Test func randomMutationsFailCleanly() {
        var rng = SplitMix(seed: 0x5EED)
        let alphabet = Array("{}%#-+()[]'\",.|:=~<>!*/ abxyz0123456789\n\u{0}é".utf8)
        for _ in 0..<1500 {
            var bytes = Array(Self.valid[Int(rng.next() % UInt64(Self.valid.count))].utf8)
            for _ in 0..<(1 + rng.next() % 4) {
                let i = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: i)
                default: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: i)
                }
                if bytes.isEmpty { break }
            }
            _ = renderError(String(decoding: bytes, as: UTF8.self), Self.context, others: Self.others)
        }
    }

    @Test func randomBytesFailCleanly() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<300 {
            let bytes = (0..<(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            _ = renderError("{{" + String(decoding: bytes, as: UTF8.self) + "}}")
            _ = renderError("{%" + String(decoding: bytes, as: UTF8.self) + "%}")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let parens = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(renderError("{{ \(parens) }}")?.message.contains("nested too deeply") == true)
        let lists = String(repeating: "[", count: 5000)
        #expect(renderError("{{ \(lists) }}") != nil)
        let nots = String(repeating: "not ", count: 5000)
        #expect(renderError("{{ \(nots) 1 }}")?.message.contains("nested too deeply") == true)
        let negs = String(repeating: "-", count: 5000)
        #expect(renderError("{{ \(negs)1 }}")?.message.contains("nested too deeply") == true)
        let attrs = "{{ x" + String(repeating: ".a", count: 5000) + " }}"
        #expect(renderError(attrs)?.message.contains("nested too deeply") == true)
        let ifs = String(repeating: "{% if true %}", count: 1000) + String(repeating: "{% endif %}", count: 1000)
        #expect(renderError(ifs)?.message.contains("nested too deeply") == true)
        let filters = "{{ x" + String(repeating: " | upper", count: 5000) + " }}"
        #expect(renderError(filters, ["x": "a"])?.message.contains("nested too deeply") == true)
        let moderate = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
        #expect(try render("{{ \(moderate) }}") == "1")
    }

    @Test func mutualIncludeRecursionIsCapped() throws {
        let e = try #require(renderError("{% include 'b.html' %}", others: ["b.html": "{% include 't.html' %}"]))
        #expect(e.message.contains("too many nested"))
        #expect(e.chain.count > 10)
    }

    @Test func selfExtendingTemplateIsCapped() throws {
        let e = try #require(renderError("{% extends 't.html' %}"))
        #expect(e.message.contains("too many nested"))
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
