import Foundation

/// A participant's or an event's meetings as calendar entries and an `.ics` file, in the event's time zone.
public struct EventAgenda: Sendable {
    public let event: Event
    public let schedule: EventSchedule
    /// Display names of the registrations, with their organisation, e.g. "Anna Weber (Isar Energy)".
    public let names: [UUID: String]
    public let language: Language

    public init(event: Event, schedule: EventSchedule, names: [UUID: String], language: Language) {
        self.event = event
        self.schedule = schedule
        self.names = names
        self.language = language
    }

    /// The participant's meetings, or every meeting of the event when `registrationId` is nil.
    public func entries(for registrationId: UUID?) -> [CalendarEntry] {
        let slots = event.slots
        let meetings = registrationId.map { schedule.meetings(of: $0) } ?? schedule.meetings
        let place =
            switch event.location {
            case .venue(let name, let address): "\(name.best(for: language)), \(address)"
            case .online(let url): url
            }
        return meetings.compactMap { meeting in
            guard slots.indices.contains(meeting.slot) else { return nil }
            let interval = event.interval(of: slots[meeting.slot])
            let summary: String
            if let registrationId {
                let partner = meeting.requesterId == registrationId ? meeting.inviteeId : meeting.requesterId
                summary = Self.with(names[partner] ?? "?", language: language)
            } else {
                let pair = "\(names[meeting.requesterId] ?? "?") – \(names[meeting.inviteeId] ?? "?")"
                summary = Self.with(pair, language: language)
            }
            let table = language == .english ? "Table \(meeting.table)" : "第 \(meeting.table) 桌"
            return CalendarEntry(
                uid: "\(meeting.requestId.uuidString.lowercased())@silkbridge", start: interval.start,
                end: interval.end, summary: summary,
                description: "\(event.title.best(for: language))\n\(table)", location: "\(place) · \(table)")
        }
    }

    public func ics(for registrationId: UUID?, stamp: Date) -> String {
        ICalendarWriter(timeZone: event.timeZone, calendarName: event.title.best(for: language)).document(
            entries(for: registrationId), stamp: stamp)
    }

    private static func with(_ name: String, language: Language) -> String {
        language == .english ? "Meeting with \(name)" : "与\(name)会谈"
    }
}
