import Foundation
import OpenAPIRuntime
import SilkbridgeCore

/// Date-times as the API reads them: RFC 3339 with an offset that some clock on Earth shows (−12:00 to +14:00).
/// The generated layer's own reader takes any two digits (`+99:00`), and such a time would be stored as a moment
/// nobody meant.
struct APIDateTranscoder: DateTranscoder {
    private let standard: any DateTranscoder = .iso8601

    func encode(_ date: Date) throws -> String {
        try standard.encode(date)
    }

    func decode(_ text: String) throws -> Date {
        guard let date = Self.parse(text) else { throw DateTimeError(text: text) }
        return date
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, on a day the calendar has (no 30 February), at a time the clock
    /// shows (no 24:00 or leap second), with an offset from −12:00 to +14:00.
    static func parse(_ text: String) -> Date? {
        // ASCII digits only: `\d` would also match other scripts' digits, which `Int` does not read.
        let pattern =
            /^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))$/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let (year, month, day) = (Int(match.1)!, Int(match.2)!, Int(match.3)!)
        let (hour, minute, second) = (Int(match.4)!, Int(match.5)!, Int(match.6)!)
        var offset = 0
        if match.8 == nil, let sign = match.9, let hours = match.10, let minutes = match.11 {
            guard Int(minutes)! < 60 else { return nil }
            offset = (sign == "-" ? -1 : 1) * (Int(hours)! * 60 + Int(minutes)!)
        }
        guard (-12 * 60...14 * 60).contains(offset), hour < 24, minute < 60, second < 60,
            let zone = TimeZone(secondsFromGMT: offset * 60)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let written = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: written) else { return nil }
        // The calendar moves 30 February to March; a day it moved is not a day that exists.
        let read = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard read == written else { return nil }
        return date + (match.7.map { Double("0" + $0)! } ?? 0)
    }
}

struct DateTimeError: DomainError {
    let text: String
    var kind: FailureKind { .invalid }
    var message: Message {
        Message(
            "“\(text)” is not a date-time this API takes: write it as RFC 3339, like 2027-03-01T09:00:00+01:00, with an offset from -12:00 to +14:00 or Z.",
            "“\(text)”不是本接口接受的日期时间：请按 RFC 3339 书写，例如 2027-03-01T09:00:00+08:00，时区偏移须在 -12:00 至 +14:00 之间或为 Z。"
        )
    }
}
