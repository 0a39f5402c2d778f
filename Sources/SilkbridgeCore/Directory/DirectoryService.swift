import Foundation

/// The organisation directory: registering, editing, listing and deleting organisations.
public struct DirectoryService: Sendable {
    package let repository: any DirectoryRepository
    let catalog: ReferenceCatalog
    /// Where the sign-up link in an invitation mail leads.
    let links: MailLinks

    public init(repository: any DirectoryRepository, catalog: ReferenceCatalog, links: MailLinks) {
        self.repository = repository
        self.catalog = catalog
        self.links = links
    }

    /// Registers an organisation with the caller as its first owner.
    public func create(_ input: OrganizationInput, by account: Account, now: Date = Date()) async throws
        -> Organization
    {
        let blank = Organization(
            id: UUID(), name: LocalizedText(), type: input.type ?? .company, country: "", province: nil,
            city: LocalizedText(), website: nil, size: input.size ?? .small, areas: [], description: LocalizedText(),
            createdAt: now, updatedAt: now)
        let organization = try OrganizationValidator(catalog: catalog).apply(input, to: blank, creating: true)
        let owner = Membership(
            id: UUID(), organizationId: organization.id, accountId: account.id, email: account.email,
            displayName: account.displayName, role: .owner, createdAt: now)
        try await repository.create(
            organization, owner: owner,
            audit: audit(organization.id, account, "organization.created", organization.name.best(for: .english), now))
        return organization
    }

    public func organization(id: UUID) async throws -> Organization {
        guard let organization = try await repository.organization(id: id) else {
            throw DirectoryError.organizationNotFound
        }
        return organization
    }

    /// The organisations among `ids` by id, in one read; a deleted one is simply not there.
    public func organizations(ids: Set<UUID>) async throws -> [UUID: Organization] {
        Dictionary(try await repository.organizations(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func list(_ filter: OrganizationFilter, page: Paging) async throws -> Paged<Organization> {
        try await repository.organizations(matching: filter, page: page)
    }

    /// Applies the fields given; only members may edit.
    public func update(id: UUID, with input: OrganizationInput, by account: Account, now: Date = Date())
        async throws -> Organization
    {
        let current = try await organization(id: id)
        _ = try await requireRole(.member, of: account, in: id)
        var updated = try OrganizationValidator(catalog: catalog).apply(input, to: current, creating: false)
        updated.updatedAt = now
        let changed = Self.changedFields(from: current, to: updated)
        guard !changed.isEmpty else { return current }
        try await repository.update(
            updated, audit: audit(id, account, "organization.updated", changed.joined(separator: ", "), now))
        return updated
    }

    /// Deletes the organisation and its memberships; only owners may.
    public func delete(id: UUID, by account: Account, now: Date = Date()) async throws {
        let current = try await organization(id: id)
        _ = try await requireRole(.owner, of: account, in: id)
        try await repository.delete(
            organizationId: id,
            audit: audit(id, account, "organization.deleted", current.name.best(for: .english), now))
    }

    /// The caller's membership, if it has at least the given role; throws otherwise.
    func requireRole(_ role: Role, of account: Account, in organizationId: UUID) async throws -> Membership {
        guard let membership = try await repository.membership(of: account.id, in: organizationId) else {
            throw DirectoryError.notAMember
        }
        guard membership.role >= role else { throw DirectoryError.roleTooLow(needed: role) }
        return membership
    }

    func audit(_ organizationId: UUID, _ account: Account, _ action: String, _ detail: String, _ now: Date)
        -> AuditEvent
    {
        AuditEvent(
            organizationId: organizationId, actorId: account.id, actorName: account.displayName, action: action,
            detail: detail, at: now)
    }

    static func changedFields(from old: Organization, to new: Organization) -> [String] {
        var fields: [String] = []
        if old.name != new.name { fields.append("name") }
        if old.type != new.type { fields.append("type") }
        if old.country != new.country { fields.append("country") }
        if old.province != new.province { fields.append("province") }
        if old.city != new.city { fields.append("city") }
        if old.website != new.website { fields.append("website") }
        if old.size != new.size { fields.append("size") }
        if old.areas != new.areas { fields.append("areas") }
        if old.description != new.description { fields.append("description") }
        return fields
    }
}
