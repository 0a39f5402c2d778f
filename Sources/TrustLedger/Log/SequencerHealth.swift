/// How a sequencer is doing, for health checks and status pages.
public enum SequencerHealth: Sendable, Hashable {
    case notStarted
    case running
    /// Storage failed transiently this many times in a row, the last time for `reason`; the batch is retried.
    case retrying(reason: String, attempts: Int)
    /// Stopped for good after an integrity failure, until the process restarts.
    case halted(reason: String)
    /// `stop()` was called.
    case stopped
}
