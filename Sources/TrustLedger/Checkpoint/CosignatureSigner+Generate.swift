import Crypto
import Foundation

extension CosignatureSigner {
    /// Creates a cosigner with a fresh random key.
    public static func generate(name: String) throws(NoteError) -> CosignatureSigner {
        try CosignatureSigner(name: name, privateKey: Curve25519.Signing.PrivateKey())
    }
}
