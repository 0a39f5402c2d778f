import Foundation

/// Ledger storage held in memory, for tests and as a model for durable implementations.
public actor InMemoryLedgerStorage: LedgerStorage {
    private var entries: [Data] = []
    private var tiles: [TileID: Data] = [:]
    private var checkpoint: Data?

    /// Creates empty storage.
    public init() {}

    /// Persists a batch if it starts at the stored size.
    public func append(_ batch: LedgerBatch) throws {
        guard batch.oldSize == UInt64(entries.count) else {
            throw LedgerStorageError.sizeConflict(expected: batch.oldSize, actual: UInt64(entries.count))
        }
        entries += batch.entries
        tiles.merge(batch.tiles) { $1 }
        checkpoint = batch.checkpoint
    }

    /// Returns the stored entries in `range`.
    public func readEntries(_ range: Range<UInt64>) -> [Data] {
        let end = min(range.upperBound, UInt64(entries.count))
        guard range.lowerBound < end else { return [] }
        return Array(entries[Int(range.lowerBound)..<Int(end)])
    }

    /// Returns a stored tile or entry bundle.
    public func readTile(_ id: TileID) -> Data? {
        tiles[id]
    }

    /// Returns the latest checkpoint note.
    public func latestCheckpoint() -> Data? {
        checkpoint
    }
}
