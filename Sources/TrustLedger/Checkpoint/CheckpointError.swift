/// Reasons a checkpoint text is rejected.
public enum CheckpointError: Error, Hashable, Sendable {
    /// The text breaks a tlog-checkpoint rule, described by the message.
    case malformed(String)
}
