import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    /// The link mailed at sign-up, and the account page's "send it again". Opening the link shows a button
    /// rather than verifying at once: mail filters open links to scan them, and a GET must not use up the link.
    /// It works without logging in, since people often read mail on another device.
    func addVerificationRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.verifyEmail) { request, context in
            let token = request.uri.queryParameters.get("token") ?? ""
            return render(verificationForm(token: token, context), errors: nil, request: request, context: context)
        }
        router.post(SitePaths.verifyEmail) { request, context in
            let form = try await FormData(request: request, context: context)
            let account = try await accounts.verifyEmail(secret: form["token"] ?? "")
            let language = context.language
            let organizations = try await directory.memberships(of: account).map { organization, _ in
                MessagePage.Link(
                    label: organization.name.best(for: language), href: SitePaths.organization(organization.id))
            }
            let view = MessagePage(
                title: text("verified_title", context),
                text: String(format: text("verified_text", context), account.email),
                links: organizations.isEmpty
                    ? [MessagePage.Link(label: text("account_title", context), href: SitePaths.account())]
                    : organizations)
            return renderer.render("message", title: view.title, view: view, request: request, context: context)
        }
        router.post(SitePaths.resendVerification) { request, context in
            let account = try context.requireAccount()
            _ = try await FormData(request: request, context: context)
            do {
                try await accounts.resendVerification(to: account)
                return try await accountPage(request, context, notice: text("verification_sent", context))
            } catch let error as AccountError {
                return try await accountPage(
                    request, context, notice: Failure(error).message.text(in: context.language),
                    status: Failure(error).status)
            }
        }
    }

    private func verificationForm(token: String, _ context: AppRequestContext) -> PageForm {
        PageForm(
            title: text("verify_title", context), action: SitePaths.verifyEmail(),
            submit: text("verify_submit", context),
            intro: text("verify_intro", context),
            groups: [FormGroup(fields: [FormField(name: "token", label: "", kind: .hidden, value: token)])])
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
