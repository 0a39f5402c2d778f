import Foundation
import Hummingbird
import SilkbridgeCore

extension ExchangePages {
    func addInboxRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(ExchangePaths.inbox) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await inboxPage(request, context)
        }
        router.post(ExchangePaths.readInbox) { request, context in
            let account = try context.requireAccount()
            try await inbox.markRead(by: account)
            return PageRenderer.redirect(to: ExchangePaths.inbox())
        }
    }

    private func inboxPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let language = context.language
        let (notices, unread) = try await inbox.inbox(of: account)
        // What each notice is about: an opportunity or an agreement, by its title, which the viewer may read.
        var titles: [UUID: String] = [:]
        for (notice, _) in notices {
            if let id = notice.opportunityId, titles[id] == nil {
                titles[id] =
                    try await ifPresent { try await exchange.opportunity(id: id, viewer: account) }?.title
                    .best(for: language) ?? ""
            }
            if let id = notice.agreementId, titles[id] == nil {
                titles[id] =
                    try await ifPresent { try await agreements.agreement(id: id, viewer: account) }?.current.content
                    .title
                    .best(for: language) ?? ""
            }
        }
        let view = InboxPage(
            notices: notices.map { notice, isUnread in
                InboxPage.Notice(
                    label: notice.kind.label.text(in: language), actor: notice.actorName,
                    opportunity: (notice.opportunityId ?? notice.agreementId).flatMap { titles[$0] } ?? "",
                    link: ExchangePaths.notice(notice),
                    at: notice.at.formatted(.iso8601), unread: isUnread)
            },
            empty: notices.isEmpty, unreadCount: unread, hasUnread: unread > 0,
            readAction: ExchangePaths.readInbox())
        return renderer.render(
            "inbox", title: site.text("inbox_title", context), view: view, request: request, context: context)
    }
}

struct InboxPage {
    struct Notice {
        let label: String
        let actor: String
        let opportunity: String
        let link: String
        let at: String
        let unread: Bool
    }

    let notices: [Notice]
    let empty: Bool
    let unreadCount: Int
    let hasUnread: Bool
    let readAction: String
}
