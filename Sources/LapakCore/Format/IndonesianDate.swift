/// Dates as people read them, without the machine's locale or time zone.
public enum DateText {
    static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                           "September", "Oktober", "November", "Desember"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December"]

    /// `13 Desember 2025` (or `13 December 2025` for `en`).
    public static func long(_ date: ContentDate, language: String = "id") -> String {
        let months = language == "en" ? monthsEN : monthsID
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
