import Foundation

/// A witness's answer to an add-checkpoint request as seen by a client: status code and body.
public struct WitnessResponse: Hashable, Sendable {
    /// The HTTP-style status code; 200 carries cosignature lines, 409 the recorded size.
    public let status: Int
    /// The response body.
    public let body: Data

    /// Creates a response.
    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}
