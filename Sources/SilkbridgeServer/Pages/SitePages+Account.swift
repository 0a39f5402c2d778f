import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    func addAccountRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.signUp) { request, context in
            // An invitation mail's link brings the invited address along.
            let email = request.uri.queryParameters.get("email").map { FormData(fields: [("email", $0)]) }
            return render(accountForm(signingUp: true, email, context), errors: nil, request: request, context: context)
        }
        router.post(SitePaths.signUp) { request, context in try await signUp(request, context) }
        router.get(SitePaths.logIn) { request, context in
            let next = SitePaths.safeReturn(request.uri.queryParameters.get("next")) ?? ""
            return render(
                accountForm(signingUp: false, FormData(fields: [("next", next)]), context), errors: nil,
                request: request, context: context)
        }
        router.post(SitePaths.logIn) { request, context in try await logIn(request, context) }
        router.post(SitePaths.logOut) { request, context in
            if let token = context.identity?.token { try await accounts.logOut(token: token) }
            var response = PageRenderer.redirect(to: SitePaths.home())
            response.setCookie(sessionCookie("", maxAge: 0))
            response.setCookie(VisitorMiddleware.freshCSRFCookie(secure: secureCookies))
            return response
        }
        router.get(SitePaths.account) { request, context in try await accountPage(request, context) }
        router.post(SitePaths.accountTokens) { request, context in
            guard let account = context.account else { throw AccountError.notAuthenticated }
            let form = try await FormData(request: request, context: context)
            let issued = try await accounts.createPersonalToken(for: account, name: form.text("name") ?? "")
            return try await accountPage(request, context, newSecret: issued.secret)
        }
        router.post(SitePaths.revokeToken) { request, context in
            guard let account = context.account else { throw AccountError.notAuthenticated }
            try await accounts.revokePersonalToken(
                id: try pathID(context, missing: AccountError.tokenNotFound), of: account)
            return PageRenderer.redirect(to: SitePaths.account())
        }
    }

    private func signUp(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormData(request: request, context: context)
        let input = SignUp(
            email: form["email"] ?? "", password: form["password"] ?? "", displayName: form["displayName"] ?? "",
            preferredLanguage: context.language)
        do {
            _ = try await accounts.signUp(input)
        } catch let error as any DomainError {
            return render(
                accountForm(signingUp: true, form, context),
                errors: FormErrors(error, language: context.language),
                request: request, context: context, status: .badRequest)
        }
        return try await startSession(
            email: input.email, password: input.password, client: context.clientAddress,
            next: SitePaths.newOrganization())
    }

    private func logIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormData(request: request, context: context)
        let next = SitePaths.safeReturn(form["next"]) ?? SitePaths.directory()
        do {
            return try await startSession(
                email: form["email"] ?? "", password: form["password"] ?? "", client: context.clientAddress,
                next: next)
        } catch let error as AccountError {
            let failure = Failure(error)
            var response = render(
                accountForm(signingUp: false, form, context),
                errors: FormErrors(error, language: context.language),
                request: request, context: context, status: failure.status)
            if let retryAfter = failure.retryAfterHeader { response.headers[.retryAfter] = retryAfter }
            return response
        }
    }

    /// The sign-up and log-in forms: what was typed comes back, except the password.
    private func accountForm(signingUp: Bool, _ form: FormData?, _ context: AppRequestContext) -> PageForm {
        func text(_ key: String) -> String { self.text(key, context) }
        let first =
            signingUp
            ? FormField(
                name: "displayName", label: text("field_display_name"), value: form?["displayName"] ?? "",
                autocomplete: "name", maxLength: 100, required: true)
            : FormField(name: "next", label: "", kind: .hidden, value: form?["next"] ?? "")
        var form = PageForm(
            title: text(signingUp ? "signup_title" : "login_title"),
            action: signingUp ? SitePaths.signUp() : SitePaths.logIn(), submit: text(signingUp ? "signup" : "login"),
            footnote: signingUp
                ? PageForm.Notice(text: text("have_account"), link: SitePaths.logIn(), linkLabel: text("login"))
                : PageForm.Notice(text: text("no_account"), link: SitePaths.signUp(), linkLabel: text("signup")),
            groups: [
                FormGroup(fields: [
                    first,
                    FormField(
                        name: "email", label: text("field_email"), kind: .email, value: form?["email"] ?? "",
                        autocomplete: "email", required: true),
                    FormField(
                        name: "password", label: text("field_password"), kind: .password,
                        hint: signingUp ? text("password_hint") : "",
                        autocomplete: signingUp ? "new-password" : "current-password", required: true),
                ])
            ])
        if !signingUp {
            form.help = PageForm.Notice(
                text: text("forgot_password_hint"), link: SitePaths.forgotPassword(),
                linkLabel: text("forgot_password"))
        }
        return form
    }

    private func startSession(email: String, password: String, client: String?, next: String) async throws
        -> Response
    {
        let issued = try await accounts.logIn(email: email, password: password, kind: .browser, client: client)
        var response = PageRenderer.redirect(to: next)
        response.setCookie(sessionCookie(issued.secret, maxAge: Int(AccountService.sessionLifetime)))
        response.setCookie(VisitorMiddleware.freshCSRFCookie(secure: secureCookies))
        return response
    }

    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: AuthenticationMiddleware.sessionCookie, value: value, maxAge: maxAge, path: "/",
            secure: secureCookies,
            httpOnly: true, sameSite: .lax)
    }

    func accountPage(
        _ request: Request, _ context: AppRequestContext, newSecret: String? = nil, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        if let login = requireLogin(request, context) { return login }
        let account = try context.requireAccount()
        let language = context.language
        let memberships = try await directory.memberships(of: account).map { organization, membership in
            AccountPage.Membership(
                name: organization.name.best(for: language), link: SitePaths.organization(organization.id),
                role: membership.role.label.text(in: language))
        }
        let tokens = try await accounts.personalTokens(of: account).map { token in
            AccountPage.Token(
                name: token.name, created: Self.dateText(token.createdAt), revoke: SitePaths.revokeToken(token.id))
        }
        let tokenForm = PageForm(
            title: text("token_create", context), action: SitePaths.accountTokens(),
            submit: text("token_create", context),
            groups: [
                FormGroup(fields: [
                    FormField(name: "name", label: text("token_name", context), maxLength: 100, required: true)
                ])
            ])
        let emailForm = PageForm(
            title: text("change_email_form", context), action: SitePaths.accountEmail(),
            submit: text("change_email_form", context),
            groups: [
                FormGroup(fields: [
                    FormField(
                        name: "email", label: text("field_new_email", context), kind: .email, autocomplete: "email",
                        required: true),
                    FormField(
                        name: "password", label: text("field_current_password", context), kind: .password,
                        autocomplete: "current-password", required: true),
                ])
            ])
        let settings = try await notifications.settings(of: account)
        let view = AccountPage(
            email: account.email, emailVerified: account.emailVerified, displayName: account.displayName,
            memberships: memberships, tokens: tokens, tokenForm: tokenForm.view(errors: nil),
            emailForm: emailForm.view(errors: nil),
            notificationsForm: notificationsForm(settings, verified: account.emailVerified, context).view(errors: nil),
            newSecret: newSecret, notice: notice)
        return renderer.render(
            "account", title: text("account_title", context), view: view, request: request, context: context,
            status: status)
    }

    static func dateText(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

struct AccountPage {
    struct Membership {
        let name: String
        let link: String
        let role: String
    }

    struct Token {
        let name: String
        let created: String
        let revoke: String
    }

    let email: String
    let emailVerified: Bool
    let displayName: String
    let memberships: [Membership]
    let tokens: [Token]
    let tokenForm: PageForm.View
    let emailForm: PageForm.View
    let notificationsForm: PageForm.View
    /// A token's secret, shown once on the page that answers its creation.
    let newSecret: String?
    /// What the last action on the page did, such as mailing a new verification link.
    let notice: String?
}
