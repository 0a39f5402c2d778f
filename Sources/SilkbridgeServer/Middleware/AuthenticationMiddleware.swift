import Foundation
import Hummingbird
import SilkbridgeCore

/// Finds out who is calling, by the credential of the route group: a bearer token for the API, the session
/// cookie for pages.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    enum Credential {
        case bearerToken
        case sessionCookie
    }
    static let sessionCookie = "sb_session"
    let accounts: AccountService
    let credential: Credential

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        switch credential {
        case .bearerToken:
            if let header = request.headers[.authorization] {
                // A credential that does not work is an error, never a silent fall-back to anonymous.
                guard header.lowercased().hasPrefix("bearer "),
                    let identity = try await accounts.authenticate(secret: String(header.dropFirst(7)))
                else { throw AccountError.notAuthenticated }
                context.identity = identity
            }
        case .sessionCookie:
            if let secret = request.cookies[Self.sessionCookie]?.value,
                let identity = try await accounts.authenticate(secret: secret)
            {
                context.identity = identity
                context.csrfToken = CSRF.token(forSession: secret)
            }
        }
        return try await next(request, context)
    }
}
