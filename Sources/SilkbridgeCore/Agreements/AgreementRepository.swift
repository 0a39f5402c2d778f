import Foundation

/// Where agreements and signatory roles live; every change is stored with its audit events and notices.
public protocol AgreementRepository: Sendable {
    func insert(_ agreement: Agreement, audit: [AuditEvent]) async throws
    /// Stores the agreement, with its audit events and notices, if its stored revision is still
    /// `agreement.revision - 1`; false if someone changed it in between, and nothing is stored.
    func update(_ agreement: Agreement, audit: [AuditEvent], notices: [Notice]) async throws -> Bool
    func agreement(id: UUID) async throws -> Agreement?
    /// The agreements any of the organisations is party to, most recently changed first.
    func agreements(involving organizations: Set<UUID>) async throws -> [Agreement]
    /// The agreements in the given stored states, most recently changed first.
    func agreements(in states: Set<AgreementStatus>) async throws -> [Agreement]
    /// The accounts that may sign for the organisation.
    func signatories(of organizationId: UUID) async throws -> Set<UUID>
    func setSignatory(_ accountId: UUID, of organizationId: UUID, granted: Bool, audit: AuditEvent) async throws
}
