import FluentKit
import Foundation
import SilkbridgeCore

final class OrganizationKeyRecord: Model, @unchecked Sendable {
    static let schema = "organization_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "name") var name: String
    @Field(key: "verifier_key") var verifierKey: String
    @Field(key: "key_id") var keyID: String
    @Field(key: "public_key") var publicKey: Data
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "registration_index") var registrationIndex: Int64
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revocation_index") var revocationIndex: Int64?
    /// The ledger entry of a registration whose index is not recorded yet; `registration_index` means nothing
    /// while it is set.
    @OptionalField(key: "registration_entry") var registrationEntry: Data?

    init() {}

    init(_ registration: PendingKeyRegistration) {
        let key = registration.key
        id = key.id
        organizationId = key.organizationId
        name = key.name
        verifierKey = key.verifierKey
        keyID = key.keyID
        publicKey = key.publicKey
        createdAt = key.createdAt
        registrationIndex = Int64(key.registrationIndex)
        revokedAt = key.revokedAt
        revocationIndex = key.revocationIndex.map(Int64.init)
        registrationEntry = registration.entry
    }

    var pending: PendingKeyRegistration? {
        registrationEntry.map { PendingKeyRegistration(key: key, entry: $0) }
    }

    var key: OrganizationKey {
        OrganizationKey(
            id: id!, organizationId: organizationId, name: name, verifierKey: verifierKey, keyID: keyID,
            publicKey: publicKey, createdAt: createdAt, registrationIndex: UInt64(registrationIndex),
            revokedAt: revokedAt, revocationIndex: revocationIndex.map(UInt64.init))
    }
}
