import Foundation

/// A VTIMEZONE for an IANA zone over a span of time: the offset in force at its start, and every change of
/// offset within it, each as its own observance with the local time it happens at (RFC 5545, 3.6.5).
struct ICalendarTimeZone {
    let timeZone: TimeZone

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    func component(covering span: ClosedRange<Date>) -> [String] {
        // A week either side, so an entry moved a little or a reader's rounding never falls outside.
        let from = span.lowerBound.addingTimeInterval(-7 * 86_400)
        let until = span.upperBound.addingTimeInterval(7 * 86_400)
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(timeZone.identifier)"]
        let initial = timeZone.secondsFromGMT(for: from)
        lines += observance(
            daylight: timeZone.isDaylightSavingTime(for: from), onset: "19700101T000000", from: initial,
            to: initial, name: timeZone.abbreviation(for: from))
        var cursor = from
        while let change = timeZone.nextDaylightSavingTimeTransition(after: cursor), change <= until {
            let before = timeZone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = timeZone.secondsFromGMT(for: change)
            lines += observance(
                daylight: timeZone.isDaylightSavingTime(for: change),
                onset: ICalendarWriter.format(change, offset: before), from: before, to: after,
                name: timeZone.abbreviation(for: change))
            cursor = change
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private func observance(daylight: Bool, onset: String, from: Int, to: Int, name: String?) -> [String] {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        var lines = [
            "BEGIN:\(kind)", "DTSTART:\(onset)", "TZOFFSETFROM:\(Self.offset(from))", "TZOFFSETTO:\(Self.offset(to))",
        ]
        // Abbreviations like "GMT+8" are no names; calendars then show the offset themselves.
        if let name, !name.hasPrefix("GMT") { lines.append("TZNAME:\(ICalendarWriter.escape(name))") }
        lines.append("END:\(kind)")
        return lines
    }

    /// `+0200`, `-0330`; seconds are written only when there are some.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let text = sign + String(format: "%02d%02d", magnitude / 3600, magnitude % 3600 / 60)
        return magnitude % 60 == 0 ? text : text + String(format: "%02d", magnitude % 60)
    }
}
