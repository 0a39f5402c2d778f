import HTTPTypes
import Hummingbird

/// Headers on every answer that keep the pages from being framed, sniffed or fed scripts from elsewhere: the
/// delete, revoke and sign forms cannot be put under another site's clicks, and an injected `<script>` would not
/// run. The pages' own scripts are files under `/static/`, so `script-src 'self'` is all they need (WebCrypto
/// signing included).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        [
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
            "object-src 'none'",
        ].joined(separator: "; ")
    }

    // For browsers that predate `frame-ancestors`.
    static var frameOptions: HTTPField.Name { HTTPField.Name("X-Frame-Options")! }
    static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[Self.frameOptions] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "same-origin"
        return response
    }
}
