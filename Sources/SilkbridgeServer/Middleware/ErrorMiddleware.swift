import Hummingbird
import Logging
import SilkbridgeCore

/// The one place errors become answers, in the form of the route group it guards: problem JSON (RFC 9457) for
/// the API and the operations routes, a readable page for pages. Outside every group (no route matched, a method
/// the route does not take) the request's `Accept` header decides.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    enum Answer {
        case problem
        case page(PageRenderer)
        /// A page for browsers, which ask for HTML, a problem document for everyone else.
        case negotiated(PageRenderer)
    }
    let answer: Answer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let failure = Failure(error)
            if failure.isServerFault {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            var response: Response
            switch answer {
            case .problem: response = Self.problem(failure, language: context.language)
            case .page(let pages): response = pages.errorPage(failure, request: request, context: context)
            case .negotiated(let pages):
                let wantsPage = request.headers[.accept]?.contains("text/html") == true
                response =
                    wantsPage
                    ? pages.errorPage(failure, request: request, context: context)
                    : Self.problem(failure, language: context.language)
            }
            if let retryAfter = failure.retryAfterHeader { response.headers[.retryAfter] = retryAfter }
            return response
        }
    }

    private static func problem(_ failure: Failure, language: Language) -> Response {
        let errors = failure.fieldIssues.map {
            Problem.FieldError(field: $0.field, detail: $0.message.text(in: language))
        }
        return Problem(
            status: failure.status, detail: failure.message.text(in: language), errors: errors.isEmpty ? nil : errors
        ).response()
    }
}
