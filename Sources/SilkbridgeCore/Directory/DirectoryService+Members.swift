import Foundation

extension DirectoryService {
    /// The organisations a person belongs to, with the role held in each.
    public func memberships(of account: Account) async throws -> [(Organization, Membership)] {
        let memberships = try await repository.memberships(of: account.id)
        let organizations = try await organizations(ids: Set(memberships.map(\.organizationId)))
        return memberships.compactMap { membership in organizations[membership.organizationId].map { ($0, membership) }
        }
    }

    /// The role the account holds in the organisation, if any.
    public func role(of account: Account?, in organizationId: UUID) async throws -> Role? {
        guard let account else { return nil }
        return try await repository.membership(of: account.id, in: organizationId)?.role
    }

    /// Members are visible to members only: who works where is not public.
    public func members(of organizationId: UUID, by account: Account) async throws -> [Membership] {
        _ = try await organization(id: organizationId)
        _ = try await requireRole(.member, of: account, in: organizationId)
        return try await repository.members(of: organizationId)
    }

    /// Adds a person by email: at once if they have an account whose address is verified, as an invitation
    /// otherwise. Whoever signs up with an address has not shown that it is theirs until they open the link mailed
    /// to it, so an invitation waits for that (`AccountRepository.verifyEmail`).
    public func addMember(
        email: String, role: Role, to organizationId: UUID, by account: Account, accounts: any AccountRepository,
        now: Date = Date()
    ) async throws -> Membership {
        _ = try await organization(id: organizationId)
        let caller = try await requireRole(.admin, of: account, in: organizationId)
        let email = EmailAddress.normalize(email)
        guard EmailAddress.isValid(email) else {
            throw ValidationError([
                FieldIssue("email", Message("is not a valid email address.", "不是有效的电子邮箱地址。"))
            ])
        }
        if role == .owner && caller.role != .owner { throw DirectoryError.roleTooLow(needed: .owner) }
        let existing = try await repository.members(of: organizationId)
        guard !existing.contains(where: { $0.email == email }) else { throw DirectoryError.alreadyMember }
        let found = try await accounts.find(email: email)?.account
        let invitee = found?.emailVerified == true ? found : nil
        let membership = Membership(
            id: UUID(), organizationId: organizationId, accountId: invitee?.id, email: email,
            displayName: invitee?.displayName, role: role, createdAt: now)
        // Someone not yet on the platform, or not yet verified, learns of the invitation by mail.
        let mail =
            invitee == nil
            ? DirectoryMails.invitation(
                to: email, known: found, into: try await organization(id: organizationId), as: role, by: account,
                link: links.signUp(email: email), now: now) : nil
        try await repository.save(
            membership,
            audit: audit(
                organizationId, account, invitee == nil ? "member.invited" : "member.added",
                "\(email) as \(role.rawValue)", now), mail: mail)
        return membership
    }

    /// Changes a member's role; admins manage members and admins, only owners touch ownership.
    public func changeRole(
        of memberId: UUID, to role: Role, in organizationId: UUID, by account: Account, now: Date = Date()
    ) async throws -> Membership {
        let (caller, target, all) = try await managedMember(memberId, in: organizationId, by: account)
        if (role == .owner || target.role == .owner) && caller.role != .owner {
            throw DirectoryError.roleTooLow(needed: .owner)
        }
        if target.role == .owner && role != .owner && Self.ownerCount(all) <= 1 { throw DirectoryError.lastOwner }
        var changed = target
        changed.role = role
        try await repository.save(
            changed,
            audit: audit(organizationId, account, "member.role-changed", "\(target.email) → \(role.rawValue)", now))
        return changed
    }

    /// Removes a member; anyone may leave, managers may remove others, owners only by owners.
    public func removeMember(_ memberId: UUID, from organizationId: UUID, by account: Account, now: Date = Date())
        async throws
    {
        _ = try await organization(id: organizationId)
        let caller = try await requireRole(.member, of: account, in: organizationId)
        let all = try await repository.members(of: organizationId)
        guard let target = all.first(where: { $0.id == memberId }) else { throw DirectoryError.memberNotFound }
        let leaving = target.id == caller.id
        if !leaving {
            guard caller.role.managesMembers else { throw DirectoryError.roleTooLow(needed: .admin) }
            if target.role == .owner && caller.role != .owner { throw DirectoryError.roleTooLow(needed: .owner) }
        }
        if target.role == .owner && Self.ownerCount(all) <= 1 { throw DirectoryError.lastOwner }
        try await repository.remove(
            target, audit: audit(organizationId, account, leaving ? "member.left" : "member.removed", target.email, now)
        )
    }

    /// The audit trail of an organisation, newest first; members only.
    public func auditTrail(of organizationId: UUID, by account: Account, page: Paging) async throws
        -> Paged<AuditEvent>
    {
        _ = try await organization(id: organizationId)
        _ = try await requireRole(.member, of: account, in: organizationId)
        return try await repository.auditTrail(of: organizationId, page: page)
    }

    private func managedMember(_ memberId: UUID, in organizationId: UUID, by account: Account) async throws -> (
        caller: Membership, target: Membership, all: [Membership]
    ) {
        _ = try await organization(id: organizationId)
        let caller = try await requireRole(.admin, of: account, in: organizationId)
        let all = try await repository.members(of: organizationId)
        guard let target = all.first(where: { $0.id == memberId }) else { throw DirectoryError.memberNotFound }
        return (caller, target, all)
    }

    private static func ownerCount(_ members: [Membership]) -> Int {
        members.filter { $0.role == .owner && !$0.isPending }.count
    }
}
