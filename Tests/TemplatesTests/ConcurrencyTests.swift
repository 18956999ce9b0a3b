import Templates
import Testing

@Suite struct ConcurrencyTests {
    @Test func rendersFromManyTasksAtOnce() async throws {
        let env = Environment(
            loader: InMemoryLoader([
                "page.html": "{% extends 'base.html' %}{% block b %}{% for i in xs %}{% include 'item.html' %}{% endfor %}{% endblock %}",
                "base.html": "({% block b %}{% endblock %})",
                "item.html": "{{ i }}{{ n }},",
            ]))
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for n in 0..<32 {
                group.addTask {
                    let out = try env.render("page.html", context: ["xs": [1, 2, 3], "n": .int(n)])
                    return out == "(1\(n),2\(n),3\(n),)"
                }
            }
            var all: [Bool] = []
            for try await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 32 && results.allSatisfy { $0 })
    }
}
