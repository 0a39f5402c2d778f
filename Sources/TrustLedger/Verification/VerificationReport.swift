/// The answer of a verification: yes only when every step passed, with the steps as reasons.
public struct VerificationReport: Hashable, Sendable {
    /// The checks made, in order.
    public internal(set) var steps: [VerificationStep]
    /// The checkpoint, when its text parsed.
    public internal(set) var checkpoint: Checkpoint?

    /// Whether at least one check was made and all passed.
    public var isValid: Bool {
        !steps.isEmpty && steps.allSatisfy(\.passed)
    }

    /// The steps as lines of text.
    public var reasons: [String] {
        steps.map(\.description)
    }

    mutating func record(_ passed: Bool, _ detail: String) {
        steps.append(VerificationStep(passed: passed, detail: detail))
    }
}
