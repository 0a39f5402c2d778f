import Hummingbird

/// Generated API handlers cannot see the request context, so it travels to them in a task-local value.
struct OpenAPIContextMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    @TaskLocal static var current: AppRequestContext?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        try await Self.$current.withValue(context) { try await next(request, context) }
    }
}
