import Foundation

/// Writes an iCalendar file (RFC 5545): times in the event's own IANA zone, defined by a VTIMEZONE with that
/// zone's real offsets and daylight-saving changes around the entries, so calendars show the right wall-clock
/// time wherever the reader is.
public struct ICalendarWriter: Sendable {
    public var productId = "-//Silkbridge//Events 1.0//EN"
    public var calendarName: String?
    public var timeZone: TimeZone

    public init(timeZone: TimeZone, calendarName: String? = nil) {
        self.timeZone = timeZone
        self.calendarName = calendarName
    }

    /// The whole file, with CRLF line ends and long lines folded at 75 octets.
    public func document(_ entries: [CalendarEntry], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(Self.escape(productId))", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        if let calendarName { lines.append("X-WR-CALNAME:\(Self.escape(calendarName))") }
        lines.append("X-WR-TIMEZONE:\(timeZone.identifier)")
        if let first = entries.map(\.start).min(), let last = entries.map(\.end).max() {
            lines += ICalendarTimeZone(timeZone).component(covering: first...max(first, last))
        }
        let zone = Self.parameter(timeZone.identifier)
        for entry in entries {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(Self.escape(entry.uid))",
                "DTSTAMP:\(Self.utc(stamp))",
                "DTSTART;TZID=\(zone):\(Self.local(entry.start, in: timeZone))",
                "DTEND;TZID=\(zone):\(Self.local(entry.end, in: timeZone))",
                "SUMMARY:\(Self.escape(entry.summary))",
            ]
            if let description = entry.description { lines.append("DESCRIPTION:\(Self.escape(description))") }
            if let location = entry.location { lines.append("LOCATION:\(Self.escape(location))") }
            if let url = entry.url { lines.append("URL:\(url)") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// TEXT values escape backslashes, semicolons, commas and line breaks (RFC 5545, 3.3.11).
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasReturn { escaped += "\\n" }
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.properties.generalCategory != .control || scalar == "\t" {
                    escaped.unicodeScalars.append(scalar)
                }
            }
            previousWasReturn = scalar == "\r"
        }
        return escaped
    }

    /// Quotes a parameter value when it holds a character that would end it.
    static func parameter(_ value: String) -> String {
        value.contains(where: { ":;,".contains($0) }) ? "\"\(value.replacingOccurrences(of: "\"", with: ""))\"" : value
    }

    /// Splits a content line into lines of at most 75 octets, never inside a UTF-8 sequence; continuation lines
    /// start with a space (RFC 5545, 3.1). Each line ends with CRLF.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line + "\r\n" }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Back off to the start of a character: continuation bytes are 10xxxxxx.
            while end < bytes.count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { output.append(0x20) }
            output += bytes[start..<end]
            output += [0x0D, 0x0A]
            start = end
            limit = 74
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func utc(_ date: Date) -> String { format(date, offset: 0) + "Z" }

    static func local(_ date: Date, in timeZone: TimeZone) -> String {
        format(date, offset: timeZone.secondsFromGMT(for: date))
    }

    /// `YYYYMMDDTHHMMSS` of the instant shifted by `offset` seconds.
    static func format(_ date: Date, offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let shifted = Date(timeIntervalSince1970: (date.timeIntervalSince1970 + Double(offset)).rounded(.down))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: shifted)
        return String(
            format: "%04d%02d%02dT%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, parts.second ?? 0)
    }
}
