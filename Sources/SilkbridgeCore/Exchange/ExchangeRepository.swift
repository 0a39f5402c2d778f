import Foundation

/// Where opportunities live. Every change is stored together with its audit event, in one transaction.
public protocol ExchangeRepository: Sendable {
    func create(_ opportunity: Opportunity, audit: AuditEvent) async throws
    func update(_ opportunity: Opportunity, audit: AuditEvent) async throws
    func opportunity(id: UUID) async throws -> Opportunity?
    /// The opportunities matching `filter` as of `now`, newest first; drafts only of `draftsOf`.
    func opportunities(matching filter: OpportunityFilter, draftsOf: Set<UUID>, now: Date, page: Paging)
        async throws -> Paged<Opportunity>
    /// Published opportunities expiring after `now` and by `horizon` whose owners were not told of that expiry,
    /// soonest first.
    func unnoticedExpiries(until horizon: Date, now: Date, limit: Int) async throws -> [Opportunity]
    /// Stores the notice of the opportunity's coming expiry, with its webhook deliveries, unless the owners were
    /// told of this expiry already (by this or another process); returns whether it stored it.
    func recordExpiryNotice(_ notice: Notice, for opportunity: Opportunity) async throws -> Bool
}
