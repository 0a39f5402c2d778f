import Foundation

/// Where a meeting request stands. `expired` is never stored: a pending request past the event's request
/// deadline reads as expired.
public enum MeetingRequestStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case accepted
    case declined
    case expired

    public var label: Message {
        switch self {
        case .pending: Message("Awaiting reply", "待回复")
        case .accepted: Message("Accepted", "已接受")
        case .declined: Message("Declined", "已拒绝")
        case .expired: Message("Expired unanswered", "逾期未回复")
        }
    }

    /// Whether the request still counts against the requester's cap.
    public var isActive: Bool { self == .pending || self == .accepted }
}

/// How much a participant wants a meeting; the schedule places higher priorities first.
public enum MeetingPriority: Int, Sendable, CaseIterable, Codable, Comparable {
    case niceToHave = 1
    case wanted = 2
    case essential = 3

    public static func < (lhs: MeetingPriority, rhs: MeetingPriority) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The weight a meeting of this priority has in the schedule's objective.
    public var weight: Int { rawValue }

    public var label: Message {
        switch self {
        case .niceToHave: Message("Nice to have", "可以见面")
        case .wanted: Message("Wanted", "希望见面")
        case .essential: Message("Essential", "务必见面")
        }
    }
}

/// One participant asking another for a bilateral meeting at an event.
public struct MeetingRequest: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let eventId: UUID
    /// The requester's registration.
    public let requesterId: UUID
    /// The invitee's registration; the invitee accepts or declines.
    public let inviteeId: UUID
    public var priority: MeetingPriority
    public var message: String
    /// The stored state: `pending`, `accepted` or `declined`; see `status(at:)`.
    public var state: MeetingRequestStatus
    /// The event's request deadline when the request was made.
    public let deadline: Date
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, eventId: UUID, requesterId: UUID, inviteeId: UUID, priority: MeetingPriority, message: String,
        deadline: Date, createdAt: Date
    ) {
        self.id = id
        self.eventId = eventId
        self.requesterId = requesterId
        self.inviteeId = inviteeId
        self.priority = priority
        self.message = message
        state = .pending
        self.deadline = deadline
        self.createdAt = createdAt
        updatedAt = createdAt
    }

    public func status(at now: Date) -> MeetingRequestStatus {
        state == .pending && now >= deadline ? .expired : state
    }

    /// Whether the request is between these two registrations, whichever asked.
    public func connects(_ one: UUID, _ other: UUID) -> Bool {
        (requesterId == one && inviteeId == other) || (requesterId == other && inviteeId == one)
    }

    /// The invitee answers; a request past its deadline can no longer be answered.
    public mutating func answer(accept: Bool, by registrationId: UUID, at now: Date) throws(EventError) {
        guard registrationId == inviteeId else { throw .notInvitee }
        switch status(at: now) {
        case .pending: break
        case .expired: throw .requestDeadlinePassed
        case .accepted, .declined: throw .alreadyAnswered
        }
        state = accept ? .accepted : .declined
        updatedAt = now
    }
}
