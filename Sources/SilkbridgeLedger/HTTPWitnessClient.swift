import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import TrustLedger

/// Sends add-checkpoint requests to a tlog-witness over HTTP (`POST <url>/add-checkpoint`).
public struct HTTPWitnessClient: WitnessClient {
    /// The witness's base URL, such as `http://127.0.0.1:8091`.
    public let url: String
    private let timeout: TimeAmount

    public init(url: String, timeout: Duration = .seconds(5)) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.timeout = .nanoseconds(
            Int64(timeout.components.seconds) * 1_000_000_000
                + timeout.components.attoseconds / 1_000_000_000)
    }

    public func addCheckpoint(_ body: Data) async throws -> WitnessResponse {
        var request = HTTPClientRequest(url: url + "/add-checkpoint")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        request.body = .bytes(ByteBuffer(data: body))
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        // Cosignature lines or a size are short; anything longer is not a witness talking.
        let bytes = try await response.body.collect(upTo: 64 * 1024)
        return WitnessResponse(status: Int(response.status.code), body: Data(buffer: bytes))
    }
}
