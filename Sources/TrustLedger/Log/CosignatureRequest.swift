import Foundation

/// One attempt to get a witness's cosignature on a new checkpoint, retrying once from the size the witness
/// reports in a 409 Conflict.
struct CosignatureRequest: Sendable {
    let endpoint: WitnessEndpoint
    let note: SignedNote
    let checkpointSize: UInt64
    let hashes: TileHashReader

    /// The verified cosignatures and the size the witness holds afterwards, if known.
    struct Outcome: Sendable {
        let signatures: [NoteSignature]
        let witnessSize: UInt64?
    }

    func run(assumingOldSize assumed: UInt64) async throws -> Outcome {
        var oldSize = assumed
        var learnedSize: UInt64?
        for _ in 0..<2 {
            let proof =
                oldSize == 0
                ? [] : try await ConsistencyProof.generate(from: oldSize, to: checkpointSize, reader: hashes)
            let request = AddCheckpointRequest(oldSize: oldSize, consistencyProof: proof, checkpoint: note.serialized)
            let response = try await endpoint.client.addCheckpoint(request.body)
            switch response.status {
            case 200:
                return Outcome(signatures: verifiedSignatures(in: response.body), witnessSize: checkpointSize)
            case 409:
                guard let size = Self.size(in: response.body) else { return Outcome(signatures: [], witnessSize: nil) }
                learnedSize = size
                guard size <= checkpointSize, size != oldSize else { break }
                oldSize = size
                continue
            default:
                break
            }
            break
        }
        return Outcome(signatures: [], witnessSize: learnedSize)
    }

    private func verifiedSignatures(in body: Data) -> [NoteSignature] {
        let message = Data(note.text.utf8)
        let verifier = endpoint.verifier
        return String(decoding: body, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let signature = try? NoteSignature(line: line), signature.name == verifier.name,
                signature.keyID == verifier.keyID, verifier.verify(message, signature: signature.signature)
            else { return nil }
            return signature
        }
    }

    private static func size(in body: Data) -> UInt64? {
        let text = String(decoding: body, as: UTF8.self)
        guard text.hasSuffix("\n") else { return nil }
        return UInt64(text.dropLast())
    }
}
