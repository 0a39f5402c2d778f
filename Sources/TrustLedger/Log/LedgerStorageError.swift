/// Reasons storage refuses a batch.
public enum LedgerStorageError: Error, Hashable, Sendable {
    /// The batch starts at `expected` but storage holds `actual` entries, as when two writers race.
    case sizeConflict(expected: UInt64, actual: UInt64)
}
