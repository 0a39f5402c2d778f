import Foundation
import Hummingbird
import SilkbridgeCore

/// Counts the signed-in person's unread notices for the header of every page (the page group's GETs).
struct InboxCountMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let inbox: InboxService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.method == .get, let account = context.account else { return try await next(request, context) }
        var context = context
        context.unreadNotices = try await inbox.unreadCount(of: account)
        return try await next(request, context)
    }
}
