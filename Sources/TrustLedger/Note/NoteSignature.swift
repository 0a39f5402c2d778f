import Foundation

/// One signature line of a note: the key name, the key ID and the signature bytes that follow the key ID.
public struct NoteSignature: Hashable, Sendable {
    /// The signer's key name.
    public let name: String
    /// The signer's 32-bit key ID.
    public let keyID: UInt32
    /// The signature bytes after the key ID, whose format depends on the signature type.
    public let signature: Data

    private static let prefix: [UInt8] = Array("— ".utf8)

    /// Creates a signature from its parts.
    public init(name: String, keyID: UInt32, signature: Data) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// Parses a signature line without its trailing newline: `— <name> base64(key ID || signature)`.
    public init(line: some StringProtocol) throws(NoteError) {
        let bytes = Array(line.utf8)
        guard bytes.starts(with: Self.prefix) else { throw .malformedNote("signature line must start with an em dash") }
        let rest = bytes.dropFirst(Self.prefix.count)
        guard let space = rest.firstIndex(of: 0x20) else { throw .malformedNote("signature line lacks a signature") }
        let name = String(decoding: rest[..<space], as: UTF8.self)
        guard KeyName.isValid(name) else { throw .malformedNote("invalid key name in signature line") }
        let encoded = String(decoding: rest[(space + 1)...], as: UTF8.self)
        guard let raw = Base64.decode(encoded), raw.count >= 5 else {
            throw .malformedNote("signature is not canonical base64 of a key ID and signature")
        }
        self.name = name
        keyID = raw.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
        signature = Data(raw.dropFirst(4))
    }

    /// The line as it appears in a note, including the trailing newline.
    public var line: String {
        let id = withUnsafeBytes(of: keyID.bigEndian) { Data($0) }
        return "— \(name) \((id + signature).base64EncodedString())\n"
    }
}
