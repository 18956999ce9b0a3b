import Foundation

/// URL-safe names: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return false }
        return slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
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
