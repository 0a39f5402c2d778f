import Foundation

/// The links of the event pages, beside `SitePaths`.
enum EventPaths {
    static let list = "/events"
    static let newEvent = "/events/new"

    static func event(_ id: UUID) -> String { "/events/\(id.uuidString.lowercased())" }
    static func register(_ id: UUID) -> String { event(id) + "/register" }
    static func participants(_ id: UUID) -> String { event(id) + "/participants" }
    static func requests(_ id: UUID) -> String { event(id) + "/requests" }
    static func answer(_ id: UUID, _ requestId: UUID, accept: Bool) -> String {
        requests(id) + "/\(requestId.uuidString.lowercased())/" + (accept ? "accept" : "decline")
    }
    static func agenda(_ id: UUID) -> String { event(id) + "/agenda" }
    static func outcome(_ id: UUID, _ requestId: UUID) -> String {
        event(id) + "/meetings/\(requestId.uuidString.lowercased())/outcome"
    }
    static func agendaCalendar(_ id: UUID) -> String { event(id) + "/agenda.ics" }
    static func registrations(_ id: UUID) -> String { event(id) + "/registrations" }
    static func decide(_ id: UUID, _ registrationId: UUID, approve: Bool) -> String {
        registrations(id) + "/\(registrationId.uuidString.lowercased())/" + (approve ? "approve" : "decline")
    }
    static func noShow(_ id: UUID, _ registrationId: UUID) -> String {
        registrations(id) + "/\(registrationId.uuidString.lowercased())/no-show"
    }
    static func schedule(_ id: UUID) -> String { event(id) + "/schedule" }
    static func plan(_ id: UUID) -> String { event(id) + "/plan" }
    static func planCalendar(_ id: UUID) -> String { event(id) + "/plan.ics" }
    static func publish(_ id: UUID) -> String { event(id) + "/publish" }
}
