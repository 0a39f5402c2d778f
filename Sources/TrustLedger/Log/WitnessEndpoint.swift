/// A witness the sequencer asks for cosignatures: how to reach it and the key its cosignatures must carry.
public struct WitnessEndpoint: Sendable {
    /// The transport to the witness.
    public let client: any WitnessClient
    /// The witness's cosigner key; cosignatures that do not verify with it are dropped.
    public let verifier: CosignatureVerifier

    /// Creates an endpoint.
    public init(client: any WitnessClient, verifier: CosignatureVerifier) {
        self.client = client
        self.verifier = verifier
    }
}
