#if canImport(Glibc)
import Glibc
#endif
import Mustache
import Stencil
import Templates

/// Renders the product listing page with Lapak's engine, Stencil and swift-mustache in
/// alternating rounds on one thread, then measures Lapak's parse throughput.

func measure(_ iterations: Int, _ body: () throws -> Int) rethrows -> (seconds: Double, bytes: Int) {
    let clock = ContinuousClock()
    var bytes = 0
    let start = clock.now
    for _ in 0..<iterations { bytes &+= try body() }
    let d = clock.now - start
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return (seconds, bytes / iterations)
}

let lapak = Environment(loader: InMemoryLoader(jinjaTemplates))
try lapak.loadAll()

let stencil = Stencil.Environment(loader: DictionaryLoader(templates: stencilTemplates))
let stencilTemplate = try stencil.loadTemplate(name: "listing.html")

var mustacheLibrary = MustacheLibrary()
for (name, text) in mustacheTemplates { try mustacheLibrary.register(text, named: name) }

let lapakOut = try lapak.render("listing.html", context: Contexts.lapak)
let stencilOut = try stencilTemplate.render(Contexts.any)
let mustacheOut = mustacheLibrary.render(Contexts.any, withTemplate: "listing") ?? ""
print("page sizes: lapak \(lapakOut.utf8.count) B, stencil \(stencilOut.utf8.count) B, mustache \(mustacheOut.utf8.count) B")

let arguments = CommandLine.arguments
if arguments.contains("--profile") {
    // Only Lapak's renders, for valgrind --tool=callgrind.
    var total = 0
    for _ in 0..<300 { total &+= try lapak.render("listing.html", context: Contexts.lapak).utf8.count }
    print(total)
    exit(0)
}
let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
var best: [String: Double] = [:]
func record(_ name: String, _ r: (seconds: Double, bytes: Int), _ n: Int) {
    let perRender = r.seconds / Double(n)
    best[name] = min(best[name] ?? .infinity, perRender)
}

for _ in 0..<rounds {
    let n = 2000
    record("lapak", try measure(n) { try lapak.render("listing.html", context: Contexts.lapak).utf8.count }, n)
    record("stencil", try measure(n / 20) { try stencilTemplate.render(Contexts.any).utf8.count }, n / 20)
    record("mustache", measure(n / 5) { (mustacheLibrary.render(Contexts.any, withTemplate: "listing") ?? "").utf8.count }, n / 5)
}

func line(_ name: String) -> String {
    let t = best[name] ?? .nan
    let perSecond = Int(1 / t)
    let micro = (t * 1e6 * 10).rounded() / 10
    return "\(name.padding(8)) \(String(perSecond).leftPad(8)) renders/s  \(String(micro).leftPad(8)) µs/render"
}
print("best of \(rounds) alternating rounds, one thread:")
for name in ["lapak", "stencil", "mustache"] { print("  " + line(name)) }
if let l = best["lapak"], let s = best["stencil"], let m = best["mustache"] {
    print("  lapak is \(Int((s / l).rounded()))× Stencil, \(((m / l) * 10).rounded() / 10)× swift-mustache")
}

// Parse throughput: a large template made of the page's sources, parsed by a fresh environment each time.
let loopSource = """
    {% for category in categories %}<section><h2>{{ category.name | upper }}</h2>
    {% for product in category.products %}{% include "card.html" %}{% endfor %}</section>{% endfor %}

    """
let bigSource = String(repeating: (jinjaTemplates["card.html"] ?? "") + staticHead + loopSource + staticFoot, count: 400)
let sourceBytes = bigSource.utf8.count
if arguments.contains("--profile-parse") {
    // Only Lapak's parsing, for perf or callgrind.
    var total = 0
    for _ in 0..<300 {
        let env = Environment(loader: InMemoryLoader(["big.html": bigSource]))
        total &+= try env.template(named: "big.html").name.count
    }
    print(total)
    exit(0)
}
var parseBest = Double.infinity
for _ in 0..<rounds {
    let r = try measure(10) {
        let env = Environment(loader: InMemoryLoader(["big.html": bigSource]))
        return try env.template(named: "big.html").name.count
    }
    parseBest = min(parseBest, r.seconds / 10)
}
print("parse: \(sourceBytes / 1024) KiB in \((parseBest * 1e6).rounded()) µs = \(((Double(sourceBytes) / parseBest / 1e6) * 10).rounded() / 10) MB/s")

extension String {
    func padding(_ n: Int) -> String { self + String(repeating: " ", count: max(0, n - count)) }
    func leftPad(_ n: Int) -> String { String(repeating: " ", count: max(0, n - count)) + self }
}
