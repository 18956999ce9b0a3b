/// The growing output of one render: UTF-8 bytes, turned into a String once at the end.
///
/// Appending bytes costs a fraction of appending to a String, which outweighs validating the
/// page once when it becomes a String.
struct OutputBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The length in bytes; marks positions for `take(from:)` and `discard(from:)`.
    var count: Int { bytes.count }

    @inline(__always)
    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    @inline(__always)
    mutating func append(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Removes and returns everything from `mark` on; used to capture `set` blocks and macro bodies.
    mutating func take(from mark: Int) -> String {
        let s = String(decoding: bytes[mark...], as: UTF8.self)
        bytes.removeSubrange(mark...)
        return s
    }

    /// Drops everything from `mark` on.
    mutating func discard(from mark: Int) {
        bytes.removeSubrange(mark...)
    }
}
