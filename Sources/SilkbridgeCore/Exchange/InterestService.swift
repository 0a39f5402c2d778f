import Foundation

/// Expressions of interest and their follow-up: sent by members of another organisation, answered by the
/// owners before a deadline, then a private thread and a pipeline both organisations advance. Nobody else
/// learns that an interest exists.
public struct InterestService: Sendable {
    static let maxMessageLength = 4000

    let repository: any InterestRepository
    let exchange: ExchangeService
    let directory: any DirectoryRepository

    public init(repository: any InterestRepository, exchange: ExchangeService, directory: any DirectoryRepository) {
        self.repository = repository
        self.exchange = exchange
        self.directory = directory
    }

    /// Expresses interest on behalf of an organisation the caller belongs to.
    public func send(
        on opportunityId: UUID, from organizationId: UUID, message: String, by account: Account, now: Date = Date()
    ) async throws -> Interest {
        let opportunity = try await exchange.opportunity(id: opportunityId, viewer: account)
        guard try await directory.membership(of: account.id, in: organizationId) != nil else {
            throw DirectoryError.notAMember
        }
        guard organizationId != opportunity.organizationId else { throw InterestError.ownOpportunity }
        guard opportunity.status(at: now) == .published else { throw InterestError.notPublished }
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        validator.checkText(text, field: "message", required: true, maxLength: Self.maxMessageLength)
        try validator.finish()
        let existing = try await repository.interests(inOpportunity: opportunityId, sentBy: [organizationId])
        if existing.contains(where: { [.pending, .accepted].contains($0.status(at: now)) }) {
            throw InterestError.alreadyInterested
        }
        let interest = Interest(
            id: UUID(), opportunityId: opportunityId, ownerOrganizationId: opportunity.organizationId,
            senderOrganizationId: organizationId, senderAccountId: account.id, message: text, state: .pending,
            replyBy: now.addingTimeInterval(Interest.defaultReplyPeriod), stage: nil, createdAt: now, updatedAt: now)
        try await repository.create(
            interest, audit: audits(interest, account, "interest.sent", now),
            notices: [notice(.interestReceived, interest, to: interest.ownerOrganizationId, account, now)])
        return interest
    }

    /// The interest, for members of either organisation only.
    public func interest(id: UUID, viewer: Account) async throws -> Interest {
        guard let interest = try await repository.interest(id: id),
            try await !organizations(of: viewer).isDisjoint(with: interest.parties)
        else { throw InterestError.interestNotFound }
        return interest
    }

    /// The interests in an opportunity the caller may see: all for its owners, their own for others.
    public func interests(inOpportunity opportunityId: UUID, viewer: Account) async throws -> [Interest] {
        let opportunity = try await exchange.opportunity(id: opportunityId, viewer: viewer)
        let mine = try await organizations(of: viewer)
        if mine.contains(opportunity.organizationId) {
            return try await repository.interests(inOpportunity: opportunityId, sentBy: nil)
        }
        guard !mine.isEmpty else { return [] }
        return try await repository.interests(inOpportunity: opportunityId, sentBy: mine)
    }

    /// Every interest the caller's organisations sent or received: their pipeline.
    public func pipeline(of viewer: Account) async throws -> [Interest] {
        let mine = try await organizations(of: viewer)
        guard !mine.isEmpty else { return [] }
        return try await repository.interests(involving: mine)
    }

    /// Accepts or declines, for members of the owning organisation, before the reply deadline.
    public func answer(id: UUID, accept: Bool, by account: Account, now: Date = Date()) async throws -> Interest {
        var interest = try await self.interest(id: id, viewer: account)
        try await requireMember(account, of: interest.ownerOrganizationId)
        let status = interest.status(at: now)
        guard status == .pending else { throw InterestError.notPending(status) }
        interest.state = accept ? .accepted : .declined
        interest.stage = accept ? .contact : nil
        interest.updatedAt = now
        try await repository.update(
            interest, audit: audits(interest, account, accept ? "interest.accepted" : "interest.declined", now),
            notices: [
                notice(
                    accept ? .interestAccepted : .interestDeclined, interest, to: interest.senderOrganizationId,
                    account, now)
            ])
        return interest
    }

    /// Moves the pipeline forward; members of either organisation may.
    public func advance(id: UUID, to stage: PipelineStage, by account: Account, now: Date = Date()) async throws
        -> Interest
    {
        var interest = try await self.interest(id: id, viewer: account)
        guard interest.state == .accepted, let current = interest.stage else { throw InterestError.notAccepted }
        guard stage > current else { throw InterestError.stageNotForward(current) }
        interest.stage = stage
        interest.updatedAt = now
        let mine = try await organizations(of: account)
        try await repository.update(
            interest, audit: audits(interest, account, "interest.stage.\(stage.rawValue)", now),
            notices: interest.parties.subtracting(mine).map { notice(.stageChanged, interest, to: $0, account, now) })
        return interest
    }

    /// The private thread, oldest first; members of either organisation, once accepted.
    public func messages(of id: UUID, viewer: Account) async throws -> [InterestMessage] {
        let interest = try await self.interest(id: id, viewer: viewer)
        guard interest.state == .accepted else { throw InterestError.notAccepted }
        return try await repository.messages(of: id)
    }

    /// Adds to the thread, signed with the organisation of the caller's that is party to the interest.
    public func post(_ body: String, to id: UUID, by account: Account, now: Date = Date()) async throws
        -> InterestMessage
    {
        let interest = try await self.interest(id: id, viewer: account)
        guard interest.state == .accepted else { throw InterestError.notAccepted }
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        validator.checkText(text, field: "body", required: true, maxLength: Self.maxMessageLength)
        try validator.finish()
        let mine = try await organizations(of: account)
        let organizationId =
            mine.contains(interest.ownerOrganizationId) ? interest.ownerOrganizationId : interest.senderOrganizationId
        let message = InterestMessage(
            id: UUID(), interestId: id, organizationId: organizationId, authorId: account.id,
            authorName: account.displayName, body: text, at: now)
        let other =
            organizationId == interest.ownerOrganizationId
            ? interest.senderOrganizationId : interest.ownerOrganizationId
        try await repository.add(message, notices: [notice(.messageReceived, interest, to: other, account, now)])
        return message
    }

    private func organizations(of account: Account) async throws -> Set<UUID> {
        Set(try await directory.memberships(of: account.id).filter { !$0.isPending }.map(\.organizationId))
    }

    private func requireMember(_ account: Account, of organizationId: UUID) async throws {
        guard try await directory.membership(of: account.id, in: organizationId) != nil else {
            throw DirectoryError.notAMember
        }
    }

    private func notice(
        _ kind: NoticeKind, _ interest: Interest, to organizationId: UUID, _ account: Account, _ now: Date
    )
        -> Notice
    {
        Notice(
            organizationId: organizationId, kind: kind, interestId: interest.id, opportunityId: interest.opportunityId,
            actorName: account.displayName, at: now)
    }

    /// The same event in the trail of both organisations.
    private func audits(_ interest: Interest, _ account: Account, _ action: String, _ now: Date) -> [AuditEvent] {
        [interest.ownerOrganizationId, interest.senderOrganizationId].map {
            AuditEvent(
                organizationId: $0, actorId: account.id, actorName: account.displayName, action: action,
                detail: "\(interest.id.uuidString.lowercased()) on \(interest.opportunityId.uuidString.lowercased())",
                at: now)
        }
    }
}
