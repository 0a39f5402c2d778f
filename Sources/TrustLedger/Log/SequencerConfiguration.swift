/// Settings of a sequencer: the log's origin, batching limits, the witness timeout and the start-up check.
public struct SequencerConfiguration: Sendable {
    /// How much of the stored log `start()` checks.
    public enum StartupCheck: Sendable {
        /// Every entry, tile and bundle (`LedgerIntegrityChecker.check()`), in time proportional to the log.
        case full
        /// The checkpoint and the right edge of the tree (`LedgerIntegrityChecker.checkRightEdge()`), in a few reads.
        case rightEdge
    }

    /// The checkpoint origin line.
    public var origin: String
    /// A batch is committed as soon as this many entries wait.
    public var maxBatchSize: Int
    /// A batch is committed at the latest this long after its first entry arrived.
    public var maxBatchDelay: Duration
    /// How long to wait for each witness before publishing without its cosignature.
    public var witnessTimeout: Duration
    public var startupCheck: StartupCheck

    /// Creates a configuration.
    public init(
        origin: String, maxBatchSize: Int = 256, maxBatchDelay: Duration = .milliseconds(100),
        witnessTimeout: Duration = .seconds(5), startupCheck: StartupCheck = .full
    ) {
        precondition(maxBatchSize > 0, "maxBatchSize must be positive")
        self.origin = origin
        self.maxBatchSize = maxBatchSize
        self.maxBatchDelay = maxBatchDelay
        self.witnessTimeout = witnessTimeout
        self.startupCheck = startupCheck
    }
}
