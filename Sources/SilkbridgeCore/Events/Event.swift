import Foundation

/// The formats of event the platform runs.
public enum EventKind: String, Sendable, CaseIterable, Codable {
    case roundtable
    case brokerage
    case conference

    public var label: Message {
        switch self {
        case .roundtable: Message("Roundtable", "圆桌会议")
        case .brokerage: Message("Brokerage event", "对接洽谈会")
        case .conference: Message("Conference", "大会")
        }
    }
}

/// Where an event takes place: a venue people travel to, or a link they open.
public enum EventLocation: Sendable, Hashable, Codable {
    case venue(name: LocalizedText, address: String)
    case online(url: String)
}

/// A roundtable, brokerage event or conference run by an organisation, with the sessions of bilateral meetings
/// its participants are scheduled into.
public struct Event: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var kind: EventKind
    /// The organisation that runs the event; its members are the organisers.
    public let organizerId: UUID
    public var title: LocalizedText
    public var description: LocalizedText
    public var location: EventLocation
    /// The IANA zone the event's wall-clock times are in, e.g. `Europe/Brussels`.
    public var timeZoneId: String
    /// In time order; each session's slots are numbered after the previous session's.
    public var sessions: [EventSession]
    public var registration: RegistrationWindow
    /// How many registrations may be approved.
    public var capacity: Int
    /// Whether an organiser approves each registration, or registering is enough.
    public var approvalRequired: Bool
    /// Area codes the event is about.
    public var themes: [String]
    /// How many meeting requests a participant may have open or accepted at once.
    public var requestCap: Int
    /// When unanswered meeting requests expire and the schedule can be made.
    public var requestDeadline: Date
    /// When the organisers made the event public; drafts are seen by the organisers only.
    public var publishedAt: Date?
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, kind: EventKind, organizerId: UUID, title: LocalizedText, description: LocalizedText,
        location: EventLocation, timeZoneId: String, sessions: [EventSession], registration: RegistrationWindow,
        capacity: Int, approvalRequired: Bool, themes: [String], requestCap: Int, requestDeadline: Date,
        createdAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.organizerId = organizerId
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
        self.createdAt = createdAt
        updatedAt = createdAt
    }

    public var isPublished: Bool { publishedAt != nil }

    /// The days the event runs on, each once, in order.
    public var days: [EventDay] { Array(Set(sessions.map(\.day))).sorted() }

    public var timeZone: TimeZone { TimeZone(identifier: timeZoneId) ?? .gmt }
}

/// When participants may register.
public struct RegistrationWindow: Sendable, Hashable, Codable {
    public var opens: Date
    public var closes: Date

    public init(opens: Date, closes: Date) {
        self.opens = opens
        self.closes = closes
    }

    public func contains(_ date: Date) -> Bool { opens <= date && date < closes }
}
