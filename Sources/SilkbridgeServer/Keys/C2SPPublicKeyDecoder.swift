import Crypto
import Foundation
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeLedgerClient
import TrustLedger

/// Reads organisation public keys with TrustLedger's C2SP encodings: a signed-note verifier key
/// (`name+keyid+base64(0x01 || key)`), or base64 of the 32 raw Ed25519 bytes together with a key name.
struct C2SPPublicKeyDecoder: PublicKeyDecoder {
    func decode(_ text: String, name: String?) throws -> DecodedPublicKey {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = name?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let verifier: Ed25519NoteVerifier
        // Raw base64 may contain a plus too, so 32 decoded bytes decide first.
        let isRawKey = Data(base64Encoded: text)?.count == 32
        if !isRawKey && text.contains("+") && !text.hasPrefix(Self.privatePrefix) {
            do {
                verifier = try Ed25519NoteVerifier(verifierKey: text)
            } catch {
                throw Self.invalid(
                    "publicKey", "is not a valid Ed25519 verifier key (name+keyid+base64).",
                    "不是有效的 Ed25519 验证密钥（name+keyid+base64）。")
            }
            if let name, name != verifier.name {
                throw Self.invalid(
                    "name", "must match the name in the verifier key, \(verifier.name).",
                    "必须与验证密钥中的名称 \(verifier.name) 一致。")
            }
        } else {
            if text.hasPrefix(Self.privatePrefix) {
                throw Self.invalid(
                    "publicKey", "is a private key: send only the public key, and keep this one secret.",
                    "这是私钥：请只提交公钥，并妥善保管私钥。")
            }
            guard let raw = Data(base64Encoded: text), raw.count == 32,
                let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
            else {
                throw Self.invalid(
                    "publicKey", "must be base64 of a 32-byte Ed25519 public key, or a verifier key.",
                    "必须是 32 字节 Ed25519 公钥的 base64 编码，或验证密钥。")
            }
            guard let name else {
                throw Self.invalid(
                    "name", "is required with a base64 key, e.g. example.eu/signing-2026.",
                    "提交 base64 密钥时为必填项，例如 example.eu/signing-2026。")
            }
            guard name.count <= 100, let named = try? Ed25519NoteVerifier(name: name, publicKey: publicKey) else {
                throw Self.invalid(
                    "name", "must be at most 100 characters, without spaces or +.",
                    "最多 100 个字符，且不得包含空格或 +。")
            }
            verifier = named
        }
        let raw = verifier.publicKey.rawRepresentation
        return DecodedPublicKey(
            name: verifier.name, verifierKey: verifier.verifierKey,
            keyID: String(format: "%08x", verifier.keyID), publicKey: raw,
            digest: Ed25519SignatureScheme().sha256(raw))
    }

    private static let privatePrefix = "PRIVATE+KEY+"

    private static func invalid(_ field: String, _ english: String, _ chinese: String) -> ValidationError {
        ValidationError([FieldIssue(field, Message(english, chinese))])
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension LedgerHost: LedgerAppending {}
