import Foundation

/// "Today" as a date in Western Indonesia Time (WIB, UTC+7): the offset content dates default to,
/// so a file written today is never dated in the future wherever the computer's clock is set.
enum JakartaDate {
    static func today(_ now: Date) -> ContentDate {
        let seconds = now.timeIntervalSince1970 + Double(ContentDate.defaultOffsetMinutes * 60)
        let days = Int((seconds / 86_400).rounded(.down))
        // Civil date from days since 1970-01-01, after Howard Hinnant's algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return ContentDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
