import Templates
import Testing

@Suite struct ExtensionTests {
    static var extensions: Extensions {
        var ext = Extensions()
        ext.filter("rupiah") { v, args in
            guard case .int(let n) = v else { throw FilterError("rupiah needs an integer") }
            let symbol = try args.string(at: 0, named: "symbol", default: "Rp")
            return .string("\(symbol) \(n)")
        }
        ext.test("cheap") { v, args in
            guard case .int(let n) = v else { return false }
            return n < (try args.int(at: 0, named: "limit", default: 10))
        }
        ext.function("url") { args in
            .string("/" + (try args.string(at: 0) ?? ""))
        }
        ext.globals["site"] = ["title": "Lapak"]
        return ext
    }

    @Test func hostFilterWithPositionalAndKeywordArguments() throws {
        #expect(try render("{{ 5 | rupiah }} {{ 5 | rupiah('IDR') }} {{ 5 | rupiah(symbol='$') }}", extensions: Self.extensions) == "Rp 5 IDR 5 $ 5")
    }

    @Test func hostTestsAndFunctions() throws {
        #expect(try render("{{ 5 is cheap }} {{ 50 is cheap }} {{ 50 is cheap(100) }} {{ 5 is not cheap }}", extensions: Self.extensions) == "True False True False")
        #expect(try render("<a href=\"{{ url('kopi') }}\">", extensions: Self.extensions) == "<a href=\"/kopi\">")
    }

    @Test func globalsComeAfterTheContext() throws {
        #expect(try render("{{ site.title }}", extensions: Self.extensions) == "Lapak")
        #expect(try render("{{ site.title }}", ["site": ["title": "Page"]], extensions: Self.extensions) == "Page")
    }

    @Test func hostFilterOverridesBuiltin() throws {
        var ext = Extensions()
        ext.filter("upper") { _, _ in "custom" }
        #expect(try render("{{ 'a' | upper }}", extensions: ext) == "custom")
    }

    @Test func hostFiltersWorkInMapAndSelect() throws {
        #expect(try render("{{ [1, 20, 3] | select('cheap') | map('rupiah') | join(', ') }}", extensions: Self.extensions) == "Rp 1, Rp 3")
    }

    @Test func argumentsHelpers() throws {
        let args = Arguments(positional: ["a", 3, true], keyword: ["n": 7, "s": "x"])
        #expect(try args.string(at: 0) == "a")
        #expect(try args.int(at: 1) == 3)
        #expect(try args.int(named: "n", default: 0) == 7)
        #expect(try args.int(named: "missing", default: 9) == 9)
        #expect(try args.string(named: "s", default: "") == "x")
        #expect(args.bool(at: 2, default: false))
        #expect(throws: FilterError.self) { try args.int(at: 0) }
    }

    @Test func valueLiteralsAndMapping() throws {
        let v: Value = ["a": [1, 2.5, "x", true, nil]]
        guard case .dictionary(let m) = v else {
            Issue.record("not a mapping")
            return
        }
        #expect(m.keys == ["a"])
        var m2 = OrderedMapping([("z", 1), ("a", 2)])
        m2["z"] = 3
        m2["b"] = 4
        #expect(m2.keys == ["z", "a", "b"])
        #expect(m2["z"].map { $0.isEqualForTests(3) } == true)
        m2["a"] = nil
        #expect(m2.keys == ["z", "b"])
    }

    @Test func largeMappingsKeepOrderAndLookups() throws {
        var m = OrderedMapping()
        for i in 0..<100 { m["k\(i)"] = .int(i) }
        #expect(m.count == 100)
        #expect(m["k57"].map { $0.isEqualForTests(57) } == true)
        m["k3"] = nil
        #expect(m["k4"].map { $0.isEqualForTests(4) } == true)
        #expect(m.keys.first == "k0" && m.count == 99)
    }

    @Test func renderAppendsIntoBuffer() throws {
        let env = Environment(loader: InMemoryLoader(["a.html": "{{ x }}"]))
        var buffer = "start:"
        try env.render("a.html", context: ["x": 1], into: &buffer)
        try env.render("a.html", context: ["x": 2], into: &buffer)
        #expect(buffer == "start:12")
        #expect(try env.template(named: "a.html").name == "a.html")
    }
}

extension Value {
    func isEqualForTests(_ other: Value) -> Bool {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        default: return false
        }
    }
}
