import Crypto
import Foundation

/// The identity every Ed25519 verifier carries: a key name, its signature type, the key ID derived from both,
/// and the public key; with the verifier key string that encodes them.
struct NamedEd25519Key: Sendable {
    let name: String
    let type: SignatureType
    let keyID: UInt32
    let publicKey: Curve25519.Signing.PublicKey

    init(name: String, type: SignatureType, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        guard KeyName.isValid(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.type = type
        self.publicKey = publicKey
        keyID = type.keyID(name: name, publicKey: publicKey.rawRepresentation)
    }

    /// Parses `name+hex(id)+base64(type || public key)`, checking the type and the key ID.
    init(verifierKey: String, type: SignatureType) throws(NoteError) {
        let key = try KeyEncoding.decodeVerifierKey(verifierKey)
        guard key.type == type.rawValue else { throw .unsupportedSignatureType(key.type) }
        try self.init(name: key.name, type: type, publicKey: try KeyEncoding.ed25519PublicKey(key.material))
        guard keyID == key.keyID else { throw .keyIDMismatch(stated: key.keyID, computed: keyID) }
    }

    var verifierKey: String {
        KeyEncoding.encode(
            EncodedKey(name: name, keyID: keyID, type: type.rawValue, material: publicKey.rawRepresentation),
            isPrivate: false)
    }
}
