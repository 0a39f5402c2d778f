/// Reasons a witness policy is rejected.
public enum WitnessPolicyError: Error, Hashable, Sendable {
    /// The policy text is not a comma-separated list of `group:threshold`.
    case malformedPolicy(String)
    /// A key list line is not `<group> <verifier key>`, or its key is not a cosignature key.
    case malformedKeyLine(String)
    /// A group is named twice.
    case duplicateGroup(String)
    /// A key names a group the policy does not define.
    case unknownGroup(String)
    /// A group's threshold is below 1 or above its number of witnesses.
    case unreachableThreshold(group: String, threshold: Int, witnesses: Int)
}
