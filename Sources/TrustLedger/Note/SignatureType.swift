import Crypto
import Foundation

/// Signature type identifier bytes from the signed-note specification that this library supports.
public enum SignatureType: UInt8, Sendable {
    /// Ed25519 signatures over the note text (c2sp.org/signed-note).
    case ed25519 = 0x01
    /// Timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature v1).
    case cosignatureV1 = 0x04

    /// The key ID of a key of this type: the first four bytes of SHA-256(name || 0x0A || type || public key).
    public func keyID(name: String, publicKey: Data) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Data(name.utf8))
        hasher.update(data: [0x0A, rawValue])
        hasher.update(data: publicKey)
        return hasher.finalize().prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}
