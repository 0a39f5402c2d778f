/// A witness state held in memory, for tests and single-process deployments that accept losing it.
public actor InMemoryWitnessState: WitnessState {
    private var heads: [String: TreeHead]

    /// Creates a state with optional initial records.
    public init(heads: [String: TreeHead] = [:]) {
        self.heads = heads
    }

    /// The latest cosigned tree head for `origin`.
    public func latest(origin: String) -> TreeHead? {
        heads[origin]
    }

    /// Replaces the record if it still equals `expected`.
    public func compareAndSwap(origin: String, expected: TreeHead?, new: TreeHead) -> Bool {
        guard heads[origin] == expected else { return false }
        heads[origin] = new
        return true
    }
}
