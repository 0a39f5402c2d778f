import Foundation

/// Where events, registrations, meeting requests and schedules live.
public protocol EventRepository: Sendable {
    func insert(_ event: Event, audit: [AuditEvent]) async throws
    func update(_ event: Event, audit: [AuditEvent]) async throws
    func event(id: UUID) async throws -> Event?
    /// Events whose first session starts at or after `date`, soonest first.
    func events(startingFrom date: Date, limit: Int) async throws -> [Event]
    /// The organisation's events, soonest first.
    func events(organizedBy organizationId: UUID) async throws -> [Event]

    /// Stores a registration; false, and nothing stored, if the account is already registered for the event.
    func insert(_ registration: Registration) async throws -> Bool
    func update(_ registration: Registration) async throws
    func registration(id: UUID) async throws -> Registration?
    /// The event's registrations, oldest first.
    func registrations(of eventId: UUID) async throws -> [Registration]
    /// The account's registration for the event, if any.
    func registration(of eventId: UUID, account accountId: UUID) async throws -> Registration?
    /// How many of the event's registrations are approved.
    func approvedCount(of eventId: UUID) async throws -> Int

    func insert(_ request: MeetingRequest) async throws
    func update(_ request: MeetingRequest) async throws
    func request(id: UUID) async throws -> MeetingRequest?
    /// The event's meeting requests, oldest first.
    func requests(of eventId: UUID) async throws -> [MeetingRequest]
    /// The event's meeting requests made or received by any of the registrations, oldest first.
    func requests(of eventId: UUID, involving registrations: Set<UUID>) async throws -> [MeetingRequest]

    /// Runs `work` while no other server on the database changes the event through `exclusively`, with a repository
    /// that works within that hold.
    func exclusively<T: Sendable>(
        _ eventId: UUID, _ work: @escaping @Sendable (any EventRepository) async throws -> T
    ) async throws -> T

    /// Replaces the event's schedule.
    func save(_ schedule: EventSchedule, audit: [AuditEvent]) async throws
    func schedule(of eventId: UUID) async throws -> EventSchedule?

    /// Stores a rating, replacing the rater's earlier one of the same meeting and phase, and in the same transaction
    /// makes the pipeline moves that still apply and writes the audit; the ids of the interests that moved.
    func save(_ rating: MeetingRating, moving: [PipelineMove], audit: [AuditEvent]) async throws -> [UUID]
    /// The event's meeting ratings, oldest first.
    func ratings(of eventId: UUID) async throws -> [MeetingRating]
}
