import Foundation

/// URL-safe names: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    /// One pass over the bytes: every name and every photo path of a build is asked about, and
    /// Foundation's `contains("--")` cost more than all the rest of the question.
    public static func isValid(_ slug: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var text = slug
        return text.withUTF8 { bytes in
            guard let last = bytes.last, last != hyphen else { return false }
            // As if after a hyphen: a leading hyphen is refused as a doubled one is.
            var previous = hyphen
            for byte in bytes {
                if byte == hyphen {
                    if previous == hyphen { return false }
                } else if !((byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)) {
                    return false
                }
                previous = byte
            }
            return true
        }
    }

    /// Turns a title into a slug: accents folded (`é` → `e`), letters lowered, `&` spelled `dan`,
    /// apostrophes dropped (`Jum'at` → `jumat`), everything else a single hyphen.
    public static func make(from title: String) -> String {
        let folded = title
            .replacingOccurrences(of: "&", with: " dan ")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            case "A"..."Z":
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            case "'", "\u{2019}", "\u{2018}", "`":
                continue
            case "ß":
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out += "ss"
            default:
                pendingHyphen = true
            }
        }
        return out
    }
}
