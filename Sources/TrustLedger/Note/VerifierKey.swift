/// Parsing of verifier key strings of any supported signature type.
public enum VerifierKey {
    /// Parses `name+hex(id)+base64(type || key)` into an Ed25519 (0x01) or cosignature (0x04) verifier.
    public static func parse(_ text: String) throws(NoteError) -> any NoteVerifier {
        let key = try KeyEncoding.decodeVerifierKey(text)
        switch SignatureType(rawValue: key.type) {
        case .ed25519: return try Ed25519NoteVerifier(verifierKey: text)
        case .cosignatureV1: return try CosignatureVerifier(verifierKey: text)
        case nil: throw .unsupportedSignatureType(key.type)
        }
    }
}
