/// Reasons a note, signature line or key string is rejected.
public enum NoteError: Error, Hashable, Sendable {
    /// The note does not follow the signed-note format.
    case malformedNote(String)
    /// Text to be signed is empty, lacks a final newline or contains control characters.
    case invalidText(String)
    /// A key name is empty or contains a space, a plus or a control character.
    case invalidKeyName(String)
    /// A verifier key, private key or signature encoding is malformed.
    case malformedKey(String)
    /// A key string's type byte is not one this library supports for that use.
    case unsupportedSignatureType(UInt8)
    /// A key string's key ID does not match the one computed from its name and public key.
    case keyIDMismatch(stated: UInt32, computed: UInt32)
    /// The note carries more signature lines than `SignedNote.maxSignatures`.
    case tooManySignatures(Int)
    /// A signature from a known key does not verify, so the whole note is rejected.
    case invalidSignature(name: String, keyID: UInt32)
    /// No signature from a known key is present.
    case noVerifiedSignature
}
