import Foundation
import Hummingbird
import SilkbridgeCore

/// One input of a form page, with what was typed and the messages of the fields it answers for.
struct FormField {
    enum Kind: String {
        case text, date, time, dateTime, number, select, multiple, textarea, checkbox
    }

    let name: String
    let label: String
    var kind: Kind = .text
    var value = ""
    var options: [Option] = []
    var chinese = false
    var hint = ""
    /// The fields of the use case whose messages show here: `pledge.amount` arrives as `pledge_amount`, and
    /// `countries[1]` under `countries`.
    var errorKeys: [String] = []

    /// What the template shows of the field: the input for its kind, and the messages of its keys.
    struct View {
        let name: String
        let label: String
        let value: String
        let options: [Option]
        let isChinese: Bool
        let isSelect: Bool
        let isMultiple: Bool
        let isTextarea: Bool
        let isCheckbox: Bool
        let isInput: Bool
        let type: String
        let checked: Bool
        let hint: String?
        let error: String?
    }

    func view(errors: [String: String]) -> View {
        let keys = [name] + errorKeys
        let messages = errors.filter { key, _ in
            keys.contains { key == $0 || key.hasPrefix($0 + "[") }
        }.sorted { $0.key < $1.key }.map(\.value)
        let types: [Kind: String] = [.date: "date", .time: "time", .dateTime: "datetime-local", .number: "number"]
        return View(
            name: name, label: label, value: value, options: options, isChinese: chinese,
            isSelect: kind == .select || kind == .multiple, isMultiple: kind == .multiple,
            isTextarea: kind == .textarea, isCheckbox: kind == .checkbox,
            isInput: [.text, .date, .time, .dateTime, .number].contains(kind), type: types[kind] ?? "text",
            checked: kind == .checkbox && value == "true", hint: hint.isEmpty ? nil : hint,
            error: messages.isEmpty ? nil : messages.joined(separator: " "))
    }
}

/// What the form template shows of a form page.
struct FormPageView {
    let action: String
    let back: String
    let submit: String
    let fields: [FormField.View]
    let intro: String?
}

/// A form page: its fields, where it posts and where it came from.
struct PageForm {
    let title: String
    let action: String
    let back: String
    let submit: String
    var intro = ""
    var fields: [FormField]
}

extension SitePages {
    /// A page for people who are logged in; anyone else logs in first and comes back.
    func addPrivatePage<each Parameter>(
        to router: some RouterMethods<AppRequestContext>, _ route: PageRoute<repeat each Parameter>,
        _ page: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        router.get(route) { request, context in
            if let login = requireLogin(request, context) { return login }
            return try await page(request, context)
        }
    }

    typealias FormBuilder = @Sendable (AppRequestContext, Account, FormData?) async throws -> PageForm

    /// A form page and its submission, which returns where to go next: on a refusal the form comes back with each
    /// message next to its field and what was typed kept; what the person may not see stays a 404.
    func addForm<each Parameter>(
        to router: some RouterMethods<AppRequestContext>, _ route: PageRoute<repeat each Parameter>,
        build: @escaping FormBuilder,
        submit: @escaping @Sendable (FormData, Account, AppRequestContext) async throws -> String
    ) {
        router.get(route) { request, context in
            if let login = requireLogin(request, context) { return login }
            let form = try await build(context, try context.requireAccount(), nil)
            return render(form, errors: nil, request: request, context: context)
        }
        router.post(route) { request, context in
            let account = try context.requireAccount()
            let data = try await FormData(request: request, context: context)
            do {
                return PageRenderer.redirect(to: try await submit(data, account, context))
            } catch let error as any DomainError
                where [.invalid, .conflict, .forbidden].contains(error.kind)
            {
                let form = try await build(context, account, data)
                return render(
                    form, errors: FormErrors(error, language: context.language, values: [:]), request: request,
                    context: context,
                    status: error.kind == .conflict ? .conflict : error.kind == .forbidden ? .forbidden : .badRequest)
            }
        }
    }

    private func render(
        _ form: PageForm, errors: FormErrors?, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let view = FormPageView(
            action: form.action, back: form.back, submit: form.submit,
            fields: form.fields.map { $0.view(errors: errors?.fieldErrors ?? [:]) },
            intro: form.intro.isEmpty ? nil : form.intro)
        return renderer.render(
            "form", title: form.title, view: Merged(view, errors), request: request,
            context: context, status: status)
    }
}
