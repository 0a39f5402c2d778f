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
            return Self.response(data, contentType: "application/octet-stream", cache: cache)
        }
    }

    private static func response(_ data: Data, contentType: String, cache: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType, .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
