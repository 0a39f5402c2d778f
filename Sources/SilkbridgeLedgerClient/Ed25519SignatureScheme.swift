import Crypto
import Foundation
import SilkbridgeCore

/// Agreement digests and signature checks with swift-crypto.
package struct Ed25519SignatureScheme: SignatureScheme {
    package init() {}

    package func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).hexadecimal
    }

    package func isValid(signature: Data, of message: Data, publicKey: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
