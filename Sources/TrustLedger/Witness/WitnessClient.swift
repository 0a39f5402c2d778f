import Foundation

/// Sends add-checkpoint request bodies to one witness, so a sequencer can ask for cosignatures without
/// knowing the transport.
public protocol WitnessClient: Sendable {
    /// Posts the request body and returns the witness's status and body; throws only on transport failure.
    func addCheckpoint(_ body: Data) async throws -> WitnessResponse
}
