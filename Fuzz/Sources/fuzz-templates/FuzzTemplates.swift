import LibFuzzer
import Templates

#if canImport(Glibc)
import Glibc
#endif

/// Data holding markup, quotes, URLs of every kind and nested values: what a fuzzed template prints.
let context: [String: Value] = [
    "v": "<x-canary a=\"1\" b='2'>&amp;</x-canary>",
    "u": " JaVaScRiPt:canary()",
    "ok": "https://lapak.example/produk/?a=1&b=2",
    "n": 3,
    "f": 2.5,
    "none": nil,
    "flag": true,
    "xs": ["<x-canary>", "\" onx-canary=\"1", "javascript:canary", 7, ["nested", ["deeper"]]],
    "d": ["k": "<x-canary>", "url": "data:text/html,canary", "list": [1, 2, 3], "inner": ["a": "b"]],
    "m": .safe("<p>trusted <em>markup</em></p>"),
]

let partials: [String: String] = [
    "part.html": "<b>{{ v }}</b><a href=\"{{ u }}\">{{ d.k }}</a>",
    "base.html": "<title>{% block title %}{% endblock %}</title><a href=\"{% block link %}/{% endblock %}\">{% block body %}{% endblock %}</a>",
    "macros.html": "{% macro link(x) %}<a href=\"{{ x }}\">{{ x }}</a>{% endmacro %}",
]

let extensions: Extensions = {
    var e = Extensions()
    e.filter("url") { value, _ in .string("/" + (value.stringValue ?? "")) }
    e.filter("rupiah") { value, _ in .string("Rp \(value.stringValue ?? "")") }
    return e
}()

/// Parses the input as an HTML template and as a plain one, renders both, and checks the one
/// property no input may break: data printed by a template that never says `safe` is escaped.
func fuzzTemplates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for name in ["t.html", "t.txt"] {
        let environment = Environment(loader: InMemoryLoader(partials.merging([name: text]) { _, new in new }),
                                      extensions: extensions)
        guard let page = try? environment.renderReporting(name, context: context) else { continue }
        if name == "t.html" && !text.contains("safe") && !text.contains("canary") && page.text.contains("<x-canary") {
            print("data printed unescaped:\n\(text)\n---\n\(page.text)")
            abort()
        }
    }
    return 0
}

@main
enum FuzzTemplates {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTemplates(data, size) })
    }
}
