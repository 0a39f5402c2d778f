import Crypto
import Foundation

/// Verifies Ed25519 (type 0x01) note signatures made by one named key.
public struct Ed25519NoteVerifier: NoteVerifier {
    /// The key name.
    public let name: String
    /// The key ID derived from the name and public key.
    public let keyID: UInt32
    /// The Ed25519 public key.
    public let publicKey: Curve25519.Signing.PublicKey

    /// Creates a verifier for a named public key.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        guard KeyName.isValid(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.publicKey = publicKey
        keyID = SignatureType.ed25519.keyID(name: name, publicKey: publicKey.rawRepresentation)
    }

    /// Parses a verifier key `name+hex(id)+base64(0x01 || public key)`, checking its key ID.
    public init(verifierKey: String) throws(NoteError) {
        let key = try KeyEncoding.decodeVerifierKey(verifierKey)
        guard key.type == SignatureType.ed25519.rawValue else { throw .unsupportedSignatureType(key.type) }
        try self.init(name: key.name, publicKey: try KeyEncoding.ed25519PublicKey(key.material))
        guard keyID == key.keyID else { throw .keyIDMismatch(stated: key.keyID, computed: keyID) }
    }

    /// The verifier key string.
    public var verifierKey: String {
        KeyEncoding.encode(
            EncodedKey(
                name: name, keyID: keyID, type: SignatureType.ed25519.rawValue, material: publicKey.rawRepresentation),
            isPrivate: false)
    }

    /// Whether `signature` is a valid Ed25519 signature of `message`.
    public func verify(_ message: Data, signature: Data) -> Bool {
        signature.count == 64 && publicKey.isValidSignature(signature, for: message)
    }
}
