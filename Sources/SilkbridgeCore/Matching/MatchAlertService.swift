import Foundation

/// Alerts on new suggested partners: members switch them on for their organisation, and a background job in
/// every process tells each organisation, once per partner, of partners that newly reach its threshold.
public struct MatchAlertService: Sendable {
    let repository: any MatchAlertRepository
    let matching: MatchingService
    let directory: DirectoryService

    public init(repository: any MatchAlertRepository, matching: MatchingService, directory: DirectoryService) {
        self.repository = repository
        self.matching = matching
        self.directory = directory
    }

    public func alert(for organizationId: UUID, by account: Account) async throws -> MatchAlert? {
        _ = try await directory.requireRole(.member, of: account, in: organizationId)
        return try await repository.alert(for: organizationId)
    }

    /// Switches the alert on (or changes its threshold). Partners suggested now are already in view, so only
    /// those appearing later are announced.
    public func subscribe(
        _ organizationId: UUID, minimumScore: Double = MatchAlert.defaultMinimumScore, by account: Account,
        now: Date = Date()
    ) async throws -> MatchAlert {
        _ = try await directory.requireRole(.member, of: account, in: organizationId)
        guard (0...1).contains(minimumScore) else {
            throw ValidationError([
                FieldIssue("minimumScore", Message("must be between 0 and 1.", "必须在 0 到 1 之间。"))
            ])
        }
        let alert = MatchAlert(
            organizationId: organizationId, minimumScore: minimumScore, createdBy: account.id, createdAt: now)
        let current = try await matching.matches(for: organizationId, limit: Self.watched, now: now)
        try await repository.save(alert, known: current.map(\.organizationId))
        return alert
    }

    public func unsubscribe(_ organizationId: UUID, by account: Account) async throws {
        _ = try await directory.requireRole(.member, of: account, in: organizationId)
        try await repository.delete(organizationId: organizationId)
    }

    /// How many of the top suggestions are watched for newcomers.
    static let watched = 10

    /// Tells every subscribed organisation of new partners at or above its threshold; returns how many notices
    /// were sent.
    public func sendAlerts(now: Date = Date()) async throws -> Int {
        var sent = 0
        for alert in try await repository.alerts() {
            let matches: [Match]
            do {
                matches = try await matching.matches(for: alert.organizationId, limit: Self.watched, now: now)
            } catch DirectoryError.organizationNotFound {
                continue
            }
            let news = matches.filter { $0.isMutual && $0.score >= alert.minimumScore }.map { match in
                (
                    partner: match.organizationId,
                    notice: Notice(
                        organizationId: alert.organizationId, kind: .matchFound, opportunityId: match.theirOpportunity,
                        actorName: match.name.best(for: .english), at: now)
                )
            }
            if !news.isEmpty { sent += try await repository.announce(news, to: alert.organizationId) }
        }
        return sent
    }
}
