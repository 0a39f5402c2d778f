import Foundation

/// A witness client that calls a `Witness` in the same process, mapping its refusals to status codes as an
/// HTTP server would.
public struct LocalWitnessClient: WitnessClient {
    private let witness: Witness

    /// Creates a client for a witness in this process.
    public init(witness: Witness) {
        self.witness = witness
    }

    /// Runs the request against the witness.
    public func addCheckpoint(_ body: Data) async throws -> WitnessResponse {
        do {
            return WitnessResponse(status: 200, body: try await witness.addCheckpoint(body: body))
        } catch let error as WitnessError {
            return WitnessResponse(status: error.statusCode, body: error.responseBody)
        }
    }
}
