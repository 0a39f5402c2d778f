import Crypto
import Foundation

/// Verifies Ed25519 tlog-cosignature/v1 signatures (type 0x04) from one named cosigner.
public struct CosignatureVerifier: NoteVerifier {
    /// The cosigner's key name.
    public let name: String
    /// The key ID, computed with type byte 0x04.
    public let keyID: UInt32
    /// The cosigner's Ed25519 public key.
    public let publicKey: Curve25519.Signing.PublicKey

    /// Creates a verifier for a named cosigner public key.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        guard KeyName.isValid(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.publicKey = publicKey
        keyID = SignatureType.cosignatureV1.keyID(name: name, publicKey: publicKey.rawRepresentation)
    }

    /// Parses a verifier key `name+hex(id)+base64(0x04 || public key)`, checking its key ID.
    public init(verifierKey: String) throws(NoteError) {
        let key = try KeyEncoding.decodeVerifierKey(verifierKey)
        guard key.type == SignatureType.cosignatureV1.rawValue else { throw .unsupportedSignatureType(key.type) }
        try self.init(name: key.name, publicKey: try KeyEncoding.ed25519PublicKey(key.material))
        guard keyID == key.keyID else { throw .keyIDMismatch(stated: key.keyID, computed: keyID) }
    }

    /// The verifier key string.
    public var verifierKey: String {
        KeyEncoding.encode(
            EncodedKey(
                name: name, keyID: keyID, type: SignatureType.cosignatureV1.rawValue,
                material: publicKey.rawRepresentation),
            isPrivate: false)
    }

    /// Whether `signature` is a valid timestamped cosignature of the checkpoint text `message`.
    public func verify(_ message: Data, signature: Data) -> Bool {
        guard let cosignature = try? Cosignature(bytes: signature) else { return false }
        let signed = Cosignature.signedMessage(checkpointText: message, timestamp: cosignature.timestamp)
        return publicKey.isValidSignature(cosignature.signature, for: signed)
    }
}
