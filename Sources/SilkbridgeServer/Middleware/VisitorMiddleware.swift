import Crypto
import Foundation
import Hummingbird
import SilkbridgeCore

/// Hands every page visitor a CSRF token and remembers a language they chose, in cookies only pages set.
struct VisitorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let csrfCookie = "sb_csrf"
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let existingToken = request.cookies[Self.csrfCookie]?.value
        let anonymousToken = existingToken ?? CSRF.newToken()
        // The session's own token replaces this one once authentication has found a session.
        context.csrfToken = anonymousToken
        var response = try await next(request, context)
        if let chosen = LanguageMiddleware.chosen(by: request) {
            // The switch is remembered for a year, so the choice survives closing the browser.
            response.setCookie(
                Self.cookie(LanguageMiddleware.cookie, chosen.rawValue, maxAge: 365 * 24 * 3600, secure: secureCookies))
        }
        if existingToken == nil {
            response.setCookie(Self.cookie(Self.csrfCookie, anonymousToken, maxAge: nil, secure: secureCookies))
        }
        return response
    }

    /// A new anonymous token, for the answer that starts or ends a session: what a visitor held before logging in
    /// is not what they hold after logging out.
    static func freshCSRFCookie(secure: Bool) -> Cookie {
        cookie(csrfCookie, CSRF.newToken(), maxAge: nil, secure: secure)
    }

    private static func cookie(_ name: String, _ value: String, maxAge: Int?, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

/// Every unsafe request to a page must carry the visitor's CSRF token in its form's `_csrf` field. It is checked
/// here, before any handler runs, so that a new form handler cannot forget it.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        try CSRF.check(FormData(urlEncoded: String(buffer: body))["_csrf"], context: context)
        return try await next(request, context)
    }
}

/// A form is accepted only if it echoes the visitor's token. Signed in, the token is derived from the session's
/// secret, so it changes with every log-in and no cookie another site manages to set (from a sibling domain, say)
/// can stand in for it. Anonymous, it is a double-submit token: the visitor's own cookie, which another site can
/// neither read nor, on this origin alone, set.
enum CSRF {
    /// The token of a signed-in session: a digest of its secret under a label of its own, so it tells nothing of
    /// the secret nor of the digest the token store keeps.
    static func token(forSession secret: String) -> String {
        SHA256.hash(data: Data("silkbridge csrf\n\(secret)".utf8)).prefix(24)
            .hexadecimal
    }

    static func newToken() -> String {
        (0..<24).map { _ in UInt8.random(in: .min ... .max) }.hexadecimal
    }

    static func check(_ submitted: String?, context: AppRequestContext) throws {
        guard let submitted, !context.csrfToken.isEmpty, constantTimeEqual(submitted, context.csrfToken) else {
            throw CSRFError()
        }
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

struct CSRFError: DomainError {
    var kind: FailureKind { .forbidden }
    var message: Message {
        Message(
            "This form has expired or came from another site. Reload the page and try again.",
            "此表单已过期或来自其他网站。请刷新页面后重试。")
    }
}
