import Crypto
import Foundation

/// The parts of a verifier key `name+hex(id)+base64(type || key)` or of a private key with the
/// `PRIVATE+KEY+` prefix.
struct EncodedKey {
    let name: String
    let keyID: UInt32
    let type: UInt8
    let material: Data
}

/// Text encodings of note keys shared by every signature type.
enum KeyEncoding {
    static let privatePrefix = "PRIVATE+KEY+"

    static func decodeVerifierKey(_ text: String) throws(NoteError) -> EncodedKey {
        try decodeParts(text[...])
    }

    static func decodePrivateKey(_ text: String) throws(NoteError) -> EncodedKey {
        guard text.hasPrefix(privatePrefix) else { throw .malformedKey("private key lacks the PRIVATE+KEY+ prefix") }
        return try decodeParts(text.dropFirst(privatePrefix.count))
    }

    static func encode(_ key: EncodedKey, isPrivate: Bool) -> String {
        let body = "\(key.name)+\(hex(key.keyID))+\((Data([key.type]) + key.material).base64EncodedString())"
        return isPrivate ? privatePrefix + body : body
    }

    static func hex(_ keyID: UInt32) -> String {
        let digits = String(keyID, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    static func ed25519PublicKey(_ material: Data) throws(NoteError) -> Curve25519.Signing.PublicKey {
        guard material.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: material) else {
            throw .malformedKey("Ed25519 public key must be 32 bytes")
        }
        return key
    }

    static func ed25519PrivateKey(_ material: Data) throws(NoteError) -> Curve25519.Signing.PrivateKey {
        guard material.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: material) else {
            throw .malformedKey("Ed25519 seed must be 32 bytes")
        }
        return key
    }

    private static func decodeParts(_ text: Substring) throws(NoteError) -> EncodedKey {
        // Names and key IDs contain no plus, but base64 key material may.
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedKey("expected name+id+key") }
        guard KeyName.isValid(parts[0]) else { throw .invalidKeyName(String(parts[0])) }
        let hexDigits = parts[1].unicodeScalars
        guard hexDigits.count == 8, hexDigits.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }),
            let keyID = UInt32(parts[1], radix: 16)
        else { throw .malformedKey("key ID must be 8 lowercase hex digits") }
        guard let bytes = Base64.decode(parts[2]), let type = bytes.first else {
            throw .malformedKey("key material is not canonical base64")
        }
        return EncodedKey(name: String(parts[0]), keyID: keyID, type: type, material: Data(bytes.dropFirst()))
    }
}
