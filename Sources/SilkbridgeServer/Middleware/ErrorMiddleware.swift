import Hummingbird
import Logging
import SilkbridgeCore

/// The one place errors become answers: problem JSON under `/api/`, a readable page elsewhere.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

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
            if request.uri.path.hasPrefix("/api/") || request.uri.path.hasPrefix("/ledger/") {
                let language = context.language
                let errors = failure.fieldIssues.map {
                    Problem.FieldError(field: $0.field, detail: $0.message.text(in: language))
                }
                response = Problem(
                    status: failure.status, detail: failure.message.text(in: language),
                    errors: errors.isEmpty ? nil : errors
                ).response()
            } else {
                response = pages.errorPage(failure, request: request, context: context)
            }
            // Every 503 is a wait that ran out (RFC 9110 §10.2.3): tell clients when trying again makes sense.
            if failure.status == .serviceUnavailable { response.headers[.retryAfter] = "5" }
            return response
        }
    }
}
