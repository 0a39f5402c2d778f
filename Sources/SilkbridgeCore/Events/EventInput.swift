import Foundation

/// What an organiser submits to create or change an event; `nil` fields keep the current value.
public struct EventInput: Sendable, Hashable {
    public var kind: EventKind?
    public var title: LocalizedText?
    public var description: LocalizedText?
    public var location: EventLocation?
    public var timeZoneId: String?
    public var sessions: [EventSession]?
    public var registration: RegistrationWindow?
    public var capacity: Int?
    public var approvalRequired: Bool?
    public var themes: [String]?
    public var requestCap: Int?
    public var requestDeadline: Date?

    public init(
        kind: EventKind? = nil, title: LocalizedText? = nil, description: LocalizedText? = nil,
        location: EventLocation? = nil, timeZoneId: String? = nil, sessions: [EventSession]? = nil,
        registration: RegistrationWindow? = nil, capacity: Int? = nil, approvalRequired: Bool? = nil,
        themes: [String]? = nil, requestCap: Int? = nil, requestDeadline: Date? = nil
    ) {
        self.kind = kind
        self.title = title
        self.description = description
        self.location = location
        self.timeZoneId = timeZoneId
        self.sessions = sessions
        self.registration = registration
        self.capacity = capacity
        self.approvalRequired = approvalRequired
        self.themes = themes
        self.requestCap = requestCap
        self.requestDeadline = requestDeadline
    }
}

/// What a participant submits to register or change their registration.
public struct RegistrationInput: Sendable, Hashable {
    public var displayName: String?
    public var availableSessions: Set<Int>?
    public var wants: LocalizedText?

    public init(displayName: String? = nil, availableSessions: Set<Int>? = nil, wants: LocalizedText? = nil) {
        self.displayName = displayName
        self.availableSessions = availableSessions
        self.wants = wants
    }
}

/// What a participant submits to ask another for a meeting.
public struct MeetingRequestInput: Sendable, Hashable {
    public var inviteeId: UUID
    /// 1 (nice to have) to 3 (essential).
    public var priority: Int
    public var message: String

    public init(inviteeId: UUID, priority: Int, message: String = "") {
        self.inviteeId = inviteeId
        self.priority = priority
        self.message = message
    }
}
