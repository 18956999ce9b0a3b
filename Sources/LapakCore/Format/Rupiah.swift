/// Indonesian Rupiah as buyers read it, without decimals: `Rp 85.000` on Indonesian pages, where
/// dots group thousands, and `Rp 85,000` on English ones, where a dot marks decimals and
/// `Rp 85.000` would read as eighty-five rupiah.
public enum Rupiah {
    public static func format(_ amount: Int, language: String = "id") -> String {
        "Rp " + grouped(amount, language: language)
    }

    /// `85000` → `85.000` (`85,000` in English).
    public static func grouped(_ amount: Int, language: String = "id") -> String {
        let separator: Character = language == "en" ? "," : "."
        let digits = String(amount.magnitude)
        var out = amount < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(separator) }
            out.append(digit)
        }
        return out
    }
}
