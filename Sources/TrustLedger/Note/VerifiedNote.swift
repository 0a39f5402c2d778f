/// A note whose signatures were checked against a set of known keys.
public struct VerifiedNote: Hashable, Sendable {
    /// The note text, including its final newline.
    public let text: String
    /// Signatures from known keys, all of which verified.
    public let verifiedSignatures: [NoteSignature]
    /// Signatures from unknown keys, ignored as the specification requires.
    public let unverifiedSignatures: [NoteSignature]
}
