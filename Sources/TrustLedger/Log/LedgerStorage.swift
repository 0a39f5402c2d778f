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
    /// Whether a failure may pass when the same call is made again: a wait for a connection that timed out, a
    /// busy database, a lost connection. The sequencer retries those and halts on any other.
    func isTransient(_ error: any Error) -> Bool
}

extension LedgerStorage {
    public func isTransient(_ error: any Error) -> Bool { false }
}
