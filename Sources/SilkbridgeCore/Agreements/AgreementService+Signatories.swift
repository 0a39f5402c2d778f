import Foundation

extension AgreementService {
    /// The members who may sign for the organisation; members only.
    public func signatories(of organizationId: UUID, by account: Account) async throws -> [Membership] {
        let members = try await directory.members(of: organizationId, by: account)
        let signatories = try await repository.signatories(of: organizationId)
        return members.filter { $0.accountId.map(signatories.contains) ?? false }
    }

    /// Grants or withdraws the signatory role; owners only, as signing binds the whole organisation.
    public func setSignatory(
        _ memberId: UUID, of organizationId: UUID, granted: Bool, by account: Account, now: Date = Date()
    ) async throws -> Membership {
        _ = try await directory.organization(id: organizationId)
        _ = try await directory.requireRole(.owner, of: account, in: organizationId)
        let members = try await directory.repository.members(of: organizationId)
        guard let member = members.first(where: { $0.id == memberId }), let accountId = member.accountId else {
            throw AgreementError.memberNotFound
        }
        try await repository.setSignatory(
            accountId, of: organizationId, granted: granted,
            audit: directory.audit(
                organizationId, account, granted ? "signatory.granted" : "signatory.withdrawn", member.email, now))
        return member
    }
}

extension AgreementService {
    /// Whether the account may sign for the organisation.
    public func isSignatory(_ account: Account, of organizationId: UUID) async throws -> Bool {
        guard try await directory.role(of: account, in: organizationId) != nil else { return false }
        return try await repository.signatories(of: organizationId).contains(account.id)
    }
}
