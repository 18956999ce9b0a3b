/// Which URLs data may put where a browser follows them: `http`, `https`, `mailto`, `tel`, and
/// URLs without a scheme (relative ones). Anything else (`javascript:`, `data:`, `vbscript:`,
/// schemes of installed apps) is replaced by `inert`.
public enum URLPolicy {
    /// What a refused URL becomes: a fragment link that goes nowhere and is easy to search for.
    public static let inert = "#invalid-url"

    /// Schemes data may use in a URL attribute; compared in lower case.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Whether a browser given `url` would load an allowed scheme or a relative URL.
    ///
    /// Normalises as the URL parser does first: leading C0 controls and spaces are dropped, tabs
    /// and newlines anywhere are ignored, and the scheme is compared in lower case. Text before
    /// the first `:` counts as a scheme unless a `/`, `?` or `#` comes first, so `:x` and
    /// `java script:x` are refused too: a relative URL never needs that shape.
    public static func allows(_ url: some StringProtocol) -> Bool {
        allows(utf8: url.utf8)
    }

    /// The same check on the URL's UTF-8 bytes.
    static func allows(utf8 url: some Sequence<UInt8>) -> Bool {
        // Every URL a page prints passes here, so the scheme is not collected in an array: its
        // first eight bytes, lower-cased, are packed into a word, which holds any allowed scheme.
        var scheme = PackedScheme()
        var started = false
        for byte in url {
            if !started {
                if byte <= 0x20 { continue }
                started = true
            }
            switch byte {
            case 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: ":"):
                return allowedPackedSchemes.contains(scheme)
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return true
            default:
                scheme.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        return true
    }

    /// `allowedSchemes` packed; all are ASCII and short enough, so bytes compare as the strings do.
    private static let allowedPackedSchemes: [PackedScheme] = allowedSchemes.map { name in
        var packed = PackedScheme()
        for byte in name.utf8 { packed.append(byte) }
        return packed
    }

    /// The length of a scheme and its first eight bytes.
    private struct PackedScheme: Equatable {
        var word: UInt64 = 0
        var length = 0

        mutating func append(_ byte: UInt8) {
            if length < 8 { word |= UInt64(byte) << (8 * UInt64(length)) }
            length += 1
        }

        static func == (a: Self, b: Self) -> Bool {
            // Longer than eight bytes, the bytes are not all here: such a scheme is never allowed.
            a.length == b.length && a.length <= 8 && a.word == b.word
        }
    }

    /// The same check for text that is already markup (a trusted value in an attribute): the
    /// browser decodes character references before it parses the URL, so `&#58;` is a colon.
    static func allowsMarkup(_ markup: String) -> Bool {
        guard markup.utf8.contains(UInt8(ascii: "&")) else { return allows(markup) }
        return allows(CharacterReferences.decodeSchemeRelevant(markup))
    }
}

/// Just enough of HTML's character references for the scheme check of trusted markup.
enum CharacterReferences {
    /// Decodes numeric references (`&#58;`, `&#x3a`, with or without `;`) and the named ones
    /// that spell URL syntax the check depends on. Others stay as written, which keeps a
    /// scheme containing them unrecognised, so the check refuses rather than allows.
    static func decodeSchemeRelevant(_ text: String) -> String {
        let named: [String: Unicode.Scalar] = ["colon": ":", "tab": "\t", "newline": "\n"]
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", i + 1 < scalars.count else {
                out.append(scalars[i])
                i += 1
                continue
            }
            var j = i + 1
            if scalars[j] == "#" {
                j += 1
                var radix = 10
                if j < scalars.count, scalars[j] == "x" || scalars[j] == "X" {
                    radix = 16
                    j += 1
                }
                var value: UInt32 = 0
                var digits = 0
                while j < scalars.count, let digit = Int(String(scalars[j]), radix: radix), digits < 8 {
                    value = value * UInt32(radix) + UInt32(digit)
                    digits += 1
                    j += 1
                }
                if digits > 0, let scalar = Unicode.Scalar(value) {
                    out.append(scalar)
                    if j < scalars.count, scalars[j] == ";" { j += 1 }
                    i = j
                    continue
                }
            } else {
                var name = ""
                while j < scalars.count, scalars[j].properties.isAlphabetic, name.count < 10 {
                    name.unicodeScalars.append(scalars[j])
                    j += 1
                }
                if j < scalars.count, scalars[j] == ";", let scalar = named[name.lowercased()] {
                    out.append(scalar)
                    i = j + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
