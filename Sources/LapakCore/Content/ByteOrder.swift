#if canImport(Glibc)
import Glibc
#endif

/// Byte-level questions about strings, asked of tens of thousands of names and texts per build;
/// answered over the contiguous UTF-8 buffer, not through the generic collection interface.
extension String {
    /// Whether every byte is ASCII.
    var isASCII: Bool {
        var text = self
        return text.withUTF8 { bytes in
            var combined: UInt8 = 0
            for byte in bytes { combined |= byte }
            return combined < 0x80
        }
    }

    /// Whether the UTF-8 encoding holds `byte`: one `memchr` over the buffer, where the generic
    /// `utf8.contains` took about thirty instructions a byte (a whole file, for one CR).
    func utf8Contains(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            bytes.isEmpty ? false : memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil
        }
    }

    /// Byte order of the UTF-8 encodings (the order of names in listings: never locale-dependent).
    func utf8Precedes(_ other: String) -> Bool {
        var left = self, right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }
}
