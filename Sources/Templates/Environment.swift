import Synchronization

/// Loads, parses, caches and renders templates. Safe to use from many threads at once.
public final class Environment: Sendable {
    let loader: any TemplateLoader
    let registry: Registry
    private let cache = Mutex<[String: Template]>([:])

    public init(loader: any TemplateLoader, extensions: Extensions = Extensions()) {
        self.loader = loader
        self.registry = Registry(extensions: extensions)
    }

    /// Parses every template the loader lists and checks the names they use, reporting every
    /// problem found: syntax errors, unknown filters and tests, missing templates.
    public func loadAll() throws(TemplateErrors) {
        let names: [String]
        do {
            names = try loader.templateNames()
        } catch {
            throw TemplateErrors([TemplateError(name: "", line: 0, column: 0, message: "cannot list templates: \(error)")])
        }
        var errors: [TemplateError] = []
        var parsed: [String: Template] = [:]
        for name in names.sorted() {
            do {
                guard let text = try loader.source(for: name) else { continue }
                switch Template.parse(name: name, text: text, registry: registry) {
                case .success(let t): parsed[name] = t
                case .failure(let e): errors += e.errors
                }
            } catch {
                errors.append(TemplateError(name: name, line: 0, column: 0, message: "cannot read template: \(error)"))
            }
        }
        let known = Set(names)
        for name in parsed.keys.sorted() {
            guard let t = parsed[name] else { continue }
            for ref in t.references where !ref.optional && !known.contains(ref.name) {
                errors.append(t.error("template '\(ref.name)' not found", at: ref.offset))
            }
        }
        cache.withLock { cache in
            for (name, t) in parsed { cache[name] = t }
        }
        if !errors.isEmpty { throw TemplateErrors(errors) }
    }

    /// The parsed template, parsed on first use and cached; throws its first syntax error.
    public func template(named name: String) throws(TemplateError) -> Template {
        if let t = cache.withLock({ $0[name] }) { return t }
        let text: String?
        do {
            text = try loader.source(for: name)
        } catch {
            throw TemplateError(name: name, line: 0, column: 0, message: "cannot read template: \(error)")
        }
        guard let text else {
            throw TemplateError(name: name, line: 0, column: 0, message: "template '\(name)' not found")
        }
        switch Template.parse(name: name, text: text, registry: registry) {
        case .success(let t):
            return cache.withLock { cache in
                if let existing = cache[name] { return existing }
                cache[name] = t
                return t
            }
        case .failure(let e):
            throw e.errors.first ?? TemplateError(name: name, line: 0, column: 0, message: "invalid template")
        }
    }

    /// Whether the loader has a template of that name (used by `include … ignore missing`).
    func templateIfPresent(named name: String) throws(TemplateError) -> Template? {
        if let t = cache.withLock({ $0[name] }) { return t }
        let exists: Bool
        do {
            exists = try loader.source(for: name) != nil
        } catch {
            throw TemplateError(name: name, line: 0, column: 0, message: "cannot read template: \(error)")
        }
        return exists ? try template(named: name) : nil
    }

    public func render(_ name: String, context: [String: Value]) throws(TemplateError) -> String {
        var out = ""
        try render(name, context: context, into: &out)
        return out
    }

    /// Renders and appends to `buffer`.
    public func render(_ name: String, context: [String: Value], into buffer: inout String) throws(TemplateError) {
        let t = try template(named: name)
        var renderer = Renderer(environment: self, template: t, context: context)
        do {
            try renderer.renderTemplate(t)
        } catch let e as TemplateError {
            throw e
        } catch {
            throw TemplateError(name: name, line: 0, column: 0, message: "\(error)")
        }
        t.sizeHint.store(renderer.out.count, ordering: .relaxed)
        if buffer.isEmpty {
            buffer = renderer.out.string
        } else {
            buffer += renderer.out.string
        }
    }
}
