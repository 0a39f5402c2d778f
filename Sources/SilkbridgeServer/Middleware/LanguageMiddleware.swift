import Hummingbird
import SilkbridgeCore

/// Settles the language of every answer, page or problem document, before anything can fail: a `?lang=` choice,
/// then the remembered choice, then `Accept-Language`.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookie = "sb_lang"

    /// The language the request asks for explicitly, which pages remember.
    static func chosen(by request: Request) -> Language? {
        request.uri.queryParameters.get("lang").flatMap(Language.init(looseTag:))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.language =
            Self.chosen(by: request) ?? request.cookies[Self.cookie].flatMap { Language(rawValue: $0.value) }
            ?? Language.preferred(fromAcceptLanguage: request.headers[.acceptLanguage]) ?? .english
        return try await next(request, context)
    }
}
