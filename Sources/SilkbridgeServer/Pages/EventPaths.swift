import Foundation

/// The event pages' routes (see `SitePaths`).
enum EventPaths {
    static let list = FixedRoute("/events")
    static let newEvent = FixedRoute("/events/new")
    static let event = PageRoute<UUID>("/events/:id")
    static let publish = PageRoute<UUID>("/events/:id/publish")
    static let register = PageRoute<UUID>("/events/:id/register")
    static let participants = PageRoute<UUID>("/events/:id/participants")
    static let requestMeeting = PageRoute<UUID>("/events/:id/participants/request")
    static let requests = PageRoute<UUID>("/events/:id/requests")
    static let answer = PageRoute<UUID, UUID, MeetingAnswer>("/events/:id/requests/:request/:answer")
    static let agenda = PageRoute<UUID>("/events/:id/agenda")
    static let agendaCalendar = PageRoute<UUID>("/events/:id/agenda.ics")
    static let outcome = PageRoute<UUID, UUID>("/events/:id/meetings/:request/outcome")
    static let registrations = PageRoute<UUID>("/events/:id/registrations")
    static let decide = PageRoute<UUID, UUID, RegistrationDecision>(
        "/events/:id/registrations/:registration/:decision")
    static let noShow = PageRoute<UUID, UUID>("/events/:id/registrations/:registration/no-show")
    static let schedule = PageRoute<UUID>("/events/:id/schedule")
    static let plan = PageRoute<UUID>("/events/:id/plan")
    static let planCalendar = PageRoute<UUID>("/events/:id/plan.ics")
}

/// A participant's answer to a meeting request.
enum MeetingAnswer: String, PathParameter {
    case accept, decline
}

/// An organiser's decision on a registration.
enum RegistrationDecision: String, PathParameter {
    case approve, decline
}
