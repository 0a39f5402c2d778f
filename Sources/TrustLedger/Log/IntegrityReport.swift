/// The outcome of a start-up integrity check.
public struct IntegrityReport: Hashable, Sendable {
    /// The latest stored checkpoint, if it verified and parsed.
    public let checkpoint: Checkpoint?
    /// Every problem found, empty for a healthy log.
    public let problems: [IntegrityProblem]

    /// Whether no problem was found.
    public var isHealthy: Bool {
        problems.isEmpty
    }
}
