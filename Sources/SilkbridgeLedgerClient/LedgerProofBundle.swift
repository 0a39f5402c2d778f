import Foundation
import TrustLedger

/// An offline proof that an entry is in the ledger, in the shape of c2sp.org/tlog-proof: the index, the
/// inclusion proof and the cosigned checkpoint it leads to, built from tiles alone.
public struct LedgerProofBundle: Sendable {
    public let index: UInt64
    public let entry: Data
    public let proof: [Data]
    public let checkpoint: Data

    /// Reads the checkpoint, the entry's bundle and the tiles the proof needs.
    public static func fetch(index: UInt64, from ledger: RemoteLedger) async throws -> LedgerProofBundle {
        let note = try await ledger.checkpoint()
        let checkpoint = try Checkpoint(text: try SignedNote(parsing: note).text)
        guard index < checkpoint.size else {
            throw RemoteLedger.Failure(description: "index \(index) is beyond the log's \(checkpoint.size) entries")
        }
        let full = UInt64(TileID.fullWidth)
        let bundleID = TileID(
            kind: .entries, index: index / full, width: Int(min(full, checkpoint.size - index / full * full)))
        guard let data = try await ledger.readTile(bundleID) else {
            throw RemoteLedger.Failure(description: "entry bundle \(bundleID) is missing")
        }
        let entries = try EntryBundle(data: data).entries
        guard entries.count == bundleID.width else {
            throw RemoteLedger.Failure(description: "entry bundle \(bundleID) holds \(entries.count) entries")
        }
        let proof = try await InclusionProof.generate(
            index: index, size: checkpoint.size, reader: TileHashReader(treeSize: checkpoint.size, tiles: ledger))
        return LedgerProofBundle(index: index, entry: entries[Int(index % full)], proof: proof, checkpoint: note)
    }

    /// The proof as text: a header line, the index, the proof hashes, a blank line and the checkpoint note.
    public var text: String {
        (["c2sp.org/tlog-proof@v1", "index \(index)"] + proof.map { $0.base64EncodedString() } + [""])
            .map { $0 + "\n" }.joined() + String(decoding: checkpoint, as: UTF8.self)
    }

    /// Checks the bundle against the log key and witness policy, with no network.
    public func verify(with verifier: LedgerVerifier) -> VerificationReport {
        verifier.verifyEntry(entry, index: index, proof: proof, checkpoint: checkpoint)
    }
}
