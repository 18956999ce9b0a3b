import Templates

/// Renders `main` (default name `t.html`) from in-memory templates.
func render(
    _ source: String, _ context: [String: Value] = [:], name: String = "t.html", others: [String: String] = [:],
    extensions: Extensions = Extensions()
) throws -> String {
    var all = others
    all[name] = source
    let env = Environment(loader: InMemoryLoader(all), extensions: extensions)
    return try env.render(name, context: context)
}

/// The error a render throws, or nil when it succeeds.
func renderError(
    _ source: String, _ context: [String: Value] = [:], name: String = "t.html", others: [String: String] = [:],
    extensions: Extensions = Extensions()
) -> TemplateError? {
    do {
        _ = try render(source, context, name: name, others: others, extensions: extensions)
        return nil
    } catch {
        return error as? TemplateError
    }
}
