import Foundation

/// A witness state held in memory, for tests and single-process deployments that accept losing it.
public actor InMemoryWitnessState: WitnessState {
    private var heads: [String: TreeHead]
    private var checkpoints: [String: Data] = [:]

    /// Creates a state with optional initial records.
    public init(heads: [String: TreeHead] = [:]) {
        self.heads = heads
    }

    /// The latest cosigned tree head for `origin`.
    public func latest(origin: String) -> TreeHead? {
        heads[origin]
    }

    public func latestCheckpoint(origin: String) -> Data? {
        checkpoints[origin]
    }

    /// Replaces the record if it still equals `expected`.
    public func compareAndSwap(origin: String, expected: TreeHead?, new: TreeHead, checkpoint: Data) -> Bool {
        guard heads[origin] == expected else { return false }
        heads[origin] = new
        checkpoints[origin] = checkpoint
        return true
    }
}
