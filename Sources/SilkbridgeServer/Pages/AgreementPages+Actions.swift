import Foundation
import SilkbridgeCore

extension AgreementPages {
    /// The forms the viewer may use on this agreement, for each party organisation they belong to.
    func actions(for agreement: Agreement, account: Account, language: Language) async throws -> AgreementActions? {
        let may = try await agreements.permissions(on: agreement, for: account)
        guard !may.parties.isEmpty else { return nil }
        var mine: [AgreementActions.Party] = []
        for party in may.parties {
            let keys = try await site.organizationKeys.keys(of: party.organizationId).filter { !$0.isRevoked }
            let name = agreement.parties.first { $0.organizationId == party.organizationId }?.name ?? LocalizedText()
            mine.append(
                AgreementActions.Party(
                    organizationId: party.organizationId.uuidString.lowercased(), name: name.best(for: language),
                    canSign: party.sign, needsSignatory: party.needsSignatory, noKeys: keys.isEmpty,
                    keys: keys.map {
                        AgreementActions.Key(value: $0.id.uuidString.lowercased(), label: "\($0.name) (\($0.keyID))")
                    },
                    keysLink: SitePaths.organization(party.organizationId) + "#keys", canDecline: party.decline,
                    canTerminate: party.terminate))
        }
        let id = agreement.id
        let message = AgreementDocument.signingMessage(
            agreementId: id, version: agreement.current.number, digest: agreement.current.digest)
        return AgreementActions(
            myParties: mine,
            isParty: true,
            isDraft: agreement.state == .draft,
            isOpen: agreement.state == .openForSignature,
            canWithdraw: may.withdraw,
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
