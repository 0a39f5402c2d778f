import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    /// The links mailed to confirm an address (at sign-up, and for a change of address), and the account page's
    /// "send it again" and "change your address". Opening a link shows a button rather than acting at once: mail
    /// filters open links to scan them, and a GET must not use up the link. They work without logging in, since
    /// people often read mail on another device.
    func addVerificationRoutes(to router: some RouterMethods<AppRequestContext>) {
        addLinkPage(to: router, SitePaths.verifyEmail, prefix: "verify") { secret, context in
            try await accounts.verifyEmail(secret: secret)
        }
        addLinkPage(to: router, SitePaths.changeEmail, prefix: "change_email") { secret, context in
            try await accounts.changeEmail(secret: secret)
        }
        router.post(SitePaths.resendVerification) { request, context in
            let account = try context.requireAccount()
            _ = try await FormData(request: request, context: context)
            return try await accountAction(request, context, done: text("verification_sent", context)) {
                try await accounts.resendVerification(to: account)
            }
        }
        router.post(SitePaths.accountEmail) { request, context in
            let account = try context.requireAccount()
            let form = try await FormData(request: request, context: context)
            let email = EmailAddress.normalize(form["email"] ?? "")
            return try await accountAction(
                request, context, done: String(format: text("change_email_sent", context), email)
            ) {
                try await accounts.requestEmailChange(
                    of: account, to: email, password: form["password"] ?? "", client: context.clientAddress)
            }
        }
    }

    /// The account page after an action on it, saying what it did or why it was refused.
    func accountAction(
        _ request: Request, _ context: AppRequestContext, done: String, _ action: () async throws -> Void
    ) async throws -> Response {
        do {
            try await action()
            return try await accountPage(request, context, notice: done)
        } catch let error as any DomainError where error.kind != .unavailable {
            let failure = Failure(error)
            return try await accountPage(
                request, context, notice: failure.message.text(in: context.language), status: failure.status)
        }
    }

    /// A mailed link's page: a button that uses the link, then what it did and where to go next. The texts are
    /// `<prefix>_title`, `_intro`, `_submit` and, after, `_done_title` and `_done_text` (with the address).
    private func addLinkPage(
        to router: some RouterMethods<AppRequestContext>, _ route: FixedRoute, prefix: String,
        use: @escaping @Sendable (String, AppRequestContext) async throws -> Account
    ) {
        router.get(route) { request, context in
            let form = PageForm(
                title: text("\(prefix)_title", context), action: route(), submit: text("\(prefix)_submit", context),
                intro: text("\(prefix)_intro", context),
                groups: [
                    FormGroup(fields: [
                        FormField(
                            name: "token", label: "", kind: .hidden,
                            value: request.uri.queryParameters.get("token") ?? "")
                    ])
                ])
            return render(form, errors: nil, request: request, context: context)
        }
        router.post(route) { request, context in
            let form = try await FormData(request: request, context: context)
            let account = try await use(form["token"] ?? "", context)
            let language = context.language
            let organizations = try await directory.memberships(of: account).map { organization, _ in
                MessagePage.Link(
                    label: organization.name.best(for: language), href: SitePaths.organization(organization.id))
            }
            let view = MessagePage(
                title: text("\(prefix)_done_title", context),
                text: String(format: text("\(prefix)_done_text", context), account.email),
                links: organizations.isEmpty
                    ? [MessagePage.Link(label: text("account_title", context), href: SitePaths.account())]
                    : organizations)
            return renderer.render("message", title: view.title, view: view, request: request, context: context)
        }
    }
}

/// A short page that says what just happened and where to go next.
struct MessagePage {
    struct Link {
        let label: String
        let href: String
    }

    let title: String
    let text: String
    let links: [Link]
}
