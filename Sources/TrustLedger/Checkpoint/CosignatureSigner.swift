import Crypto
import Foundation

/// Produces Ed25519 tlog-cosignature/v1 signatures (type 0x04) over checkpoint notes.
public struct CosignatureSigner: NoteSigner {
    /// The cosigner's key name.
    public let name: String
    /// The key ID, computed with type byte 0x04.
    public let keyID: UInt32
    /// The matching verifier.
    public let verifier: CosignatureVerifier
    private let privateKey: Curve25519.Signing.PrivateKey
    private let clock: @Sendable () -> UInt64

    /// Creates a cosigner; `clock` gives the current POSIX time in seconds.
    public init(
        name: String, privateKey: Curve25519.Signing.PrivateKey,
        clock: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }
    ) throws(NoteError) {
        verifier = try CosignatureVerifier(name: name, publicKey: privateKey.publicKey)
        self.name = name
        self.privateKey = privateKey
        self.clock = clock
        keyID = verifier.keyID
    }

    /// Parses a private key `PRIVATE+KEY+name+hex(id)+base64(0x04 || seed)`, checking its key ID.
    public init(
        privateKeyString: String,
        clock: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }
    ) throws(NoteError) {
        let key = try KeyEncoding.decodePrivateKey(privateKeyString)
        guard key.type == SignatureType.cosignatureV1.rawValue else { throw .unsupportedSignatureType(key.type) }
        try self.init(name: key.name, privateKey: try KeyEncoding.ed25519PrivateKey(key.material), clock: clock)
        guard keyID == key.keyID else { throw .keyIDMismatch(stated: key.keyID, computed: keyID) }
    }

    /// The private key string, to be kept secret; it uses type byte 0x04 like the verifier key.
    public var privateKeyString: String {
        KeyEncoding.encode(
            EncodedKey(
                name: name, keyID: keyID, type: SignatureType.cosignatureV1.rawValue,
                material: privateKey.rawRepresentation),
            isPrivate: true)
    }

    /// Cosigns checkpoint note text at the given time.
    public func cosign(_ checkpointText: Data, timestamp: UInt64) throws -> Cosignature {
        let message = Cosignature.signedMessage(checkpointText: checkpointText, timestamp: timestamp)
        return Cosignature(timestamp: timestamp, signature: try privateKey.signature(for: message))
    }

    /// Cosigns checkpoint note text at the clock's current time, returning the 72 signature bytes.
    public func sign(_ message: Data) throws -> Data {
        try cosign(message, timestamp: clock()).bytes
    }
}
