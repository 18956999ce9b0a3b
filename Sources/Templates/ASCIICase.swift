// Case mapping for the common all-ASCII text, byte by byte; other text takes the Unicode path.

/// `transform` applied to every byte, or nil when the text is not pure ASCII.
@inline(__always)
private func mapASCII(_ s: String, _ transform: (Int, UInt8) -> UInt8) -> String? {
    var s = s
    return s.withUTF8 { bytes -> String? in
        for b in bytes where b >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            for i in 0..<bytes.count { out[i] = transform(i, bytes[i]) }
            return bytes.count
        }
    }
}

@inline(__always) private func upperByte(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 32 : b }
@inline(__always) private func lowerByte(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

func upper(_ s: String) -> String { mapASCII(s) { upperByte($1) } ?? s.uppercased() }
func lower(_ s: String) -> String { mapASCII(s) { lowerByte($1) } ?? s.lowercased() }

func capitalized(_ s: String) -> String {
    if let fast = mapASCII(s, { i, b in i == 0 ? upperByte(b) : lowerByte(b) }) { return fast }
    guard let first = s.unicodeScalars.first else { return s }
    var rest = String.UnicodeScalarView()
    rest.append(contentsOf: s.unicodeScalars.dropFirst())
    return String(first).uppercased() + String(rest).lowercased()
}
