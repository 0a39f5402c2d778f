import Foundation
import Hummingbird
import SilkbridgeCore

/// Finds out who is calling: a bearer token for the API, the session cookie for pages.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "sb_session"
    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if request.uri.path.hasPrefix("/api/") {
            if let header = request.headers[.authorization] {
                // A credential that does not work is an error, never a silent fall-back to anonymous.
                guard header.lowercased().hasPrefix("bearer "),
                    let identity = try await accounts.authenticate(secret: String(header.dropFirst(7)))
                else { throw AccountError.notAuthenticated }
                context.identity = identity
            }
        } else if let secret = request.cookies[Self.sessionCookie]?.value {
            context.identity = try await accounts.authenticate(secret: secret)
        }
        return try await next(request, context)
    }
}
