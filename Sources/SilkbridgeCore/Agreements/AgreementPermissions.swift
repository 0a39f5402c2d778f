import Foundation

/// What a person may do with an agreement: for each party organisation they belong to, and as a member of the
/// drafting organisation. The use case checks the same rules before each change, so a page that shows only these
/// forms never offers what would be refused.
public struct AgreementPermissions: Sendable, Equatable {
    public struct Party: Sendable, Equatable {
        public let organizationId: UUID
        /// Open for signature, this party has not signed, and the person is one of its signatories.
        public var sign: Bool
        /// Open for signature, but the person is not a signatory of this party.
        public var needsSignatory: Bool
        /// Open for signature, and the person is a signatory or an admin of this party.
        public var decline: Bool
        /// In force, and the person is a signatory or an admin of this party.
        public var terminate: Bool
    }

    /// The party organisations the person belongs to, in the agreement's order.
    public var parties: [Party]
    /// A draft or open for signature, and the person belongs to the drafting organisation.
    public var withdraw: Bool
}

extension Agreement {
    public var mayBeDeclined: Bool { state == .openForSignature }
    public var mayBeWithdrawn: Bool { state == .draft || state == .openForSignature }
    public func mayBeTerminated(at now: Date) -> Bool { status(at: now) == .inForce }
}

extension AgreementService {
    /// What `account` may do with the agreement, by the rules `sign`, `decline`, `terminate` and `withdraw` apply.
    public func permissions(on agreement: Agreement, for account: Account, now: Date = Date()) async throws
        -> AgreementPermissions
    {
        var parties: [AgreementPermissions.Party] = []
        for party in agreement.parties {
            guard let role = try await directory.role(of: account, in: party.organizationId) else { continue }
            let signatory = try await repository.signatories(of: party.organizationId).contains(account.id)
            let open = agreement.state == .openForSignature
            parties.append(
                AgreementPermissions.Party(
                    organizationId: party.organizationId,
                    sign: open && signatory && agreement.signature(of: party.organizationId) == nil,
                    needsSignatory: open && !signatory,
                    decline: agreement.mayBeDeclined && (signatory || role.managesMembers),
                    terminate: agreement.mayBeTerminated(at: now) && (signatory || role.managesMembers)))
        }
        let initiator = try await directory.role(of: account, in: agreement.initiatorId) != nil
        return AgreementPermissions(parties: parties, withdraw: agreement.mayBeWithdrawn && initiator)
    }
}
