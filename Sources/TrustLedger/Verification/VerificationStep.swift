/// One check made while verifying a checkpoint or an entry, with a human-readable account.
public struct VerificationStep: Hashable, Sendable, CustomStringConvertible {
    /// Whether the check passed.
    public let passed: Bool
    /// What was checked and what was found.
    public let detail: String

    /// Creates a step.
    public init(passed: Bool, detail: String) {
        self.passed = passed
        self.detail = detail
    }

    /// The detail, marked `ok` or `FAILED`.
    public var description: String {
        (passed ? "ok: " : "FAILED: ") + detail
    }
}
