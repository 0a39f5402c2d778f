/// Settings of a sequencer: the log's origin, batching limits and the witness timeout.
public struct SequencerConfiguration: Sendable {
    /// The checkpoint origin line.
    public var origin: String
    /// A batch is committed as soon as this many entries wait.
    public var maxBatchSize: Int
    /// A batch is committed at the latest this long after its first entry arrived.
    public var maxBatchDelay: Duration
    /// How long to wait for each witness before publishing without its cosignature.
    public var witnessTimeout: Duration

    /// Creates a configuration.
    public init(
        origin: String, maxBatchSize: Int = 256, maxBatchDelay: Duration = .milliseconds(100),
        witnessTimeout: Duration = .seconds(5)
    ) {
        precondition(maxBatchSize > 0, "maxBatchSize must be positive")
        self.origin = origin
        self.maxBatchSize = maxBatchSize
        self.maxBatchDelay = maxBatchDelay
        self.witnessTimeout = witnessTimeout
    }
}
