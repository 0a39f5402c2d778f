import Foundation

/// A key registration recorded before its ledger entry is appended, so that a crash between the two leaves a
/// trace to finish from instead of a ledger entry with no key.
public struct PendingKeyRegistration: Sendable, Hashable {
    /// The key as it will be listed; its `registrationIndex` is not known yet.
    public let key: OrganizationKey
    /// The exact ledger entry, to find it in the ledger or append it.
    public let entry: Data

    public init(key: OrganizationKey, entry: Data) {
        self.key = key
        self.entry = entry
    }

    /// The key once the ledger has given its entry this index.
    func registered(at index: UInt64) -> OrganizationKey {
        OrganizationKey(
            id: key.id, organizationId: key.organizationId, name: key.name, verifierKey: key.verifierKey,
            keyID: key.keyID, publicKey: key.publicKey, createdAt: key.createdAt, registrationIndex: index)
    }
}
