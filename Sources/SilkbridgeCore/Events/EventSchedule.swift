import Foundation

/// A bilateral meeting with its place in an event's schedule.
public struct ScheduledMeeting: Sendable, Hashable, Codable {
    public let requestId: UUID
    /// The two registrations that meet: the requester first.
    public let requesterId: UUID
    public let inviteeId: UUID
    public var slot: Int
    /// Table numbers start at 1, as printed on the tables.
    public var table: Int

    public init(requestId: UUID, requesterId: UUID, inviteeId: UUID, slot: Int, table: Int) {
        self.requestId = requestId
        self.requesterId = requesterId
        self.inviteeId = inviteeId
        self.slot = slot
        self.table = table
    }

    public func involves(_ registrationId: UUID) -> Bool {
        requesterId == registrationId || inviteeId == registrationId
    }
}

/// An event's schedule and how good it is.
public struct EventSchedule: Sendable, Hashable, Codable {
    public let eventId: UUID
    public var meetings: [ScheduledMeeting]
    /// Accepted requests that did not fit.
    public var unplaced: [UUID]
    public var placedWeight: Int
    /// No schedule could place more priority-weighted meetings than this.
    public var upperBound: Int
    public var idleGaps: Int
    /// Published meetings that had to move or be dropped when the schedule was made again.
    public var movedMeetings: Int
    public let createdAt: Date

    public init(
        eventId: UUID, meetings: [ScheduledMeeting], unplaced: [UUID], placedWeight: Int, upperBound: Int,
        idleGaps: Int, movedMeetings: Int, createdAt: Date
    ) {
        self.eventId = eventId
        self.meetings = meetings
        self.unplaced = unplaced
        self.placedWeight = placedWeight
        self.upperBound = upperBound
        self.idleGaps = idleGaps
        self.movedMeetings = movedMeetings
        self.createdAt = createdAt
    }

    /// How far the schedule may be from the best possible one, as a share of the bound (0 when optimal).
    public var optimalityGap: Double { upperBound == 0 ? 0 : 1 - Double(placedWeight) / Double(upperBound) }

    public func meetings(of registrationId: UUID) -> [ScheduledMeeting] {
        meetings.filter { $0.involves(registrationId) }.sorted { $0.slot < $1.slot }
    }
}
