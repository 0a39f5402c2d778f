import Foundation

/// Where a registration stands.
public enum RegistrationStatus: String, Sendable, CaseIterable, Codable {
    /// Waiting for an organiser, when the event requires approval.
    case pending
    case approved
    case declined
    case cancelled

    public var label: Message {
        switch self {
        case .pending: Message("Awaiting approval", "待审核")
        case .approved: Message("Approved", "已批准")
        case .declined: Message("Declined", "未获批准")
        case .cancelled: Message("Cancelled", "已取消")
        }
    }
}

/// A person taking part in an event for their organisation: when they can meet and what they came for.
public struct Registration: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let eventId: UUID
    public let organizationId: UUID
    public let accountId: UUID
    /// The participant's name as shown to the others.
    public var displayName: String
    /// Indexes into the event's sessions at which the participant can meet.
    public var availableSessions: Set<Int>
    /// "What I want from this event", in either language or both.
    public var wants: LocalizedText
    public var status: RegistrationStatus
    /// Marked by an organiser during the event; the participant's remaining meetings are freed.
    public var noShow: Bool
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, eventId: UUID, organizationId: UUID, accountId: UUID, displayName: String,
        availableSessions: Set<Int>, wants: LocalizedText, status: RegistrationStatus, createdAt: Date
    ) {
        self.id = id
        self.eventId = eventId
        self.organizationId = organizationId
        self.accountId = accountId
        self.displayName = displayName
        self.availableSessions = availableSessions
        self.wants = wants
        self.status = status
        noShow = false
        self.createdAt = createdAt
        updatedAt = createdAt
    }

    public var isApproved: Bool { status == .approved }
}
