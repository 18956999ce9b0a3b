/// A calendar date with an optional time and UTC offset, exactly as the contributor wrote it.
///
/// Kept as fields rather than a `Date`, so output never depends on the machine's time zone
/// or locale, and impossible dates are errors rather than silently rolled over.
public struct ContentDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Minutes east of UTC; Western Indonesia Time (WIB, +07:00) when the file does not say.
    public let offsetMinutes: Int

    public static let defaultOffsetMinutes = 7 * 60

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                offsetMinutes: Int = ContentDate.defaultOffsetMinutes) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.offsetMinutes = offsetMinutes
    }

    public enum ParseFailure: Error { case malformed, impossible }

    /// Accepts `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS]` and `Z` or `±HH:MM`.
    public static func parse(_ text: String) -> Result<ContentDate, ParseFailure> {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for i in from..<(from + count) {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard b.count >= 10, let year = number(0, 4), b[4] == UInt8(ascii: "-"), let month = number(5, 2),
              b[7] == UInt8(ascii: "-"), let day = number(8, 2) else { return .failure(.malformed) }
        var hour = 0, minute = 0, second = 0, offset = defaultOffsetMinutes
        var i = 10
        if i < b.count {
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return .failure(.malformed) }
            i += 1
            guard let h = number(i, 2), i + 2 < b.count, b[i + 2] == UInt8(ascii: ":"), let m = number(i + 3, 2) else {
                return .failure(.malformed)
            }
            hour = h; minute = m; i += 5
            if i < b.count, b[i] == UInt8(ascii: ":") {
                guard let s = number(i + 1, 2) else { return .failure(.malformed) }
                second = s; i += 3
            }
            while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") && i + 1 == b.count {
                    offset = 0
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == b.count,
                          let oh = number(i + 1, 2), b[i + 3] == UInt8(ascii: ":"), let om = number(i + 4, 2),
                          oh < 24, om < 60 {
                    offset = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
                } else {
                    return .failure(.malformed)
                }
            }
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60, year >= 1 else {
            return .failure(.impossible)
        }
        return .success(ContentDate(year: year, month: month, day: day, hour: hour, minute: minute,
                                    second: second, offsetMinutes: offset))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z, for ordering across time zones.
    public var epochSeconds: Int {
        // Days from civil, after Howard Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        lhs.epochSeconds < rhs.epochSeconds
    }

    /// RFC 3339, as feeds and sitemaps want: `2025-12-13T00:00:00+07:00`.
    public var rfc3339: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))"
            + "\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
    }

    /// `2025-12-13`.
    public var isoDate: String { "\(pad(year, 4))-\(pad(month))-\(pad(day))" }
}

func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
