import Foundation

/// The ledger entry for a key registration or revocation: canonical JSON (sorted keys, no spaces), versioned,
/// holding what a verifier needs and nothing personal, because the ledger can never forget.
struct KeyLedgerEntry: Encodable {
    static let version = 1

    let v = Self.version
    let type: String
    let organizationId: String
    let organizationName: String
    let keyId: String
    let keyName: String
    let verifierKey: String
    let publicKeySHA256: String
    let at: String

    static func registered(_ key: OrganizationKey, organization: Organization, digest: String) -> KeyLedgerEntry {
        KeyLedgerEntry(
            type: "organization.key.registered", key: key, organization: organization, digest: digest,
            at: key.createdAt)
    }

    static func revoked(_ key: OrganizationKey, organization: Organization, digest: String, at: Date)
        -> KeyLedgerEntry
    {
        KeyLedgerEntry(type: "organization.key.revoked", key: key, organization: organization, digest: digest, at: at)
    }

    private init(type: String, key: OrganizationKey, organization: Organization, digest: String, at: Date) {
        self.type = type
        organizationId = organization.id.uuidString.lowercased()
        organizationName = organization.name.best(for: .english)
        keyId = key.id.uuidString.lowercased()
        keyName = key.name
        verifierKey = key.verifierKey
        publicKeySHA256 = digest
        self.at = Self.timestamp(at)
    }

    /// RFC 3339 in UTC to the second: one spelling per instant.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    var data: Data {
        get throws { try CanonicalJSON.encode(self) }
    }
}
