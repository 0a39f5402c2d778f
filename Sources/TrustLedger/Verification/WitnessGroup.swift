/// A named set of witnesses of which at least `threshold` must cosign a checkpoint.
public struct WitnessGroup: Sendable {
    /// The group's name, as used in the policy text.
    public let name: String
    /// How many distinct witnesses of the group must cosign.
    public let threshold: Int
    /// The group's witness keys.
    public let witnesses: [CosignatureVerifier]

    /// Creates a group.
    public init(name: String, threshold: Int, witnesses: [CosignatureVerifier]) {
        self.name = name
        self.threshold = threshold
        self.witnesses = witnesses
    }
}
