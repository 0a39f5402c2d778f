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

    func dictionary(errors: [String: String]) -> [String: Any] {
        let keys = [name] + errorKeys
        let messages = errors.filter { key, _ in
            keys.contains { key == $0 || key.hasPrefix($0 + "[") }
        }.sorted { $0.key < $1.key }.map(\.value)
        let types: [Kind: String] = [.date: "date", .time: "time", .dateTime: "datetime-local", .number: "number"]
        var result: [String: Any] = [
            "name": name, "label": label, "value": value, "options": options, "isChinese": chinese,
            "isSelect": kind == .select || kind == .multiple, "isMultiple": kind == .multiple,
            "isTextarea": kind == .textarea, "isCheckbox": kind == .checkbox,
            "isInput": [.text, .date, .time, .dateTime, .number].contains(kind), "type": types[kind] ?? "text",
            "checked": kind == .checkbox && value == "true",
        ]
        if !hint.isEmpty { result["hint"] = hint }
        if !messages.isEmpty { result["error"] = messages.joined(separator: " ") }
        return result
    }
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
    func addPrivatePage(
        to router: some RouterMethods<AppRequestContext>, _ path: String,
        _ page: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        router.get(RouterPath(path)) { request, context in
            if let login = requireLogin(request, context) { return login }
            return try await page(request, context)
        }
    }

    typealias FormBuilder = @Sendable (AppRequestContext, Account, FormData?) async throws -> PageForm

    /// A form page and its submission, which returns where to go next: on a refusal the form comes back with each
    /// message next to its field and what was typed kept; what the person may not see stays a 404.
    func addForm(
        to router: some RouterMethods<AppRequestContext>, _ path: String, build: @escaping FormBuilder,
        submit: @escaping @Sendable (FormData, Account, AppRequestContext) async throws -> String
    ) {
        router.get(RouterPath(path)) { request, context in
            if let login = requireLogin(request, context) { return login }
            let form = try await build(context, try context.requireAccount(), nil)
            return render(form, errors: nil, request: request, context: context)
        }
        router.post(RouterPath(path)) { request, context in
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
        var view: [String: Any] = [
            "action": form.action, "back": form.back, "submit": form.submit,
            "fields": form.fields.map { $0.dictionary(errors: errors?.fieldErrors ?? [:]) },
        ]
        if !form.intro.isEmpty { view["intro"] = form.intro }
        if let errors { view.merge(errors.dictionary) { current, _ in current } }
        return renderer.render(
            "form", title: form.title, view: view, request: request, context: context, status: status)
    }
}
