import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// Organisations' signing keys, registered in the ledger.
protocol KeysAPI: FeatureAPI {
    var organizationKeys: OrganizationKeyService { get }
}

extension KeysAPI {
    func listOrganizationKeys(_ input: Operations.ListOrganizationKeys.Input) async throws
        -> Operations.ListOrganizationKeys.Output
    {
        let keys = try await organizationKeys.keys(of: try organizationId(input.path.organizationId))
        return .ok(.init(body: .json(.init(items: keys.map(Components.Schemas.OrganizationKey.init)))))
    }

    func registerOrganizationKey(_ input: Operations.RegisterOrganizationKey.Input) async throws
        -> Operations.RegisterOrganizationKey.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let key = try await organizationKeys.register(
            publicKey: body.publicKey, name: body.name, for: try organizationId(input.path.organizationId),
            by: account)
        return .created(.init(body: .json(.init(key))))
    }

    func revokeOrganizationKey(_ input: Operations.RevokeOrganizationKey.Input) async throws
        -> Operations.RevokeOrganizationKey.Output
    {
        let key = try await organizationKeys.revoke(
            try id(input.path.keyId, else: KeyError.keyNotFound), of: try organizationId(input.path.organizationId),
            by: try requireAccount())
        return .ok(.init(body: .json(.init(key))))
    }
}

extension Components.Schemas.OrganizationKey {
    init(_ key: OrganizationKey) {
        self.init(
            id: key.id.uuidString.lowercased(), organizationId: key.organizationId.uuidString.lowercased(),
            name: key.name, verifierKey: key.verifierKey, keyId: key.keyID,
            publicKey: key.publicKey.base64EncodedString(), createdAt: key.createdAt,
            ledgerIndex: Int64(key.registrationIndex), revoked: key.isRevoked, revokedAt: key.revokedAt,
            revocationLedgerIndex: key.revocationIndex.map(Int64.init))
    }
}
