/// Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, and
/// U+FFFE/U+FFFF). One of them in a title makes `katalog.xml` or `atom.xml` ill-formed, and Google
/// then drops the whole feed; they arrive pasted from other apps, never typed on purpose.
enum ControlCharacters {
    struct Found: Equatable {
        let scalar: Unicode.Scalar
        let line: Int
        let column: Int

        /// `U+0007`, as a contributor can look it up.
        var code: String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// The first forbidden character, with its line and column (counted in characters, from 1).
    static func first(in text: String) -> Found? {
        // Nearly every file has none: one pass over the bytes before counting lines.
        guard mayHoldOne(text) else { return nil }
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) { return Found(scalar: scalar, line: line, column: column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// False when no byte can start a forbidden character: no C0 control but tab and line ends,
    /// and no 0xEF (the lead byte of U+FFFE and U+FFFF). This runs on every content file, so the
    /// bytes are taken eight at a time; only a word holding a byte below 0x20 (a line end, most
    /// often) or 0xEF is looked at byte by byte.
    private static func mayHoldOne(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let words = UnsafeRawBufferPointer(bytes)
            var start = 0
            while start + 8 <= bytes.count {
                if mayHoldSuspect(words.loadUnaligned(fromByteOffset: start, as: UInt64.self)),
                   bytes[start..<start + 8].contains(where: isSuspect) { return true }
                start += 8
            }
            return bytes[start...].contains(where: isSuspect)
        }
    }

    private static func isSuspect(_ byte: UInt8) -> Bool {
        byte == 0xEF || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
    }

    /// Whether a byte of the word is below 0x20 or is 0xEF, by the classic tests for a byte less
    /// than n (`(w - n·0x01…01) & ~w & 0x80…80`) and for a zero byte (n = 1) in `w ^ 0xEF…EF`.
    private static func mayHoldSuspect(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- ones &* 0x20) & ~word & highs
        let flipped = word ^ (ones &* 0xEF)
        let isEF = (flipped &- ones) & ~flipped & highs
        return below20 | isEF != 0
    }
}

/// Curly quotes around a whole value: `title: “Tas Anyaman Pandan”`, as phones and word
/// processors write "…". YAML takes them as part of the text; Lapak takes them off.
enum TypographicQuotes {
    static let pairs: [(Character, Character)] = [("“", "”"), ("„", "“"), ("„", "”"), ("‘", "’"), ("«", "»"), ("‹", "›"), ("”", "”")]

    /// The text inside, when `value` is wholly wrapped in one pair and holds no other of its closing mark.
    static func unwrapped(_ value: String) -> String? {
        // Every opening mark is outside ASCII: most values are answered by their first byte.
        guard let lead = value.utf8.first, lead >= 0x80, value.count >= 2, let first = value.first, let last = value.last else { return nil }
        for (open, close) in pairs where first == open && last == close {
            let inner = value.dropFirst().dropLast()
            if inner.contains(close) { return nil }
            let trimmed = String(inner).trimmed
            return trimmed.isEmpty ? nil : trimmed
        }
        return nil
    }
}

/// Where a file stops being UTF-8: the line and column of its first byte that is not, so a
/// member pasting from a word processor is pointed at the place to retype.
enum InvalidUTF8 {
    static func firstPosition(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error:
                let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
            }
        }
    }
}
