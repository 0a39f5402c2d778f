import Foundation

/// A C2SP signed note: text ending in a newline, a blank line, then one or more signature lines.
public struct SignedNote: Hashable, Sendable {
    /// The most signature lines accepted in one note; the specification requires accepting at least 16.
    public static let maxSignatures = 100

    /// The note text, including its final newline.
    public var text: String
    /// The signature lines, in order.
    public var signatures: [NoteSignature]

    /// Creates a note from its text and signatures.
    public init(text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Parses a note's structure without checking any signature.
    public init(parsing data: Data) throws(NoteError) {
        let bytes = [UInt8](data)
        guard !bytes.contains(where: { $0 < 0x20 && $0 != 0x0A }) else {
            throw .malformedNote("control character other than newline")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .malformedNote("not valid UTF-8") }
        // The text ends at the last blank line, so the text itself may contain blank lines.
        guard let split = bytes.indices.dropLast().last(where: { bytes[$0] == 0x0A && bytes[$0 + 1] == 0x0A }) else {
            throw .malformedNote("no blank line before the signatures")
        }
        let signatureBlock = bytes[(split + 2)...]
        guard signatureBlock.last == 0x0A else { throw .malformedNote("signature block must end with a newline") }
        let lines = signatureBlock.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count <= Self.maxSignatures else { throw .tooManySignatures(lines.count) }
        text = String(decoding: bytes[...split], as: UTF8.self)
        signatures = try lines.map { line throws(NoteError) in
            try NoteSignature(line: String(decoding: line, as: UTF8.self))
        }
    }

    /// The note as bytes: text, blank line, signature lines.
    public var serialized: Data {
        Data((text + "\n" + signatures.map(\.line).joined()).utf8)
    }

    /// Signs `text` with each signer in turn.
    public static func sign(text: String, signers: [any NoteSigner]) throws -> SignedNote {
        try validate(text: text)
        let message = Data(text.utf8)
        let signatures = try signers.map { signer in
            NoteSignature(name: signer.name, keyID: signer.keyID, signature: try signer.sign(message))
        }
        return SignedNote(text: text, signatures: signatures)
    }

    /// Parses a note and verifies it against known keys in one step.
    public static func open(_ data: Data, verifiers: [any NoteVerifier]) throws(NoteError) -> VerifiedNote {
        try SignedNote(parsing: data).verify(using: verifiers)
    }

    /// Verifies the note: signatures from unknown keys are set aside, every known key's signature must
    /// verify, and at least one must be present.
    public func verify(using verifiers: [any NoteVerifier]) throws(NoteError) -> VerifiedNote {
        guard signatures.count <= Self.maxSignatures else { throw .tooManySignatures(signatures.count) }
        try Self.validate(text: text)
        let message = Data(text.utf8)
        var verified: [NoteSignature] = []
        var unverified: [NoteSignature] = []
        for signature in signatures {
            let candidates = verifiers.filter { $0.name == signature.name && $0.keyID == signature.keyID }
            if candidates.isEmpty {
                if !unverified.contains(signature) { unverified.append(signature) }
                continue
            }
            // A key's first signature decides; repeated lines from the same key are ignored.
            if verified.contains(where: { $0.name == signature.name && $0.keyID == signature.keyID }) { continue }
            guard candidates.contains(where: { $0.verify(message, signature: signature.signature) }) else {
                throw .invalidSignature(name: signature.name, keyID: signature.keyID)
            }
            verified.append(signature)
        }
        guard !verified.isEmpty else { throw .noVerifiedSignature }
        return VerifiedNote(text: text, verifiedSignatures: verified, unverifiedSignatures: unverified)
    }

    static func validate(text: String) throws(NoteError) {
        guard text.hasSuffix("\n") else { throw .invalidText("text must end with a newline") }
        guard !text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A }) else {
            throw .invalidText("text contains a control character other than newline")
        }
    }
}
