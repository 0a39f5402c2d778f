import Foundation

/// Where expressions of interest and their threads live; every change is stored with its audit events.
public protocol InterestRepository: Sendable {
    func create(_ interest: Interest, audit: [AuditEvent], notices: [Notice]) async throws
    func update(_ interest: Interest, audit: [AuditEvent], notices: [Notice]) async throws
    func interest(id: UUID) async throws -> Interest?
    /// The interests in an opportunity, newest first; all of them, or only those sent by `senders`.
    func interests(inOpportunity opportunityId: UUID, sentBy senders: Set<UUID>?) async throws -> [Interest]
    /// The interests sent or received by any of the organisations, newest first.
    func interests(involving organizations: Set<UUID>) async throws -> [Interest]
    /// The interests changed at or after the date (all when nil), oldest change first: how matching learns of
    /// answers given through other processes.
    func interests(changedSince: Date?) async throws -> [Interest]
    /// The interests still unanswered whose reply-by date falls in the range, soonest first: those to remind.
    func pendingInterests(replyBy range: Range<Date>) async throws -> [Interest]
    func add(_ message: InterestMessage, notices: [Notice]) async throws
    func messages(of interestId: UUID) async throws -> [InterestMessage]
}
