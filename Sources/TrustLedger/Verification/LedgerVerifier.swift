import Foundation

/// Offline verification of a cosigned checkpoint, and of an entry's inclusion in it, against a log key and a
/// witness policy.
public struct LedgerVerifier: Sendable {
    /// The log's checkpoint signing key.
    public let logVerifier: any NoteVerifier
    /// The witnesses that must cosign.
    public let policy: WitnessPolicy
    /// The origin the checkpoint must carry.
    public let origin: String

    /// Creates a verifier; the origin defaults to the log key's name, as logs are advised to use.
    public init(logVerifier: any NoteVerifier, policy: WitnessPolicy, origin: String? = nil) {
        self.logVerifier = logVerifier
        self.policy = policy
        self.origin = origin ?? logVerifier.name
    }

    /// Checks the note's format, the log signature, the checkpoint text, every known cosignature and the policy.
    public func verifyCheckpoint(_ noteData: Data) -> VerificationReport {
        var report = VerificationReport(steps: [], checkpoint: nil)
        let note: SignedNote
        do {
            note = try SignedNote(parsing: noteData)
        } catch {
            report.record(false, "checkpoint is not a well-formed signed note (\(error))")
            return report
        }
        report.record(true, "signed note parsed with \(note.signatures.count) signature line(s)")
        let message = Data(note.text.utf8)
        checkSignature(note, by: logVerifier, role: "log", message: message, required: true, into: &report)
        do {
            let checkpoint = try Checkpoint(text: note.text)
            report.checkpoint = checkpoint
            report.record(
                true,
                "checkpoint text: origin \(checkpoint.origin), size \(checkpoint.size), root "
                    + checkpoint.rootHash.base64EncodedString())
            report.record(
                checkpoint.origin == origin,
                checkpoint.origin == origin ? "origin is \(origin)" : "origin \(checkpoint.origin) is not \(origin)")
        } catch {
            report.record(false, "checkpoint text is malformed (\(error))")
        }
        var cosigned: [CosignatureVerifier] = []
        for witness in policy.witnesses where !cosigned.contains(where: { Self.sameKey($0, witness) }) {
            if checkSignature(note, by: witness, role: "witness", message: message, required: false, into: &report) {
                cosigned.append(witness)
            }
        }
        for signature in note.signatures where !isKnown(signature) {
            report.record(
                true, "ignored signature by \(signature.name) (\(KeyEncoding.hex(signature.keyID))): unknown key")
        }
        for group in policy.groups {
            let count = group.witnesses.filter { witness in cosigned.contains { Self.sameKey($0, witness) } }.count
            report.record(
                count >= group.threshold,
                "group \(group.name): \(count) of \(group.witnesses.count) witnesses cosigned, \(group.threshold) required"
            )
        }
        return report
    }

    /// Verifies the checkpoint as `verifyCheckpoint` does, then that `proof` places `entry` at `index` under its
    /// root.
    public func verifyEntry(_ entry: Data, index: UInt64, proof: [Data], checkpoint noteData: Data)
        -> VerificationReport
    {
        var report = verifyCheckpoint(noteData)
        guard let checkpoint = report.checkpoint else { return report }
        do {
            try InclusionProof.verify(
                index: index, size: checkpoint.size, leafHash: MerkleHash.leafHash(entry), proof: proof,
                root: checkpoint.rootHash)
            report.record(
                true,
                "inclusion proof of \(proof.count) hash(es) places the entry at index \(index) of \(checkpoint.size)")
        } catch {
            report.record(false, "inclusion proof for index \(index) of \(checkpoint.size) fails: \(error)")
        }
        return report
    }

    @discardableResult
    private func checkSignature(
        _ note: SignedNote, by verifier: any NoteVerifier, role: String, message: Data, required: Bool,
        into report: inout VerificationReport
    ) -> Bool {
        let label = "\(role) signature by \(verifier.name) (\(KeyEncoding.hex(verifier.keyID)))"
        guard let signature = note.signatures.first(where: { Self.sameKey($0, verifier) }) else {
            if required { report.record(false, "\(label) is missing") }
            return false
        }
        let valid = verifier.verify(message, signature: signature.signature)
        var detail = valid ? "\(label) verifies" : "\(label) does not verify"
        if valid, let cosignature = try? Cosignature(bytes: signature.signature), verifier is CosignatureVerifier {
            detail += " (time \(cosignature.timestamp))"
        }
        report.record(valid, detail)
        return valid
    }

    private func isKnown(_ signature: NoteSignature) -> Bool {
        Self.sameKey(signature, logVerifier) || policy.witnesses.contains { Self.sameKey(signature, $0) }
    }

    private static func sameKey(_ signature: NoteSignature, _ verifier: any NoteVerifier) -> Bool {
        signature.name == verifier.name && signature.keyID == verifier.keyID
    }

    private static func sameKey(_ first: any NoteVerifier, _ second: any NoteVerifier) -> Bool {
        first.name == second.name && first.keyID == second.keyID
    }
}
