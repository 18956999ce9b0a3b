/// Indonesian Rupiah as buyers read it: `Rp 85.000` (dots group thousands, no decimals).
public enum Rupiah {
    public static func format(_ amount: Int) -> String {
        "Rp " + grouped(amount)
    }

    /// `85000` → `85.000`.
    public static func grouped(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var out = amount < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }
}
