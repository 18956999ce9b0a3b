import Templates

/// Reads the corpus's JSON contexts into values, keeping key order (a small reader: the
/// engine itself has no JSON input).
struct JSONReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let bytes: [UInt8]
    private var i = 0

    static func parse(_ text: String) throws -> Value {
        var reader = JSONReader(bytes: Array(text.utf8))
        let v = try reader.value()
        reader.skipSpace()
        guard reader.i == reader.bytes.count else { throw Failure(description: "trailing data at \(reader.i)") }
        return v
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    private mutating func literal(_ word: String, _ v: Value) throws -> Value {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
            throw Failure(description: "bad literal at \(i)")
        }
        i += w.count
        return v
    }

    private mutating func value() throws -> Value {
        skipSpace()
        guard i < bytes.count else { throw Failure(description: "unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(String, Value)] = []
            skipSpace()
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .dictionary(OrderedMapping(pairs))
            }
            while true {
                skipSpace()
                guard case .string(let key) = try value() else { throw Failure(description: "key must be a string") }
                skipSpace()
                guard bytes[i] == UInt8(ascii: ":") else { throw Failure(description: "expected ':' at \(i)") }
                i += 1
                pairs.append((key, try value()))
                skipSpace()
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard bytes[i] == UInt8(ascii: "}") else { throw Failure(description: "expected '}' at \(i)") }
                i += 1
                return .dictionary(OrderedMapping(pairs))
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [Value] = []
            skipSpace()
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                items.append(try value())
                skipSpace()
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard bytes[i] == UInt8(ascii: "]") else { throw Failure(description: "expected ']' at \(i)") }
                i += 1
                return .array(items)
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .none)
        default:
            let start = i
            var isDouble = false
            while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) {
                if "eE.".utf8.contains(bytes[i]) { isDouble = true }
                i += 1
            }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if !isDouble, let n = Int(text) { return .int(n) }
            guard let d = Double(text) else { throw Failure(description: "bad number '\(text)'") }
            return .double(d)
        }
    }

    private mutating func string() throws -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                continue
            }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if code >= 0xD800 && code < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\") {
                    i += 2
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw Failure(description: "bad escape") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: out.append(e)
            }
        }
        throw Failure(description: "unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw Failure(description: "bad \\u escape")
        }
        i += 4
        return v
    }
}
