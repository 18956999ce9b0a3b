/// An Indonesian mobile number in the international form wa.me links need (`62812…`).
public struct WhatsAppNumber: Sendable, Hashable {
    /// Digits only, starting with `62`.
    public let international: String

    /// Normalises `0812-3456-7890`, `+62 812 3456 7890`, `62812…` and `812…`; nil if it is not
    /// an Indonesian mobile number (those start with 8 after the country code, 9 to 13 digits).
    public init?(_ text: String) {
        var digits = ""
        for (index, character) in text.enumerated() {
            if character.isASCII, let digit = character.wholeNumberValue {
                digits.append(String(digit))
            } else if character == "+" && index == 0 {
                continue
            } else if !" -.()".contains(character) {
                return nil
            }
        }
        var national: Substring
        if digits.hasPrefix("62") {
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst(1)
        } else {
            national = Substring(digits)
        }
        while national.hasPrefix("0") { national = national.dropFirst() }
        guard national.hasPrefix("8"), (9...12).contains(national.count) else { return nil }
        international = "62" + national
    }

    /// `+62 812-3456-7890`, for people to read.
    public var display: String {
        let national = Array(international.dropFirst(2))
        var groups: [String] = [String(national.prefix(3))]
        var rest = national.dropFirst(3)
        while !rest.isEmpty {
            let size = rest.count == 5 ? 5 : min(4, rest.count)
            groups.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return "+62 " + groups.joined(separator: "-")
    }
}
