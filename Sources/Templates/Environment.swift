import Synchronization

/// Loads, parses, caches and renders templates. Safe to use from many threads at once.
public final class Environment: Sendable {
    public let loader: any TemplateLoader
    let registry: Registry
    private let cache = Mutex<[String: Template]>([:])
    /// Warnings of renders made through `render`, until the host takes them.
    private let warningLog = Mutex<[RenderWarning]>([])
    /// `{% cache %}` fragments made by renders of this environment.
    let fragments = FragmentCache()

    /// An environment reading templates from `loader`, with the host's filters, tests and globals.
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
            throw TemplateErrors([TemplateError(name: "", line: 0, column: 0, message: "cannot list templates: \(error)", kind: .unreadable)])
        }
        var errors: [TemplateError] = []
        var parsed: [String: Template] = [:]
        var tried = Set<String>()
        // Parents first: a template extending another starts its blocks where the parent places them.
        func load(_ name: String, depth: Int) -> Template? {
            if let t = parsed[name] { return t }
            guard depth < Self.maxInheritance, tried.insert(name).inserted else { return nil }
            do {
                guard let text = try loader.source(for: name) else { return nil }
                let result = Template.parse(name: name, text: text, registry: registry) { parent in
                    load(parent, depth: depth + 1)?.slotsForChildren ?? [:]
                }
                switch result {
                case .success(let t):
                    parsed[name] = t
                    return t
                case .failure(let e):
                    errors += e.errors
                }
            } catch {
                errors.append(TemplateError(name: name, line: 0, column: 0, message: "cannot read template: \(error)", kind: .unreadable))
            }
            return nil
        }
        for name in names.sorted() { _ = load(name, depth: 0) }
        let known = Set(names)
        for name in parsed.keys.sorted() {
            guard let t = parsed[name] else { continue }
            for ref in t.references where !ref.optional && !known.contains(ref.name) {
                errors.append(t.error("template '\(ref.name)' not found" + suggestion(ref.name, among: names), at: ref.offset, kind: .templateNotFound))
            }
        }
        cache.withLock { cache in
            for (name, t) in parsed { cache[name] = t }
        }
        if !errors.isEmpty { throw TemplateErrors(errors) }
    }

    /// How long a chain of `extends` is followed when analysing blocks (a cycle stops there too).
    static let maxInheritance = 16

    /// The parsed template, parsed on first use and cached; throws its first syntax error.
    public func template(named name: String) throws(TemplateError) -> Template {
        try template(named: name, depth: 0)
    }

    func template(named name: String, depth: Int) throws(TemplateError) -> Template {
        if let t = cache.withLock({ $0[name] }) { return t }
        let text: String?
        do {
            text = try loader.source(for: name)
        } catch {
            throw TemplateError(name: name, line: 0, column: 0, message: "cannot read template: \(error)", kind: .unreadable)
        }
        guard let text else {
            let known = (try? loader.templateNames()) ?? []
            throw TemplateError(
                name: name, line: 0, column: 0, message: "template '\(name)' not found" + suggestion(name, among: known),
                kind: .templateNotFound)
        }
        let result = Template.parse(name: name, text: text, registry: registry) { parent in
            guard depth < Self.maxInheritance, let t = try? self.template(named: parent, depth: depth + 1) else { return [:] }
            return t.slotsForChildren
        }
        switch result {
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
            throw TemplateError(name: name, line: 0, column: 0, message: "cannot read template: \(error)", kind: .unreadable)
        }
        return exists ? try template(named: name) : nil
    }

    /// Renders template `name` with `context` as its page variables.
    public func render(_ name: String, context: [String: Value]) throws(TemplateError) -> String {
        var out = ""
        try render(name, context: context, into: &out)
        return out
    }

    /// Renders to UTF-8 bytes, for a caller that writes them out: no `String` is made on the way.
    public func renderUTF8(_ name: String, context: [String: Value]) throws(TemplateError) -> [UInt8] {
        try run(name, context: context).out.bytes
    }

    /// Renders and appends to `buffer`.
    public func render(_ name: String, context: [String: Value], into buffer: inout String) throws(TemplateError) {
        let renderer = try run(name, context: context)
        if buffer.isEmpty {
            buffer = renderer.out.string
        } else {
            buffer += renderer.out.string
        }
    }

    /// Renders and returns the page with the warnings of the render: values that were replaced
    /// because they were not safe where the template prints them.
    public func renderReporting(_ name: String, context: [String: Value]) throws(TemplateError) -> RenderedPage {
        let renderer = try run(name, context: context, keepingWarnings: false)
        return RenderedPage(text: renderer.out.string, warnings: renderer.warnings)
    }

    private func run(_ name: String, context: [String: Value], keepingWarnings: Bool = true) throws(TemplateError) -> Renderer {
        let t = try template(named: name)
        var renderer = Renderer(environment: self, template: t, context: context)
        defer { for macro in renderer.macros { macro.release() } }
        do {
            try renderer.renderTemplate(t)
        } catch let e as TemplateError {
            throw e
        } catch {
            throw TemplateError(name: name, line: 0, column: 0, message: "\(error)")
        }
        t.sizeHint.store(renderer.out.count, ordering: .relaxed)
        if keepingWarnings && !renderer.warnings.isEmpty {
            warningLog.withLock { $0 += renderer.warnings }
        }
        return renderer
    }

    /// The warnings of every render so far, each once and in a stable order, and forgets them:
    /// for a host that renders many pages in parallel and reports once afterwards.
    public func takeWarnings() -> [RenderWarning] {
        let all = warningLog.withLock { log in
            defer { log = [] }
            return log
        }
        return Set(all).sorted { ($0.template, $0.line, $0.column, $0.value) < ($1.template, $1.line, $1.column, $1.value) }
    }
}
