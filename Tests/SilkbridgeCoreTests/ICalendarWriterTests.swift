import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct ICalendarWriterTests {
    static let stamp = Date(timeIntervalSince1970: 1_790_000_000)

    static func entry(_ day: EventDay, _ minute: Int, in zone: TimeZone, summary: String = "Meeting") -> CalendarEntry {
        CalendarEntry(
            uid: "\(day)-\(minute)@silkbridge.example", start: day.instant(minute: minute, in: zone),
            end: day.instant(minute: minute + 20, in: zone), summary: summary)
    }

    /// Content lines with folding undone.
    static func unfolded(_ document: String) -> [String] {
        document.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// The instant a local time in the calendar's VTIMEZONE stands for, worked out from the observances alone,
    /// as a calendar program reading the file would.
    static func instant(local: String, in lines: [String]) -> Date? {
        var observances: [(onset: String, from: Int, to: Int)] = []
        var onset = ""
        var from = 0
        for line in lines {
            if line.hasPrefix("DTSTART:") { onset = String(line.dropFirst(8)) }
            if line.hasPrefix("TZOFFSETFROM:") { from = seconds(String(line.dropFirst(13))) }
            if line.hasPrefix("TZOFFSETTO:") { observances.append((onset, from, seconds(String(line.dropFirst(11))))) }
        }
        guard let inForce = observances.filter({ $0.onset <= local }).max(by: { $0.onset < $1.onset }) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: inForce.to)!
        let digits = Array(local.filter(\.isNumber)).map { Int(String($0))! }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digits[$1] } }
        return calendar.date(
            from: DateComponents(
                year: number(0..<4), month: number(4..<6), day: number(6..<8), hour: number(8..<10),
                minute: number(10..<12), second: number(12..<14)))
    }

    static func seconds(_ offset: String) -> Int {
        let sign = offset.hasPrefix("-") ? -1 : 1
        let digits = offset.dropFirst()
        return sign * (Int(digits.prefix(2))! * 3600 + Int(digits.dropFirst(2).prefix(2))! * 60)
    }

    @Test func aBrusselsEventAcrossTheEndOfSummerTimeKeepsItsWallClockTimes() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Brussels"))
        let saturday = Self.entry(EventDay(year: 2026, month: 10, day: 24), 9 * 60, in: zone)
        let sunday = Self.entry(EventDay(year: 2026, month: 10, day: 25), 9 * 60, in: zone)
        #expect(saturday.start.formatted(.iso8601) == "2026-10-24T07:00:00Z")
        #expect(sunday.start.formatted(.iso8601) == "2026-10-25T08:00:00Z")
        let document = ICalendarWriter(timeZone: zone).document([saturday, sunday], stamp: Self.stamp)
        let lines = Self.unfolded(document)
        #expect(lines.contains("DTSTART;TZID=Europe/Brussels:20261024T090000"))
        #expect(lines.contains("DTSTART;TZID=Europe/Brussels:20261025T090000"))
        #expect(lines.contains("DTEND;TZID=Europe/Brussels:20261025T092000"))
        #expect(lines.contains("DTSTAMP:20260921T141320Z"))
        // Summer time before the change; the change itself at 03:00 local summer time back to +0100.
        let zoneLines = Array(lines[lines.firstIndex(of: "BEGIN:VTIMEZONE")!...lines.firstIndex(of: "END:VTIMEZONE")!])
        #expect(zoneLines.contains("TZID:Europe/Brussels"))
        let change = try #require(zoneLines.firstIndex(of: "DTSTART:20261025T030000"))
        #expect(zoneLines[change - 1] == "BEGIN:STANDARD")
        #expect(zoneLines[change + 1] == "TZOFFSETFROM:+0200")
        #expect(zoneLines[change + 2] == "TZOFFSETTO:+0100")
        #expect(zoneLines.contains("BEGIN:DAYLIGHT"))
        #expect(Self.instant(local: "20261024T090000", in: zoneLines) == saturday.start)
        #expect(Self.instant(local: "20261025T090000", in: zoneLines) == sunday.start)
    }

    @Test func aBrusselsEventAcrossTheStartOfSummerTimeGainsTheDaylightObservance() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Brussels"))
        let entries = [28, 29].map { Self.entry(EventDay(year: 2026, month: 3, day: $0), 10 * 60, in: zone) }
        let lines = Self.unfolded(ICalendarWriter(timeZone: zone).document(entries, stamp: Self.stamp))
        let change = try #require(lines.firstIndex(of: "DTSTART:20260329T020000"))
        #expect(lines[change - 1] == "BEGIN:DAYLIGHT")
        #expect(lines[change + 1] == "TZOFFSETFROM:+0100")
        #expect(lines[change + 2] == "TZOFFSETTO:+0200")
        #expect(entries.map { $0.start.formatted(.iso8601) } == ["2026-03-28T09:00:00Z", "2026-03-29T08:00:00Z"])
        #expect(
            entries.map { Self.instant(local: ICalendarWriter.local($0.start, in: zone), in: lines) }
                == entries.map(\.start))
    }

    @Test func aShanghaiEventIsAtUTCPlusEightAllYear() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let entry = Self.entry(EventDay(year: 2026, month: 7, day: 1), 14 * 60 + 30, in: zone, summary: "会谈")
        #expect(entry.start.formatted(.iso8601) == "2026-07-01T06:30:00Z")
        let lines = Self.unfolded(ICalendarWriter(timeZone: zone).document([entry], stamp: Self.stamp))
        #expect(lines.contains("DTSTART;TZID=Asia/Shanghai:20260701T143000"))
        #expect(lines.contains("SUMMARY:会谈"))
        #expect(lines.contains("TZOFFSETTO:+0800"))
        #expect(!lines.contains("BEGIN:DAYLIGHT"))
        #expect(Self.instant(local: "20260701T143000", in: lines) == entry.start)
    }

    @Test func textIsEscaped() {
        #expect(
            ICalendarWriter.escape("Smart grids, 5G; cloud\\edge\nLine two\r\nthree")
                == "Smart grids\\, 5G\\; cloud\\\\edge\\nLine two\\nthree")
    }

    @Test func longLinesAreFoldedAt75OctetsWithoutSplittingCharacters() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        var entry = Self.entry(EventDay(year: 2026, month: 7, day: 1), 600, in: zone)
        let description = "中欧数字合作圆桌会议：5G、云计算、物联网、大数据、电子商务和智慧城市。" + String(repeating: "Partners, ", count: 20)
        entry.description = description
        let document = ICalendarWriter(timeZone: zone, calendarName: "Roundtable; Brussels").document(
            [entry], stamp: Self.stamp)
        #expect(document.hasSuffix("END:VCALENDAR\r\n"))
        let physical = document.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(!physical.contains { $0.contains("\n") || $0.contains("\r") })
        #expect(physical.count { $0.hasPrefix(" ") } >= 3)
        #expect(Self.unfolded(document).contains("DESCRIPTION:" + ICalendarWriter.escape(description)))
        #expect(Self.unfolded(document).contains("X-WR-CALNAME:Roundtable\\; Brussels"))
    }
}
