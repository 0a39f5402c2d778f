import CompressNIO
import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat
import SilkbridgeLedger
import TrustLedger

/// The tlog-tiles read API under `/ledger/`: the latest checkpoint, hash tiles and entry bundles, byte for byte
/// as C2SP clients expect them.
struct LedgerRoutes {
    static let prefix = "/ledger/"
    let ledger: LedgerHost

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(RouterPath(SitePaths.checkpoint)) { _, _ in
            let (note, _) = try await ledger.latest()
            return Self.response(note, contentType: "text/plain; charset=utf-8", cache: "no-cache")
        }
        router.get("/ledger/tile/**") { request, _ in
            // The raw path, not the router's split of it, so that only the one canonical spelling is served.
            guard let id = TileID(path: String(request.uri.path.dropFirst(Self.prefix.count))) else {
                throw LedgerError.tileNotFound
            }
            let data = try await ledger.tile(id)
            // A full tile never changes; a partial one is replaced by wider ones as the log grows.
            let cache = id.isPartial ? "public, max-age=60" : "public, max-age=31536000, immutable"
            var response = Self.response(data, contentType: "application/octet-stream", cache: cache)
            // tlog-tiles: entry bundles SHOULD be compressed at the HTTP layer. Hash tiles are hashes, which do not
            // compress, so they go as they are.
            if id.kind == .entries {
                response.headers[.vary] = "Accept-Encoding"
                if Self.acceptsGzip(request.headers[.acceptEncoding]) {
                    var body = ByteBuffer(data: data)
                    response.body = .init(byteBuffer: try body.compress(with: .gzip()))
                    response.headers[.contentEncoding] = "gzip"
                }
            }
            return response
        }
    }

    private static func response(_ data: Data, contentType: String, cache: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType, .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// Whether `Accept-Encoding` (RFC 9110 §12.5.3) takes gzip: named, or `*`, with a weight above zero.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var weights: [String: Double] = [:]
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, !coding.isEmpty else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            weights[coding] = weight
        }
        return (weights["gzip"] ?? weights["x-gzip"] ?? weights["*"] ?? 0) > 0
    }
}
