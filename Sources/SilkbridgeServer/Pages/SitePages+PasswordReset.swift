import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    /// "Forgot your password?": a form for the address, which answers the same whether or not an account has it,
    /// and the page of the mailed link, where the new password is chosen.
    func addPasswordResetRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.forgotPassword) { request, context in
            render(requestForm(nil, context), errors: nil, request: request, context: context)
        }
        router.post(SitePaths.forgotPassword) { request, context in
            let form = try await FormData(request: request, context: context)
            do {
                try await accounts.requestPasswordReset(email: form["email"] ?? "")
            } catch let error as ValidationError {
                return render(
                    requestForm(form, context), errors: FormErrors(error, language: context.language),
                    request: request, context: context, status: .badRequest)
            }
            let view = MessagePage(
                title: text("reset_requested_title", context),
                text: String(
                    format: text("reset_requested_text", context), EmailAddress.normalize(form["email"] ?? "")),
                links: [MessagePage.Link(label: text("login", context), href: SitePaths.logIn())])
            return renderer.render("message", title: view.title, view: view, request: request, context: context)
        }
        router.get(SitePaths.resetPassword) { request, context in
            let form = FormData(fields: [("token", request.uri.queryParameters.get("token") ?? "")])
            return render(newPasswordForm(form, context), errors: nil, request: request, context: context)
        }
        router.post(SitePaths.resetPassword) { request, context in
            let form = try await FormData(request: request, context: context)
            do {
                _ = try await accounts.resetPassword(secret: form["token"] ?? "", newPassword: form["password"] ?? "")
            } catch let error as ValidationError {
                return render(
                    newPasswordForm(form, context), errors: FormErrors(error, language: context.language),
                    request: request, context: context, status: .badRequest)
            }
            let view = MessagePage(
                title: text("reset_done_title", context), text: text("reset_done_text", context),
                links: [MessagePage.Link(label: text("login", context), href: SitePaths.logIn())])
            // Logged out everywhere, this browser too.
            var response = renderer.render(
                "message", title: view.title, view: view, request: request, context: context)
            response.setCookie(sessionCookie("", maxAge: 0))
            return response
        }
    }

    private func requestForm(_ form: FormData?, _ context: AppRequestContext) -> PageForm {
        PageForm(
            title: text("forgot_password_title", context), action: SitePaths.forgotPassword(),
            submit: text("forgot_password_submit", context), intro: text("forgot_password_intro", context),
            groups: [
                FormGroup(fields: [
                    FormField(
                        name: "email", label: text("field_email", context), kind: .email, value: form?["email"] ?? "",
                        autocomplete: "email", required: true)
                ])
            ])
    }

    private func newPasswordForm(_ form: FormData, _ context: AppRequestContext) -> PageForm {
        PageForm(
            title: text("reset_title", context), action: SitePaths.resetPassword(),
            submit: text("reset_submit", context),
            groups: [
                FormGroup(fields: [
                    FormField(name: "token", label: "", kind: .hidden, value: form["token"] ?? ""),
                    FormField(
                        name: "password", label: text("field_new_password", context), kind: .password,
                        hint: text("password_hint", context), autocomplete: "new-password", required: true),
                ])
            ])
    }
}
