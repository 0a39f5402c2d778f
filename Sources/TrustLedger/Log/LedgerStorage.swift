import Foundation

/// Durable storage for a tiled log: entries, tiles, entry bundles and the latest checkpoint.
public protocol LedgerStorage: TileReader {
    /// Persists a batch atomically and durably, throwing `LedgerStorageError.sizeConflict` unless
    /// `batch.oldSize` equals the number of stored entries.
    func append(_ batch: LedgerBatch) async throws
    /// Returns the stored entries in `range`, stopping early at the end of the stored log.
    func readEntries(_ range: Range<UInt64>) async throws -> [Data]
    /// Returns the latest checkpoint note, or nil if the log was never written.
    func latestCheckpoint() async throws -> Data?
}
