import Crypto
import Foundation

/// A tlog-witness: checks add-checkpoint requests against its recorded state and returns cosignatures.
public struct Witness: Sendable {
    /// The witness's cosigning key.
    public let cosigner: CosignatureSigner
    private let logs: [String: [any NoteVerifier]]
    private let state: any WitnessState

    /// Creates a witness trusting, for each log origin, the given log verifier keys.
    public init(cosigner: CosignatureSigner, logs: [String: [any NoteVerifier]], state: any WitnessState) {
        self.cosigner = cosigner
        self.logs = logs
        self.state = state
    }

    /// Handles a request body and returns the response body: cosignature lines.
    public func addCheckpoint(body: Data) async throws -> Data {
        let signatures = try await addCheckpoint(try AddCheckpointRequest(body: body))
        return Data(signatures.map(\.line).joined().utf8)
    }

    /// Handles a request, updating the state and returning this witness's cosignature; throws `WitnessError`
    /// for refusals and passes on errors from the state.
    public func addCheckpoint(_ request: AddCheckpointRequest) async throws -> [NoteSignature] {
        let note: SignedNote
        let checkpoint: Checkpoint
        do {
            note = try SignedNote(parsing: request.checkpoint)
            checkpoint = try Checkpoint(text: note.text)
        } catch {
            throw WitnessError.malformedRequest("checkpoint is not a well-formed signed checkpoint")
        }
        guard let verifiers = logs[checkpoint.origin] else { throw WitnessError.unknownOrigin(checkpoint.origin) }
        let verified: VerifiedNote
        do {
            verified = try note.verify(using: verifiers)
        } catch {
            throw WitnessError.untrustedSignature
        }
        guard request.oldSize <= checkpoint.size else {
            throw WitnessError.oldSizeExceedsCheckpoint(oldSize: request.oldSize, checkpointSize: checkpoint.size)
        }
        // Signed before the record changes, so that the checkpoint the witness serves carries this cosignature.
        let cosignature = NoteSignature(
            name: cosigner.name, keyID: cosigner.keyID, signature: try cosigner.sign(Data(note.text.utf8)))
        let served = SignedNote(text: note.text, signatures: verified.verifiedSignatures + [cosignature])
        try await record(
            TreeHead(size: checkpoint.size, rootHash: checkpoint.rootHash), of: request, origin: checkpoint.origin,
            checkpoint: served.serialized)
        return [cosignature]
    }

    /// The latest checkpoint this witness cosigned for the log whose origin hashes (SHA-256, lowercase hex) to
    /// `originHash`, with the log's signatures and this witness's cosignature; nil for a log it does not watch or
    /// has not cosigned yet.
    public func latestCheckpoint(originHash: String) async throws -> Data? {
        guard let origin = logs.keys.first(where: { Self.hash(of: $0) == originHash }) else { return nil }
        return try await state.latestCheckpoint(origin: origin)
    }

    /// The path segment tlog-witness names a log's checkpoint by.
    public static func hash(of origin: String) -> String {
        SHA256.hash(data: Data(origin.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    // Another request may update the record between the read and the swap; then the checks run again on the
    // new record, which normally ends in a conflict. The bound only guards against a state that never swaps.
    private func record(_ head: TreeHead, of request: AddCheckpointRequest, origin: String, checkpoint: Data)
        async throws
    {
        var recordedSize: UInt64 = 0
        for _ in 0..<Self.maxSwapAttempts {
            let recorded = try await state.latest(origin: origin)
            recordedSize = recorded?.size ?? 0
            try Self.check(request, against: recorded, head: head)
            if recorded == head { return }
            if try await state.compareAndSwap(origin: origin, expected: recorded, new: head, checkpoint: checkpoint) {
                return
            }
        }
        throw WitnessError.conflict(recordedSize: recordedSize)
    }

    private static let maxSwapAttempts = 16

    private static func check(_ request: AddCheckpointRequest, against recorded: TreeHead?, head: TreeHead) throws {
        let recordedSize = recorded?.size ?? 0
        guard request.oldSize == recordedSize else { throw WitnessError.conflict(recordedSize: recordedSize) }
        let proof = request.consistencyProof
        if request.oldSize == 0 {
            guard proof.isEmpty else { throw WitnessError.inconsistentProof("proof must be empty from size 0") }
            guard head.size > 0 || head.rootHash == MerkleHash.emptyRoot else {
                throw WitnessError.inconsistentProof("an empty tree must have the empty root")
            }
            return
        }
        guard let recorded else { throw WitnessError.conflict(recordedSize: 0) }
        if head.size == recorded.size {
            // tlog-witness: at the recorded size the roots must match, else 422 (a fork, not a stale client).
            guard head.rootHash == recorded.rootHash else {
                throw WitnessError.inconsistentProof("the tree at size \(recorded.size) has another root")
            }
            guard proof.isEmpty else { throw WitnessError.inconsistentProof("proof must be empty for equal sizes") }
            return
        }
        do {
            try ConsistencyProof.verify(
                oldSize: recorded.size, newSize: head.size, oldRoot: recorded.rootHash, newRoot: head.rootHash,
                proof: proof)
        } catch {
            throw WitnessError.inconsistentProof("consistency proof does not verify: \(error)")
        }
    }
}
