import Crypto
import Foundation
import SilkbridgeCore

/// The `Silkbridge-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>`.
/// Receivers recompute it, compare in constant time and refuse old timestamps.
public enum WebhookSignature {
    public static func header(secret: String, timestamp: Int, body: Data) -> String {
        "t=\(timestamp),v1=\(hex(secret: secret, timestamp: timestamp, body: body))"
    }

    public static func hex(secret: String, timestamp: Int, body: Data) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return code.hexadecimal
    }
}
