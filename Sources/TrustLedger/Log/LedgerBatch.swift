import Foundation

/// Everything one sequencing step persists at once: the new entries and their leaf hashes, every changed
/// tile and entry bundle, and the new checkpoint.
public struct LedgerBatch: Sendable {
    /// The log size before the batch; storage must refuse the batch unless this is its current size.
    public let oldSize: UInt64
    /// The new entries, in order, at indices `oldSize...`.
    public let entries: [Data]
    /// The leaf hashes of `entries`.
    public let leafHashes: [Data]
    /// The new and changed tiles and entry bundles, keyed by identifier and width.
    public let tiles: [TileID: Data]
    /// The signed (and possibly cosigned) checkpoint note for `newSize`.
    public let checkpoint: Data
    /// For each entry, the identifier of the submission it was handed in with, if any; storage records it in the
    /// same transaction as the entry, so a submission is never integrated twice.
    public let submissionIDs: [Int64?]

    /// Creates a batch.
    public init(
        oldSize: UInt64, entries: [Data], leafHashes: [Data], tiles: [TileID: Data], checkpoint: Data,
        submissionIDs: [Int64?]? = nil
    ) {
        self.oldSize = oldSize
        self.entries = entries
        self.leafHashes = leafHashes
        self.tiles = tiles
        self.checkpoint = checkpoint
        self.submissionIDs = submissionIDs ?? Array(repeating: nil, count: entries.count)
    }

    /// The log size after the batch.
    public var newSize: UInt64 {
        oldSize + UInt64(entries.count)
    }
}
