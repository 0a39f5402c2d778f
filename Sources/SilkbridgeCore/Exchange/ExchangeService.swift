import Foundation

/// The cooperation exchange: organisations publish what they offer and seek. Members of the owning
/// organisation create and edit; drafts are visible only to them.
public struct ExchangeService: Sendable {
    let repository: any ExchangeRepository
    let directory: any DirectoryRepository
    let catalog: ReferenceCatalog
    /// Told of every write, so this process's search answers with it at once.
    let indexing: (any SearchIndexing)?

    public init(
        repository: any ExchangeRepository, directory: any DirectoryRepository, catalog: ReferenceCatalog,
        indexing: (any SearchIndexing)? = nil
    ) {
        self.repository = repository
        self.directory = directory
        self.catalog = catalog
        self.indexing = indexing
    }

    /// Drafts an opportunity for an organisation the caller belongs to.
    public func create(
        _ input: OpportunityInput, for organizationId: UUID, by account: Account, now: Date = Date()
    ) async throws -> Opportunity {
        guard let organization = try await directory.organization(id: organizationId) else {
            throw DirectoryError.organizationNotFound
        }
        try await requireMember(account, of: organizationId)
        var missing = Validator()
        if input.type == nil { missing.add("type", Message("is required.", "为必填项。")) }
        let blank = Opportunity(
            id: UUID(), organizationId: organizationId, side: organization.side, country: organization.country,
            type: input.type ?? .businessOffer, title: LocalizedText(), summary: LocalizedText(),
            description: LocalizedText(), areas: [], subtopics: [], targetSides: [], targetCountries: [],
            partnershipTypes: [], stage: nil, ipStatus: nil, amount: nil, deadline: nil, state: .draft,
            publishedAt: nil, expiresAt: nil, createdAt: now, updatedAt: now)
        let opportunity: Opportunity
        do {
            opportunity = try OpportunityValidator(catalog: catalog).apply(input, to: blank, now: now)
            try missing.finish()
        } catch {
            throw ValidationError(missing.issues + error.issues)
        }
        try await repository.create(
            opportunity,
            audit: audit(opportunity, account, "opportunity.created", opportunity.title.best(for: .english), now))
        await indexing?.changed(opportunity)
        return opportunity
    }

    /// The opportunity, if the caller may see it: drafts only to members of the owning organisation.
    public func opportunity(id: UUID, viewer: Account?) async throws -> Opportunity {
        guard let opportunity = try await repository.opportunity(id: id) else {
            throw ExchangeError.opportunityNotFound
        }
        if opportunity.state == .draft {
            guard let viewer, try await isMember(viewer, of: opportunity.organizationId) else {
                throw ExchangeError.opportunityNotFound
            }
        }
        return opportunity
    }

    /// A page of opportunities; drafts are listed only from the caller's organisations.
    public func list(_ filter: OpportunityFilter, viewer: Account?, page: Paging, now: Date = Date()) async throws
        -> Paged<Opportunity>
    {
        var draftsOf = Set<UUID>()
        if filter.status == .draft, let viewer {
            draftsOf = Set(try await directory.memberships(of: viewer.id).map(\.organizationId))
        }
        return try await repository.opportunities(matching: filter, draftsOf: draftsOf, now: now, page: page)
    }

    /// Applies the fields given; members only, and not once closed or expired.
    public func update(id: UUID, with input: OpportunityInput, by account: Account, now: Date = Date()) async throws
        -> Opportunity
    {
        let current = try await editable(id: id, by: account)
        guard current.permissions(at: now).edit else { throw ExchangeError.notEditable(current.status(at: now)) }
        var updated = try OpportunityValidator(catalog: catalog).apply(input, to: current, now: now)
        let changed = Self.changedFields(from: current, to: updated)
        guard !changed.isEmpty else { return current }
        updated.updatedAt = now
        try await refreshOwner(of: &updated)
        try await repository.update(
            updated, audit: audit(updated, account, "opportunity.updated", changed.joined(separator: ", "), now))
        await indexing?.changed(updated)
        return updated
    }

    /// What `viewer` may do with the opportunity: what its state allows, for members of its organisation only.
    public func permissions(on opportunity: Opportunity, for viewer: Account?, now: Date = Date()) async throws
        -> OpportunityPermissions
    {
        guard let viewer, try await isMember(viewer, of: opportunity.organizationId) else { return .none }
        return opportunity.permissions(at: now)
    }

    /// Makes a draft visible to everyone for twelve months.
    public func publish(id: UUID, by account: Account, now: Date = Date()) async throws -> Opportunity {
        var opportunity = try await editable(id: id, by: account)
        guard opportunity.permissions(at: now).publish else {
            throw ExchangeError.cannotPublish(opportunity.status(at: now))
        }
        opportunity.state = .published
        opportunity.publishedAt = now
        opportunity.expiresAt = Opportunity.expiry(after: now)
        return try await save(opportunity, by: account, action: "opportunity.published", now: now)
    }

    /// Gives a published or expired opportunity twelve more months from now.
    public func renew(id: UUID, by account: Account, now: Date = Date()) async throws -> Opportunity {
        var opportunity = try await editable(id: id, by: account)
        guard opportunity.permissions(at: now).renew else {
            throw ExchangeError.cannotRenew(opportunity.status(at: now))
        }
        opportunity.expiresAt = Opportunity.expiry(after: now)
        return try await save(opportunity, by: account, action: "opportunity.renewed", now: now)
    }

    /// Ends an opportunity for good.
    public func close(id: UUID, by account: Account, now: Date = Date()) async throws -> Opportunity {
        var opportunity = try await editable(id: id, by: account)
        guard opportunity.permissions(at: now).close else { throw ExchangeError.alreadyClosed }
        opportunity.state = .closed
        return try await save(opportunity, by: account, action: "opportunity.closed", now: now)
    }

    private func save(_ opportunity: Opportunity, by account: Account, action: String, now: Date) async throws
        -> Opportunity
    {
        var changed = opportunity
        changed.updatedAt = now
        try await refreshOwner(of: &changed)
        try await repository.update(
            changed, audit: audit(changed, account, action, changed.title.best(for: .english), now))
        await indexing?.changed(changed)
        return changed
    }

    /// The opportunity, if the caller is a member of its organisation; others learn nothing of drafts.
    private func editable(id: UUID, by account: Account) async throws -> Opportunity {
        let opportunity = try await self.opportunity(id: id, viewer: account)
        try await requireMember(account, of: opportunity.organizationId)
        return opportunity
    }

    /// Keeps the copied side and country in step with the organisation.
    private func refreshOwner(of opportunity: inout Opportunity) async throws {
        if let organization = try await directory.organization(id: opportunity.organizationId) {
            opportunity.side = organization.side
            opportunity.country = organization.country
        }
    }

    private func isMember(_ account: Account, of organizationId: UUID) async throws -> Bool {
        try await directory.membership(of: account.id, in: organizationId) != nil
    }

    private func requireMember(_ account: Account, of organizationId: UUID) async throws {
        guard try await isMember(account, of: organizationId) else { throw DirectoryError.notAMember }
    }

    private func audit(_ opportunity: Opportunity, _ account: Account, _ action: String, _ detail: String, _ now: Date)
        -> AuditEvent
    {
        AuditEvent(
            organizationId: opportunity.organizationId, actorId: account.id, actorName: account.displayName,
            action: action, detail: "\(opportunity.id.uuidString.lowercased()): \(detail)", at: now)
    }

    static func changedFields(from old: Opportunity, to new: Opportunity) -> [String] {
        var fields: [String] = []
        if old.type != new.type { fields.append("type") }
        if old.title != new.title { fields.append("title") }
        if old.summary != new.summary { fields.append("summary") }
        if old.description != new.description { fields.append("description") }
        if old.areas != new.areas { fields.append("areas") }
        if old.subtopics != new.subtopics { fields.append("subtopics") }
        if old.targetSides != new.targetSides { fields.append("targetSides") }
        if old.targetCountries != new.targetCountries { fields.append("targetCountries") }
        if old.partnershipTypes != new.partnershipTypes { fields.append("partnershipTypes") }
        if old.stage != new.stage { fields.append("stage") }
        if old.ipStatus != new.ipStatus { fields.append("ipStatus") }
        if old.amount != new.amount { fields.append("amount") }
        if old.deadline != new.deadline { fields.append("deadline") }
        return fields
    }
}
