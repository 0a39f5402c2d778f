import Foundation

/// A calendar day in the event's own time zone, independent of any instant.
public struct EventDay: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, refusing dates that do not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }

    /// The day that `date` falls on in `timeZone`.
    public init(containing date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    public var isValid: Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let calendar = Calendar(identifier: .gregorian)
        let components = DateComponents(year: year, month: month)
        guard let first = calendar.date(from: components), let range = calendar.range(of: .day, in: .month, for: first)
        else { return false }
        return range.contains(day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: EventDay, rhs: EventDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The instant at `minute` minutes after midnight of this day in `timeZone`.
    public func instant(minute: Int, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: minute / 60, minute: minute % 60)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }
}

/// A block of back-to-back bilateral meeting slots on one day, e.g. 14:00–17:30 in 20-minute slots with
/// 5-minute breaks between them, at a number of tables.
public struct EventSession: Sendable, Hashable, Codable {
    public var title: LocalizedText
    public var day: EventDay
    /// Minutes after local midnight at which the first slot starts.
    public var startMinute: Int
    public var slotMinutes: Int
    public var slotCount: Int
    /// The pause after each slot but the last, to change tables.
    public var breakMinutes: Int
    /// How many meetings fit in each slot.
    public var tables: Int

    public init(
        title: LocalizedText = LocalizedText(), day: EventDay, startMinute: Int, slotMinutes: Int, slotCount: Int,
        breakMinutes: Int, tables: Int
    ) {
        self.title = title
        self.day = day
        self.startMinute = startMinute
        self.slotMinutes = slotMinutes
        self.slotCount = slotCount
        self.breakMinutes = breakMinutes
        self.tables = tables
    }

    /// Minutes after local midnight at which the last slot ends.
    public var endMinute: Int { startMinute + slotCount * slotMinutes + max(0, slotCount - 1) * breakMinutes }

    public func slotStartMinute(_ index: Int) -> Int { startMinute + index * (slotMinutes + breakMinutes) }
}

/// One meeting slot of an event, numbered across all its sessions.
public struct EventSlot: Sendable, Hashable, Codable {
    public let index: Int
    public let session: Int
    public let day: EventDay
    public let startMinute: Int
    public let endMinute: Int
    public let tables: Int
}

extension Event {
    /// Every meeting slot, numbered in session order.
    public var slots: [EventSlot] {
        var slots: [EventSlot] = []
        for (sessionIndex, session) in sessions.enumerated() {
            for position in 0..<max(0, session.slotCount) {
                let start = session.slotStartMinute(position)
                slots.append(
                    EventSlot(
                        index: slots.count, session: sessionIndex, day: session.day, startMinute: start,
                        endMinute: start + session.slotMinutes, tables: session.tables))
            }
        }
        return slots
    }

    /// The real start and end of a slot, through the event's time zone (so across a DST change too).
    public func interval(of slot: EventSlot) -> DateInterval {
        let start = slot.day.instant(minute: slot.startMinute, in: timeZone)
        let end = slot.day.instant(minute: slot.endMinute, in: timeZone)
        return DateInterval(start: start, end: max(start, end))
    }

    /// When the first session starts.
    public var start: Date? {
        sessions.map { $0.day.instant(minute: $0.startMinute, in: timeZone) }.min()
    }
}
