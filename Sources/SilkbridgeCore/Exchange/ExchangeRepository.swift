import Foundation

/// Where opportunities live. Every change is stored together with its audit event, in one transaction.
public protocol ExchangeRepository: Sendable {
    func create(_ opportunity: Opportunity, audit: AuditEvent) async throws
    func update(_ opportunity: Opportunity, audit: AuditEvent) async throws
    func opportunity(id: UUID) async throws -> Opportunity?
    /// The opportunities matching `filter` as of `now`, newest first; drafts only of `draftsOf`.
    func opportunities(matching filter: OpportunityFilter, draftsOf: Set<UUID>, now: Date, page: Paging)
        async throws -> Paged<Opportunity>
}
