import Foundation

/// Letters of intent, memoranda and other agreements: drafted in immutable versions by the parties' members,
/// frozen for signature, signed by each party with its own registered key, and recorded in the trust ledger.
/// Drafts and negotiations are seen by the parties only; agreements in force are public, their texts only when
/// the parties chose so.
public struct AgreementService: Sendable {
    let repository: any AgreementRepository
    let directory: DirectoryService
    let keys: any OrganizationKeyRepository
    let interests: any InterestRepository
    let ledger: any LedgerAppending
    let scheme: any SignatureScheme
    let catalog: ReferenceCatalog

    public init(
        repository: any AgreementRepository, directory: DirectoryService, keys: any OrganizationKeyRepository,
        interests: any InterestRepository, ledger: any LedgerAppending, scheme: any SignatureScheme,
        catalog: ReferenceCatalog
    ) {
        self.repository = repository
        self.directory = directory
        self.keys = keys
        self.interests = interests
        self.ledger = ledger
        self.scheme = scheme
        self.catalog = catalog
    }

    /// Drafts a new agreement on behalf of an organisation the caller belongs to.
    public func create(_ input: NewAgreement, by account: Account, now: Date = Date()) async throws -> Agreement {
        _ = try await directory.requireRole(.member, of: account, in: input.organizationId)
        let partyIds = AgreementValidator.unique([input.organizationId] + input.partyIds)
        guard (2...AgreementValidator.maxParties).contains(partyIds.count) else {
            throw ValidationError([
                FieldIssue(
                    "parties",
                    Message(
                        "must name 1 to \(AgreementValidator.maxParties - 1) other organisations.",
                        "必须列出 1 到 \(AgreementValidator.maxParties - 1) 个其他机构。"))
            ])
        }
        var parties: [AgreementParty] = []
        for (index, id) in partyIds.enumerated() {
            guard let organization = try? await directory.organization(id: id) else {
                throw ValidationError([
                    FieldIssue("parties[\(index - 1)]", Message("is not an organisation.", "不是已登记的机构。"))
                ])
            }
            parties.append(AgreementParty(organizationId: id, name: organization.name, side: organization.side))
        }
        if let interestId = input.interestId { try await checkOrigin(interestId, parties: Set(partyIds)) }
        let content = try AgreementValidator(catalog: catalog).apply(input.content, to: nil)
        let id = UUID()
        let version = try makeVersion(
            1, of: id, kind: input.kind, parties: parties, content: content, by: account, now: now)
        let agreement = Agreement(
            id: id, kind: input.kind, visibility: input.visibility, parties: parties,
            initiatorId: input.organizationId, interestId: input.interestId, firstVersion: version, createdAt: now)
        try await repository.insert(
            agreement, audit: audits(agreement, account, "agreement.drafted", "\(input.kind.rawValue) v1", now))
        return agreement
    }

    /// An agreement as the viewer may see it: in the register for anyone, otherwise to the parties' members.
    public func agreement(id: UUID, viewer: Account?) async throws -> Agreement {
        guard let agreement = try await repository.agreement(id: id) else { throw AgreementError.agreementNotFound }
        if AgreementStatus.registered.contains(agreement.state) { return agreement }
        guard try await partyMembership(of: viewer, in: agreement) != nil else {
            throw AgreementError.agreementNotFound
        }
        return agreement
    }

    /// Whether the viewer may read the text: parties always, others when it is public and the agreement is made.
    public func mayReadText(of agreement: Agreement, viewer: Account?) async throws -> Bool {
        if Self.textIsPublic(agreement) { return true }
        return try await partyMembership(of: viewer, in: agreement) != nil
    }

    /// The same answer for a list: the viewer's organisations are read once, not per agreement and party.
    public func readableTexts(of agreements: [Agreement], viewer: Account?) async throws -> Set<UUID> {
        var organizations = Set<UUID>()
        if let viewer { organizations = Set(try await directory.memberships(of: viewer).map(\.0.id)) }
        return Set(
            agreements.filter { agreement in
                Self.textIsPublic(agreement) || agreement.parties.contains { organizations.contains($0.organizationId) }
            }.map(\.id))
    }

    private static func textIsPublic(_ agreement: Agreement) -> Bool {
        agreement.visibility == .publicText && AgreementStatus.registered.contains(agreement.state)
    }

    /// Every version of an agreement, drafts included; the parties' members only.
    public func versions(of id: UUID, viewer: Account) async throws -> [AgreementVersion] {
        let agreement = try await agreement(id: id, viewer: viewer)
        guard try await partyMembership(of: viewer, in: agreement) != nil else { throw AgreementError.notAParty }
        return agreement.versions
    }

    /// The agreements of the caller's organisations, in every state.
    public func agreements(of account: Account) async throws -> [Agreement] {
        let organizations = Set(try await directory.memberships(of: account).map(\.0.id))
        guard !organizations.isEmpty else { return [] }
        return try await repository.agreements(involving: organizations)
    }

    /// A new version of a draft; members of any party.
    public func revise(_ id: UUID, with input: AgreementContentInput, by account: Account, now: Date = Date())
        async throws -> Agreement
    {
        try await change(id, by: account, now: now) { agreement, _ in
            guard agreement.state == .draft else { throw Self.notDraft(agreement, now: now) }
            let content = try AgreementValidator(catalog: catalog).apply(input, to: agreement.latest.content)
            let number = agreement.latest.number + 1
            agreement.versions.append(
                try makeVersion(
                    number, of: agreement.id, kind: agreement.kind, parties: agreement.parties, content: content,
                    by: account, now: now))
            return audits(agreement, account, "agreement.revised", "v\(number)", now)
        }
    }

    /// Freezes the latest version for signature; members of any party.
    public func open(_ id: UUID, by account: Account, now: Date = Date()) async throws -> Agreement {
        try await change(
            id, by: account, now: now,
            notice: { _, membership in (.agreementAwaitingSignature, membership.organizationId) }
        ) { agreement, _ in
            guard agreement.state == .draft else { throw Self.notDraft(agreement, now: now) }
            agreement.state = .openForSignature
            agreement.frozenVersion = agreement.latest.number
            agreement.openedAt = now
            return audits(
                agreement, account, "agreement.opened", "v\(agreement.latest.number) \(agreement.latest.digest)", now)
        }
    }

    /// Withdraws a draft or an agreement open for signature; members of the drafting organisation.
    public func withdraw(_ id: UUID, by account: Account, now: Date = Date()) async throws -> Agreement {
        try await change(id, by: account, now: now) { agreement, _ in
            guard agreement.mayBeWithdrawn else { throw AgreementError.finished(agreement.status(at: now)) }
            guard try await directory.role(of: account, in: agreement.initiatorId) != nil else {
                throw AgreementError.onlyInitiatorWithdraws
            }
            agreement.state = .withdrawn
            return audits(agreement, account, "agreement.withdrawn", "", now)
        }
    }

    static func notDraft(_ agreement: Agreement, now: Date) -> AgreementError {
        agreement.state == .openForSignature ? .frozen : .finished(agreement.status(at: now))
    }

    /// Applies a change to the stored agreement, retrying when another change landed in between. The body gets
    /// the caller's membership in one of the parties and returns the audit events to store with the change;
    /// `notice` names what the other parties are told, and the party acting, who is not told.
    func change(
        _ id: UUID, by account: Account, now: Date,
        notice: (Agreement, Membership) -> (kind: NoticeKind, actingFor: UUID?)? = { _, _ in nil },
        _ body: (inout Agreement, Membership) async throws -> [AuditEvent]
    ) async throws -> Agreement {
        for _ in 0..<8 {
            var agreement = try await agreement(id: id, viewer: account)
            guard let membership = try await partyMembership(of: account, in: agreement) else {
                throw AgreementError.notAParty
            }
            let audit = try await body(&agreement, membership)
            agreement.revision += 1
            agreement.updatedAt = now
            let notices = notice(agreement, membership).map { kind, actingFor in
                agreement.parties.filter { $0.organizationId != actingFor }.map {
                    Notice(
                        organizationId: $0.organizationId, kind: kind, agreementId: agreement.id,
                        actorName: account.displayName, at: now)
                }
            }
            if try await repository.update(agreement, audit: audit, notices: notices ?? []) { return agreement }
        }
        throw AgreementError.busy
    }

    /// The viewer's membership in the first party organisation they belong to.
    func partyMembership(of viewer: Account?, in agreement: Agreement) async throws -> Membership? {
        guard let viewer else { return nil }
        for party in agreement.parties {
            if let membership = try await directory.repository.membership(of: viewer.id, in: party.organizationId) {
                return membership
            }
        }
        return nil
    }

    /// One audit event per party, so each organisation's trail tells the whole story.
    func audits(_ agreement: Agreement, _ account: Account, _ action: String, _ detail: String, _ now: Date)
        -> [AuditEvent]
    {
        let title = agreement.latest.content.title.best(for: .english)
        return agreement.parties.map {
            directory.audit(
                $0.organizationId, account, action, "\(title) \(detail)".trimmingCharacters(in: .whitespaces), now)
        }
    }

    private func makeVersion(
        _ number: Int, of id: UUID, kind: AgreementKind, parties: [AgreementParty], content: AgreementContent,
        by account: Account, now: Date
    ) throws -> AgreementVersion {
        let document = try AgreementDocument(
            agreementId: id, version: number, kind: kind, parties: parties, content: content
        ).data
        return AgreementVersion(
            number: number, content: content, document: document, digest: scheme.sha256(document),
            authorName: account.displayName, createdAt: now)
    }

    /// An agreement grows out of an interest between two of its parties; any other link would be made up.
    private func checkOrigin(_ interestId: UUID, parties: Set<UUID>) async throws {
        guard let interest = try await interests.interest(id: interestId),
            parties.contains(interest.ownerOrganizationId), parties.contains(interest.senderOrganizationId)
        else {
            throw ValidationError([
                FieldIssue(
                    "interestId",
                    Message(
                        "is not an expression of interest between these parties.", "不是这些协议方之间的合作意向。"))
            ])
        }
    }
}
