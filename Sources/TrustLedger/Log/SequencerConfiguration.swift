/// Settings of a sequencer: the log's origin, batching limits, deadlines, retries and the start-up check.
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
    /// A batch is committed at the latest this long after its first entry arrived. Zero commits as soon as no
    /// other batch is being stored: an entry alone goes at once, and those arriving while a batch is stored form
    /// the next one (group commit), so batches grow with the load instead of every entry waiting the delay.
    public var maxBatchDelay: Duration
    /// How long to wait for each witness before publishing without its cosignature.
    public var witnessTimeout: Duration
    public var startupCheck: StartupCheck
    /// How long `append` waits for its entry to be stored before it gives up; nil waits as long as it takes.
    /// The server sets one; the default leaves it to the caller, who knows how long its own client waits.
    public var appendTimeout: Duration?
    /// The first and the longest pause between attempts to store a batch while storage fails transiently.
    public var retryDelay: (first: Duration, last: Duration) = (.milliseconds(10), .seconds(1))
    /// Told of every transient storage failure before the retry; the server logs them, tests wait for them.
    public var onTransientFailure: @Sendable (any Error) -> Void = { _ in }

    /// Creates a configuration.
    public init(
        origin: String, maxBatchSize: Int = 256, maxBatchDelay: Duration = .milliseconds(100),
        witnessTimeout: Duration = .seconds(5), startupCheck: StartupCheck = .full,
        appendTimeout: Duration? = nil
    ) {
        precondition(maxBatchSize > 0, "maxBatchSize must be positive")
        self.origin = origin
        self.maxBatchSize = maxBatchSize
        self.maxBatchDelay = maxBatchDelay
        self.witnessTimeout = witnessTimeout
        self.startupCheck = startupCheck
        self.appendTimeout = appendTimeout
    }
}
