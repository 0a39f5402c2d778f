import Crypto
import Foundation

/// Verifies Ed25519 tlog-cosignature/v1 signatures (type 0x04) from one named cosigner.
public struct CosignatureVerifier: NoteVerifier {
    private let key: NamedEd25519Key

    /// The key name.
    public var name: String { key.name }
    /// The key ID, derived from the name, the signature type and the public key.
    public var keyID: UInt32 { key.keyID }
    /// The Ed25519 public key.
    public var publicKey: Curve25519.Signing.PublicKey { key.publicKey }

    /// Creates a verifier for a named public key.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        key = try NamedEd25519Key(name: name, type: .cosignatureV1, publicKey: publicKey)
    }

    /// Parses a verifier key `name+hex(id)+base64(type || public key)`, checking its type and key ID.
    public init(verifierKey: String) throws(NoteError) {
        key = try NamedEd25519Key(verifierKey: verifierKey, type: .cosignatureV1)
    }

    /// The verifier key string.
    public var verifierKey: String { key.verifierKey }

    /// Whether `signature` is a valid timestamped cosignature of the checkpoint text `message`.
    public func verify(_ message: Data, signature: Data) -> Bool {
        guard let cosignature = try? Cosignature(bytes: signature) else { return false }
        let signed = Cosignature.signedMessage(checkpointText: message, timestamp: cosignature.timestamp)
        return publicKey.isValidSignature(cosignature.signature, for: signed)
    }
}
