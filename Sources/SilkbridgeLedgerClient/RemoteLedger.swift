import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import TrustLedger

/// A Silkbridge ledger read over HTTP the way any tlog-tiles client reads it: the checkpoint, tiles and entry
/// bundles under `/ledger/`, and the self-description at `/api/v1/ledger`.
public struct RemoteLedger: TileReader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The server's base URL, such as `http://127.0.0.1:8080`.
    public let baseURL: String

    public init(url: String) {
        baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    public func checkpoint() async throws -> Data {
        guard let note = try await get("/ledger/checkpoint", limit: 1 << 20) else {
            throw Failure(description: "\(baseURL)/ledger/checkpoint: not found")
        }
        return note
    }

    public func readTile(_ id: TileID) async throws -> Data? {
        try await get("/ledger/" + id.path, limit: 1 << 25)
    }

    /// The log's origin, verifier key and witnesses as the server describes them.
    public func description() async throws -> LedgerDescription {
        guard let data = try await get("/api/v1/ledger", limit: 1 << 22) else {
            throw Failure(description: "\(baseURL)/api/v1/ledger: not found")
        }
        return try JSONDecoder().decode(LedgerDescription.self, from: data)
    }

    private func get(_ path: String, limit: Int) async throws -> Data? {
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: baseURL + path), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: limit)
        if response.status == .notFound { return nil }
        guard response.status == .ok else {
            throw Failure(description: "\(baseURL)\(path): HTTP \(response.status.code)")
        }
        return Data(buffer: body)
    }
}

/// The parts of `GET /api/v1/ledger` a verifier uses.
public struct LedgerDescription: Decodable, Sendable {
    public struct Witness: Decodable, Sendable {
        public let name: String
        public let verifierKey: String
        public let side: String
    }

    public let origin: String
    public let verifierKey: String
    public let witnesses: [Witness]
    public let policy: String
}
