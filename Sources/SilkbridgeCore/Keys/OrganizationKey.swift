import Foundation

/// An Ed25519 public key an organisation signs with; the private key stays with the organisation.
public struct OrganizationKey: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let organizationId: UUID
    /// The key name of the C2SP verifier key, such as `isar-energy.eu/signing-2026`.
    public let name: String
    /// The C2SP signed-note verifier key `name+keyid+base64(0x01 || key)`.
    public let verifierKey: String
    /// The 8 hex digits of the C2SP key ID.
    public let keyID: String
    /// The 32-byte Ed25519 public key.
    public let publicKey: Data
    public let createdAt: Date
    /// Where the registration was appended to the trust ledger.
    public let registrationIndex: UInt64
    public var revokedAt: Date?
    /// Where the revocation was appended to the trust ledger.
    public var revocationIndex: UInt64?

    public var isRevoked: Bool { revokedAt != nil }

    public init(
        id: UUID, organizationId: UUID, name: String, verifierKey: String, keyID: String, publicKey: Data,
        createdAt: Date, registrationIndex: UInt64, revokedAt: Date? = nil, revocationIndex: UInt64? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.name = name
        self.verifierKey = verifierKey
        self.keyID = keyID
        self.publicKey = publicKey
        self.createdAt = createdAt
        self.registrationIndex = registrationIndex
        self.revokedAt = revokedAt
        self.revocationIndex = revocationIndex
    }
}

/// A public key as submitted, once read: its C2SP name, verifier key, key ID and raw bytes.
public struct DecodedPublicKey: Sendable, Hashable {
    public let name: String
    public let verifierKey: String
    public let keyID: String
    public let publicKey: Data
    /// SHA-256 of the raw public key, in hex, as the ledger records it.
    public let digest: String

    public init(name: String, verifierKey: String, keyID: String, publicKey: Data, digest: String) {
        self.name = name
        self.verifierKey = verifierKey
        self.keyID = keyID
        self.publicKey = publicKey
        self.digest = digest
    }
}

/// Reads the notations an organisation may submit a key in: a C2SP verifier key, or base64 of the 32 raw bytes
/// with a separate key name. Implemented where cryptography is at hand; throws `ValidationError`.
public protocol PublicKeyDecoder: Sendable {
    func decode(_ text: String, name: String?) throws -> DecodedPublicKey
}

/// Appends entries to the trust ledger and returns each one's index once it is durable.
public protocol LedgerAppending: Sendable {
    func append(_ entry: Data) async throws -> UInt64
    /// The index of an entry already appended (or handed in and about to be), nil if there is none; for
    /// recovery after a crash, so it may be slow.
    func index(of entry: Data) async throws -> UInt64?
}

/// Where organisation keys live; each change is stored with its audit event. A registration is stored as
/// pending, with its ledger entry, before it is appended, and is listed only once its index is recorded.
public protocol OrganizationKeyRepository: Sendable {
    func insertPending(_ registration: PendingKeyRegistration, audit: AuditEvent) async throws
    func recordRegistration(of keyId: UUID, at index: UInt64) async throws
    /// Registrations whose ledger index is not recorded yet, of one organisation or, for nil, of all.
    func pendingRegistrations(of organizationId: UUID?) async throws -> [PendingKeyRegistration]
    func keys(of organizationId: UUID) async throws -> [OrganizationKey]
    func key(id: UUID, of organizationId: UUID) async throws -> OrganizationKey?
    func markRevoked(_ key: OrganizationKey, audit: AuditEvent) async throws
}
