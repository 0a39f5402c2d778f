import Crypto
import Foundation

/// Verifies Ed25519 (type 0x01) note signatures made by one named key.
public struct Ed25519NoteVerifier: NoteVerifier {
    private let key: NamedEd25519Key

    /// The key name.
    public var name: String { key.name }
    /// The key ID, derived from the name, the signature type and the public key.
    public var keyID: UInt32 { key.keyID }
    /// The Ed25519 public key.
    public var publicKey: Curve25519.Signing.PublicKey { key.publicKey }

    /// Creates a verifier for a named public key.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        key = try NamedEd25519Key(name: name, type: .ed25519, publicKey: publicKey)
    }

    /// Parses a verifier key `name+hex(id)+base64(type || public key)`, checking its type and key ID.
    public init(verifierKey: String) throws(NoteError) {
        key = try NamedEd25519Key(verifierKey: verifierKey, type: .ed25519)
    }

    /// The verifier key string.
    public var verifierKey: String { key.verifierKey }

    /// Whether `signature` is a valid Ed25519 signature of `message`.
    public func verify(_ message: Data, signature: Data) -> Bool {
        signature.count == 64 && publicKey.isValidSignature(signature, for: message)
    }
}
