import Foundation
import HTTPTypes
import Hummingbird

/// Who is on the other end of a request, for log-in throttling: the connection's address, or, when that is a
/// proxy the deployment names as trusted, the address the proxies say they forwarded for: the right-most
/// `X-Forwarded-For` entry that is not itself a trusted proxy. Anyone else's `X-Forwarded-For` is ignored, since
/// a client can write whatever it likes there.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let peer = context.peerAddress, trustedProxies.contains(peer) else {
            return try await next(request, context)
        }
        var context = context
        let chain = request.headers[values: Self.forwardedFor]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        context.clientAddress = chain.last { !$0.isEmpty && !trustedProxies.contains($0) } ?? peer
        return try await next(request, context)
    }
}
