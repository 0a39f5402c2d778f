import Foundation

/// A witness's durable record of the latest tree head it cosigned for each log origin, and of that checkpoint as
/// it serves it: the log's signed note with the witness's cosignature added.
public protocol WitnessState: Sendable {
    /// The latest cosigned tree head for `origin`, or nil if none.
    func latest(origin: String) async throws -> TreeHead?
    /// The latest cosigned checkpoint for `origin` as a signed note, or nil if none.
    func latestCheckpoint(origin: String) async throws -> Data?
    /// Replaces the record for `origin` with `new` and its cosigned `checkpoint` only if the tree head still
    /// equals `expected`, durably, and returns whether it did; this is what keeps concurrent requests from
    /// rolling the record back.
    func compareAndSwap(origin: String, expected: TreeHead?, new: TreeHead, checkpoint: Data) async throws -> Bool
}
