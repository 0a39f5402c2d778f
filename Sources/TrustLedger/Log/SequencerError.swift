/// Reasons a sequencer refuses to start or to accept entries.
public enum SequencerError: Error, Hashable, Sendable {
    /// `append` was called before `start()` succeeded.
    case notStarted
    /// `start()` was called twice.
    case alreadyStarted
    /// The start-up check found problems; the log must be repaired before it accepts entries.
    case integrityCheckFailed(IntegrityReport)
    /// The entry is longer than an entry bundle allows.
    case entryTooLarge(Int)
    /// Storage failed to persist a checkpoint that witnesses may already have cosigned; the sequencer stops
    /// rather than risk signing a different tree of the same size.
    case halted(String)
}
