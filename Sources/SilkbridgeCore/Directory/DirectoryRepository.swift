import Foundation

/// Where organisations, their members and their audit trail live. Every change is stored together with
/// its audit event, in one transaction, so the trail can never miss a change.
public protocol DirectoryRepository: Sendable {
    func create(_ organization: Organization, owner: Membership, audit: AuditEvent) async throws
    func update(_ organization: Organization, audit: AuditEvent) async throws
    func delete(organizationId: UUID, audit: AuditEvent) async throws
    func organization(id: UUID) async throws -> Organization?
    /// The organisations among `ids` that exist, in one read.
    func organizations(ids: Set<UUID>) async throws -> [Organization]
    func organizations(matching filter: OrganizationFilter, page: Paging) async throws -> Paged<Organization>
    func count() async throws -> Int

    func members(of organizationId: UUID) async throws -> [Membership]
    func membership(of accountId: UUID, in organizationId: UUID) async throws -> Membership?
    func memberships(of accountId: UUID) async throws -> [Membership]
    /// Stores the membership with its audit event and, for an invitation, the mail that tells the person.
    func save(_ membership: Membership, audit: AuditEvent, mail: OutgoingMail?) async throws
    func remove(_ membership: Membership, audit: AuditEvent) async throws

    func auditTrail(of organizationId: UUID, page: Paging) async throws -> Paged<AuditEvent>
}

extension DirectoryRepository {
    public func save(_ membership: Membership, audit: AuditEvent) async throws {
        try await save(membership, audit: audit, mail: nil)
    }
}
