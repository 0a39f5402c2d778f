import Foundation

/// Where people's mail settings live, and the bookkeeping that lets several processes mail each notice once.
public protocol NotificationRepository: Sendable {
    func settings(of accountId: UUID) async throws -> NotificationSettings?
    /// Stores `defaults` unless the account has settings already; returns what is stored, so that two processes
    /// mailing the same new person agree on one unsubscribe key.
    func settings(storingIfMissing defaults: NotificationSettings) async throws -> NotificationSettings
    func save(_ settings: NotificationSettings) async throws
    func settings(unsubscribeKey: String) async throws -> NotificationSettings?

    /// Notices no mailing round has taken yet, oldest first.
    func unmailedNotices(limit: Int) async throws -> [Notice]
    /// The people a notice to the organisation may be mailed to: members (not invitations) with a verified
    /// address.
    func recipients(of organizationId: UUID) async throws -> [Account]
    /// In one transaction: marks the notice taken unless another process took it first, stores the mails, and
    /// puts the notice in the digests of `digestAccounts`. False, with nothing stored, if it was taken already.
    func take(_ notice: Notice, mails: [OutgoingMail], digestAccounts: [UUID], at now: Date) async throws -> Bool

    /// The people with notices waiting for their digest.
    func digestAccounts() async throws -> [UUID]
    /// In one transaction: records `day` as the account's digest day unless a digest of that day went already,
    /// removes the notices waiting for it and stores the mail `compose` makes of them (none if it makes none).
    /// False, with nothing changed, if that day's digest was taken already.
    func takeDigest(
        of accountId: UUID, day: String, compose: @escaping @Sendable ([Notice]) throws -> OutgoingMail?
    ) async throws -> Bool
}
