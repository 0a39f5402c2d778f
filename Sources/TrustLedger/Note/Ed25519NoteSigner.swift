import Crypto
import Foundation

/// Signs notes with an Ed25519 (type 0x01) key under a key name.
public struct Ed25519NoteSigner: NoteSigner {
    /// The key name.
    public let name: String
    /// The key ID derived from the name and public key.
    public let keyID: UInt32
    /// The matching verifier.
    public let verifier: Ed25519NoteVerifier
    private let privateKey: Curve25519.Signing.PrivateKey

    /// Creates a signer for a named private key.
    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) throws(NoteError) {
        verifier = try Ed25519NoteVerifier(name: name, publicKey: privateKey.publicKey)
        self.name = name
        self.privateKey = privateKey
        keyID = verifier.keyID
    }

    /// Parses a private key `PRIVATE+KEY+name+hex(id)+base64(0x01 || seed)`, checking its key ID.
    public init(privateKeyString: String) throws(NoteError) {
        let key = try KeyEncoding.decodePrivateKey(privateKeyString)
        guard key.type == SignatureType.ed25519.rawValue else { throw .unsupportedSignatureType(key.type) }
        try self.init(name: key.name, privateKey: try KeyEncoding.ed25519PrivateKey(key.material))
        guard keyID == key.keyID else { throw .keyIDMismatch(stated: key.keyID, computed: keyID) }
    }

    /// Creates a signer with a fresh random key.
    public static func generate(name: String) throws(NoteError) -> Ed25519NoteSigner {
        try Ed25519NoteSigner(name: name, privateKey: Curve25519.Signing.PrivateKey())
    }

    /// The private key string, to be kept secret.
    public var privateKeyString: String {
        KeyEncoding.encode(
            EncodedKey(
                name: name, keyID: keyID, type: SignatureType.ed25519.rawValue, material: privateKey.rawRepresentation),
            isPrivate: true)
    }

    /// Signs the note text.
    public func sign(_ message: Data) throws -> Data {
        try privateKey.signature(for: message)
    }
}
