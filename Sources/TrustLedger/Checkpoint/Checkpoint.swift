import Foundation

/// The note text of a tlog-checkpoint: origin, tree size, base64 root hash and optional extension lines.
public struct Checkpoint: Hashable, Sendable {
    /// The log's identity, usually a schema-less URL.
    public let origin: String
    /// The number of leaves in the tree.
    public let size: UInt64
    /// The RFC 6962 root hash of the tree.
    public let rootHash: Data
    /// Opaque extension lines after the root hash.
    public let extensions: [String]

    /// Creates a checkpoint, checking each field can be written as one non-empty line.
    public init(origin: String, size: UInt64, rootHash: Data, extensions: [String] = []) throws(CheckpointError) {
        for line in [origin] + extensions {
            guard !line.isEmpty, !line.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw .malformed("origin and extension lines must be non-empty single lines")
            }
        }
        guard rootHash.count == MerkleHash.size else { throw .malformed("root hash must be 32 bytes") }
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensions = extensions
    }

    /// Parses checkpoint note text.
    public init(text: String) throws(CheckpointError) {
        guard text.hasSuffix("\n") else { throw .malformed("text must end with a newline") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else { throw .malformed("expected origin, size and root hash lines") }
        let sizeLine = lines[1]
        guard !sizeLine.isEmpty, sizeLine.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            sizeLine == "0" || !sizeLine.hasPrefix("0"), let size = UInt64(sizeLine)
        else { throw .malformed("size must be a decimal number without leading zeroes") }
        guard let rootHash = Base64.decode(lines[2]), rootHash.count == MerkleHash.size else {
            throw .malformed("root hash must be the base64 of 32 bytes")
        }
        try self.init(
            origin: String(lines[0]), size: size, rootHash: rootHash, extensions: lines[3...].map(String.init))
    }

    /// The checkpoint note text, ending with a newline.
    public var text: String {
        ([origin, String(size), rootHash.base64EncodedString()] + extensions).map { $0 + "\n" }.joined()
    }

    /// Verifies a signed checkpoint note against known keys and parses its text.
    public static func open(_ note: Data, verifiers: [any NoteVerifier]) throws -> (
        checkpoint: Checkpoint, note: VerifiedNote
    ) {
        let verified = try SignedNote.open(note, verifiers: verifiers)
        return (try Checkpoint(text: verified.text), verified)
    }
}
