import Foundation
import SilkbridgeCore

/// An event as its pages show it: times are written in the event's own time zone, which the page names, so
/// a participant in Beijing and one in Brussels read the same programme.
struct EventView {
    let event: Event
    let language: Language
    let catalog: ReferenceCatalog

    struct Summary {
        let id: String
        let link: String
        let title: String
        let kind: String
        let kindCode: String
        let place: String
        let isOnline: Bool
        let timeZone: String
        let dates: String
        let isDraft: Bool
        let capacity: Int
        let description: String?
        let themes: [String]
        let hasThemes: Bool
    }

    struct Session {
        let index: Int
        let number: Int
        let day: String
        let title: String
        let start: String
        let end: String
        let slots: Int
        let slotMinutes: Int
        let breakMinutes: Int
        let tables: Int
        /// Whether the registration form ticks the session; the programme leaves it out.
        var checked: Bool?
    }

    var summary: Summary {
        let themes = event.themes.compactMap { catalog.area($0)?.label.best(for: language) }
        return Summary(
            id: event.id.uuidString.lowercased(), link: EventPaths.event(event.id),
            title: event.title.best(for: language), kind: event.kind.label.text(in: language),
            kindCode: event.kind.rawValue, place: place, isOnline: isOnline, timeZone: event.timeZoneId,
            dates: dates, isDraft: !event.isPublished, capacity: event.capacity,
            description: event.description.isEmpty ? nil : event.description.best(for: language), themes: themes,
            hasThemes: !themes.isEmpty)
    }

    /// The sessions with their times and slots, numbered as registrations name them.
    var sessions: [Session] {
        event.sessions.enumerated().map { index, session in
            Session(
                index: index, number: index + 1, day: session.day.description,
                title: session.title.isEmpty ? "" : session.title.best(for: language),
                start: Self.clock(session.startMinute), end: Self.clock(session.endMinute),
                slots: session.slotCount, slotMinutes: session.slotMinutes, breakMinutes: session.breakMinutes,
                tables: session.tables)
        }
    }

    var place: String {
        switch event.location {
        case .venue(let name, let address):
            address.isEmpty ? name.best(for: language) : "\(name.best(for: language)), \(address)"
        case .online(let url): url
        }
    }

    var isOnline: Bool {
        if case .online = event.location { return true }
        return false
    }

    /// "2026-06-04" or "2026-06-04 – 2026-06-05".
    var dates: String {
        let days = event.days.map(\.description)
        guard let first = days.first, let last = days.last else { return "" }
        return first == last ? first : "\(first) – \(last)"
    }

    /// A slot's day and times, e.g. "2026-06-04 14:00–14:20".
    func slotText(_ index: Int) -> String {
        let slots = event.slots
        guard slots.indices.contains(index) else { return "" }
        let slot = slots[index]
        return "\(slot.day) \(Self.clock(slot.startMinute))–\(Self.clock(slot.endMinute))"
    }

    /// An instant as the event's local date and time.
    func local(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = event.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    static func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
}
