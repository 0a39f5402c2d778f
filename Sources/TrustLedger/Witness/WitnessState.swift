/// A witness's durable record of the latest tree head it cosigned for each log origin.
public protocol WitnessState: Sendable {
    /// The latest cosigned tree head for `origin`, or nil if none.
    func latest(origin: String) async throws -> TreeHead?
    /// Replaces the record for `origin` with `new` only if it still equals `expected`, durably, and returns
    /// whether it did; this is what keeps concurrent requests from rolling the record back.
    func compareAndSwap(origin: String, expected: TreeHead?, new: TreeHead) async throws -> Bool
}
