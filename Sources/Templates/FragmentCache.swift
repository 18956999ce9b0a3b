import Synchronization

/// Output of `{% cache %}` blocks, kept as long as the environment (a build): a fragment that
/// many pages show, such as a product's card, is rendered once and then copied.
///
/// The keys are the template's promise: everything the fragment shows that differs from page to
/// page must be in them. Two threads may render the same fragment at once; both make the same
/// bytes, so which one is kept does not matter.
final class FragmentCache: Sendable {
    private let fragments = Mutex<[String: [UInt8]]>([:])

    func fragment(_ key: String) -> [UInt8]? {
        fragments.withLock { $0[key] }
    }

    func store(_ key: String, _ bytes: [UInt8]) {
        fragments.withLock { $0[key] = bytes }
    }
}

extension Renderer {
    mutating func renderCached(_ keys: [Expression], _ body: [Node], at offset: Int) throws {
        // Template and position first: the same keys in two blocks are two fragments.
        var key = template.name + "\u{0}" + String(offset)
        for expression in keys {
            let value = try evaluate(expression)
            key += "\u{0}"
            // Typed and length-prefixed, so no two different keys make the same text.
            switch value {
            case .none: key += "n"
            case .bool(let b): key += b ? "t" : "f"
            case .int(let i): key += "i" + String(i)
            case .double(let d): key += "d" + String(d)
            case .string(let s): key += "s" + String(s.utf8.count) + ":" + s
            case .safe(let s): key += "h" + String(s.utf8.count) + ":" + s
            default:
                throw fail("a 'cache' key must be text, a number, a boolean or none, not \(value.typeName)", at: offset)
            }
        }
        if let bytes = environment.fragments.fragment(key) {
            out.append(bytes)
            return
        }
        let mark = out.count
        let warningCount = warnings.count
        // Names set inside stay inside: a fragment copied from the cache sets nothing either.
        scope.locals.append(Frame())
        defer { scope.locals.removeLast() }
        try render(body)
        // A fragment that replaced an unsafe value is made again on every page, so each page's
        // warning is reported.
        if warnings.count == warningCount {
            environment.fragments.store(key, Array(out.bytes[mark...]))
        }
    }
}
