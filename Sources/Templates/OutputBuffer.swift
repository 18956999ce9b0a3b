/// The growing output of one render: UTF-8 bytes, turned into a String once at the end.
struct OutputBuffer {
    var bytes_: [UInt8] = []

    init(capacity: Int = 0) {
        bytes_.reserveCapacity(capacity)
    }

    var count: Int { bytes_.count }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes_.append(contentsOf: $0) }
    }

    mutating func appendStatic(_ s: StaticString) {
        s.withUTF8Buffer { bytes_.append(contentsOf: $0) }
    }

    mutating func append(bytes: [UInt8]) {
        bytes_.append(contentsOf: bytes)
    }

    var string: String { String(decoding: bytes_, as: UTF8.self) }

    /// Removes and returns everything from `mark` on; used to capture `set` blocks and macro bodies.
    mutating func take(from mark: Int) -> String {
        let s = String(decoding: bytes_[mark...], as: UTF8.self)
        bytes_.removeSubrange(mark...)
        return s
    }
}
