import Synchronization

/// Output of `{% cache %}` blocks, kept as long as the environment (a build): a fragment that
/// many pages show, such as a product's card, is rendered once and then copied.
///
/// The keys are the template's promise: everything the fragment shows that differs from page to
/// page must be in them. Two threads may render the same fragment at once; both make the same
/// bytes, so which one is kept does not matter.
final class FragmentCache: Sendable {
    private let fragments = Mutex<[FragmentKey: [UInt8]]>([:])

    func fragment(_ key: FragmentKey) -> [UInt8]? {
        fragments.withLock { $0[key] }
    }

    func store(_ key: FragmentKey, _ bytes: [UInt8]) {
        fragments.withLock { $0[key] = bytes }
    }
}

/// Which fragment: the template, the position and the key values, as bytes. Built for every
/// cached fragment a page shows, so it is written into one buffer rather than joined as strings,
/// and hashed as one run of bytes.
struct FragmentKey: Hashable, Sendable {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// `number` in decimal, as `String(number)` writes it.
    mutating func append(decimal number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var low = bytes.count
        var rest = number.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        // Written lowest digit first; swapped in place (reversing a slice would copy the array).
        var high = bytes.count - 1
        while low < high {
            bytes.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

extension Renderer {
    mutating func renderCached(_ keys: [Expression], _ body: [Node], at offset: Int) throws {
        // Template and position first: the same keys in two blocks are two fragments.
        var key = FragmentKey(capacity: 128)
        key.append(template.name)
        key.append(0)
        key.append(decimal: offset)
        for expression in keys {
            let value = try evaluate(expression)
            key.append(0)
            // Typed and length-prefixed, so no two different keys make the same bytes.
            switch value {
            case .none: key.append(UInt8(ascii: "n"))
            case .bool(let b): key.append(b ? UInt8(ascii: "t") : UInt8(ascii: "f"))
            case .int(let i):
                key.append(UInt8(ascii: "i"))
                key.append(decimal: i)
            case .double(let d):
                key.append(UInt8(ascii: "d"))
                key.append(String(d))
            case .string(let s), .safe(let s):
                key.append(value.isSafe ? UInt8(ascii: "h") : UInt8(ascii: "s"))
                key.append(decimal: s.utf8.count)
                key.append(UInt8(ascii: ":"))
                key.append(s)
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
