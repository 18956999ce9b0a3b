/// A variable name with a fingerprint of its bytes, taken once: where a template reads a name,
/// when the template is parsed. Looking a name up compares fingerprints, whole numbers, and
/// compares text only where they match; comparing every name's text was a third of a lookup.
struct Name: Sendable, Equatable {
    let text: String
    let fingerprint: UInt64

    init(_ text: String) {
        self.text = text
        fingerprint = Self.fingerprint(of: text)
    }

    /// FNV-1a over the UTF-8 bytes: names are short, and two names sharing a fingerprint are
    /// still told apart by their text.
    static func fingerprint(of text: String) -> UInt64 {
        func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return hash
        }
        if let hashed = text.utf8.withContiguousStorageIfAvailable(hash) { return hashed }
        var copy = text
        return copy.withUTF8(hash)
    }

    static func == (lhs: Name, rhs: Name) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.text == rhs.text
    }
}
