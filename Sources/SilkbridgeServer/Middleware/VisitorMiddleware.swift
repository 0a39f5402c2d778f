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
        context.csrfToken = existingToken ?? CSRF.newToken()
        var response = try await next(request, context)
        if let chosen = LanguageMiddleware.chosen(by: request) {
            // The switch is remembered for a year, so the choice survives closing the browser.
            response.setCookie(cookie(LanguageMiddleware.cookie, chosen.rawValue, maxAge: 365 * 24 * 3600))
        }
        if existingToken == nil {
            response.setCookie(cookie(Self.csrfCookie, context.csrfToken, maxAge: nil))
        }
        return response
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
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

/// Double-submit tokens: a form is accepted only if it echoes the token of the visitor's own cookie,
/// which another site can neither read nor set.
enum CSRF {
    static func newToken() -> String {
        (0..<24).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max)) }.joined()
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
