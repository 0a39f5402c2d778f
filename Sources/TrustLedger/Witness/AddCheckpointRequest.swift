import Foundation

/// The body of a tlog-witness add-checkpoint request: the old size, a consistency proof, a blank line and the
/// signed checkpoint note.
public struct AddCheckpointRequest: Hashable, Sendable {
    /// The most consistency proof lines a request may carry.
    public static let maxProofLines = 63

    /// The size of the checkpoint the client believes the witness last cosigned.
    public let oldSize: UInt64
    /// The consistency proof from `oldSize` to the checkpoint's size.
    public let consistencyProof: [Data]
    /// The signed checkpoint note.
    public let checkpoint: Data

    /// Creates a request.
    public init(oldSize: UInt64, consistencyProof: [Data], checkpoint: Data) {
        self.oldSize = oldSize
        self.consistencyProof = consistencyProof
        self.checkpoint = checkpoint
    }

    /// Parses a request body.
    public init(body: Data) throws(WitnessError) {
        var rest = body[...]
        guard let first = Self.takeLine(&rest), first.starts(with: Array("old ".utf8)) else {
            throw .malformedRequest("request must start with an old size line")
        }
        let digits = first.dropFirst(4)
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }),
            digits.count == 1 || digits.first != 0x30,
            let oldSize = UInt64(String(decoding: digits, as: UTF8.self))
        else { throw .malformedRequest("old size must be a decimal number without leading zeroes") }
        var proof: [Data] = []
        while true {
            guard let line = Self.takeLine(&rest) else {
                throw .malformedRequest("missing blank line before checkpoint")
            }
            if line.isEmpty { break }
            guard proof.count < Self.maxProofLines else { throw .malformedRequest("more than 63 proof lines") }
            guard let hash = Base64.decode(String(decoding: line, as: UTF8.self)), hash.count == MerkleHash.size else {
                throw .malformedRequest("proof line is not the base64 of a 32-byte hash")
            }
            proof.append(hash)
        }
        guard !rest.isEmpty else { throw .malformedRequest("missing checkpoint") }
        self.init(oldSize: oldSize, consistencyProof: proof, checkpoint: Data(rest))
    }

    /// The request body.
    public var body: Data {
        let header = (["old \(oldSize)"] + consistencyProof.map { $0.base64EncodedString() } + [""])
            .map { $0 + "\n" }.joined()
        return Data(header.utf8) + checkpoint
    }

    // Removes one newline-terminated line from the front of `data`, or returns nil if none is complete.
    private static func takeLine(_ data: inout Data.SubSequence) -> Data.SubSequence? {
        guard let newline = data.firstIndex(of: 0x0A) else { return nil }
        let line = data[..<newline]
        data = data[(newline + 1)...]
        return line
    }
}
