import VipsShim

/// SHA-256 of a file's content, for names that change when the content does and for cache keys.
public enum ContentDigest {
    public static func sha256(_ bytes: [UInt8]) -> String {
        var hex = [CChar](repeating: 0, count: 65)
        bytes.withUnsafeBufferPointer { lapak_sha256_hex($0.baseAddress, $0.count, &hex) }
        return String(decoding: hex.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func sha256(_ text: String) -> String { sha256(Array(text.utf8)) }
}
