import Foundation

/// A party's Ed25519 signature over the signing message of a frozen version, made with one of its registered
/// keys by a person with the signatory role, and where it was appended to the ledger.
public struct AgreementSignature: Sendable, Hashable, Codable {
    public let organizationId: UUID
    public let version: Int
    public let keyId: UUID
    /// The key's C2SP verifier key, as registered.
    public let verifierKey: String
    /// Where the key's registration sits in the ledger.
    public let keyLedgerIndex: UInt64
    /// The 64-byte Ed25519 signature.
    public let signature: Data
    public let signerId: UUID
    public let signerName: String
    public let signedAt: Date
    /// Where the signature was appended to the ledger.
    public var ledgerIndex: UInt64

    public init(
        organizationId: UUID, version: Int, keyId: UUID, verifierKey: String, keyLedgerIndex: UInt64,
        signature: Data, signerId: UUID, signerName: String, signedAt: Date, ledgerIndex: UInt64
    ) {
        self.organizationId = organizationId
        self.version = version
        self.keyId = keyId
        self.verifierKey = verifierKey
        self.keyLedgerIndex = keyLedgerIndex
        self.signature = signature
        self.signerId = signerId
        self.signerName = signerName
        self.signedAt = signedAt
        self.ledgerIndex = ledgerIndex
    }
}

/// Hashing and signature checks, done where cryptography is at hand.
public protocol SignatureScheme: Sendable {
    /// SHA-256 in lowercase hex.
    func sha256(_ data: Data) -> String
    /// Whether `signature` is a valid Ed25519 signature of `message` by the 32-byte `publicKey`.
    func isValid(signature: Data, of message: Data, publicKey: Data) -> Bool
}
