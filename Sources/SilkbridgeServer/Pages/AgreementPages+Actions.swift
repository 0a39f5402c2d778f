import Foundation
import SilkbridgeCore

extension AgreementPages {
    /// The forms the viewer may use on this agreement, for each party organisation they belong to.
    func actions(for agreement: Agreement, account: Account, language: Language) async throws -> AgreementActions? {
        var mine: [AgreementActions.Party] = []
        for party in agreement.parties {
            guard let role = try await site.directory.role(of: account, in: party.organizationId) else { continue }
            let signatory = try await agreements.isSignatory(account, of: party.organizationId)
            let keys = try await site.organizationKeys.keys(of: party.organizationId).filter { !$0.isRevoked }
            let id = party.organizationId.uuidString.lowercased()
            let open = agreement.state == .openForSignature
            mine.append(
                AgreementActions.Party(
                    organizationId: id, name: party.name.best(for: language),
                    canSign: open && signatory && agreement.signature(of: party.organizationId) == nil,
                    needsSignatory: open && !signatory,
                    noKeys: keys.isEmpty,
                    keys: keys.map {
                        AgreementActions.Key(value: $0.id.uuidString.lowercased(), label: "\($0.name) (\($0.keyID))")
                    },
                    keysLink: SitePaths.organization(party.organizationId) + "#keys",
                    canDecline: open && (signatory || role.managesMembers),
                    canTerminate: agreement.status(at: Date()) == .inForce && (signatory || role.managesMembers)))
        }
        guard !mine.isEmpty else { return nil }
        let initiator = try await site.directory.role(of: account, in: agreement.initiatorId) != nil
        let id = agreement.id
        let message = AgreementDocument.signingMessage(
            agreementId: id, version: agreement.current.number, digest: agreement.current.digest)
        return AgreementActions(
            myParties: mine,
            isParty: true,
            isDraft: agreement.state == .draft,
            isOpen: agreement.state == .openForSignature,
            canWithdraw: [.draft, .openForSignature].contains(agreement.state) && initiator,
            editLink: AgreementPaths.edit(id),
            openAction: AgreementPaths.action(id, .open),
            withdrawAction: AgreementPaths.action(id, .withdraw),
            signAction: AgreementPaths.action(id, .signatures),
            declineAction: AgreementPaths.action(id, .decline),
            terminateAction: AgreementPaths.action(id, .terminate),
            signingMessage: String(decoding: message, as: UTF8.self),
            cliCommand: "silkbridge agreement sign --key YOUR.key --agreement \(id.uuidString.lowercased()) --url "
                + "https://… --token …")
    }
}

/// The forms of an agreement page for a member of one of its parties.
struct AgreementActions {
    struct Key {
        let value: String
        let label: String
    }

    struct Party {
        let organizationId: String
        let name: String
        let canSign: Bool
        let needsSignatory: Bool
        let noKeys: Bool
        let keys: [Key]
        let keysLink: String
        let canDecline: Bool
        let canTerminate: Bool
    }

    let myParties: [Party]
    let isParty: Bool
    let isDraft: Bool
    let isOpen: Bool
    let canWithdraw: Bool
    let editLink: String
    let openAction: String
    let withdrawAction: String
    let signAction: String
    let declineAction: String
    let terminateAction: String
    let signingMessage: String
    let cliCommand: String
}
