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
    /// What storage holds contradicts what this sequencer signed, or storage refused a batch for good; the
    /// sequencer stops rather than risk signing a different tree of the same size.
    case halted(String)
    /// The entry waited past its deadline without joining a batch and was withdrawn: it is not in the log.
    case timedOut
    /// The entry's batch was still being stored at the deadline (storage keeps failing transiently); the
    /// sequencer goes on retrying it, so the entry may yet be appended.
    case unconfirmed
    /// The sequencer was stopped before the entry was stored.
    case stopped
}
