import Foundation
import Hummingbird
import SilkbridgeCore

/// One input of a form, with what was typed and the messages of the fields it answers for. Every form of the
/// site is made of these and rendered by the `field` partial, so a label, a hint and a message sit the same way
/// everywhere.
struct FormField {
    enum Kind: String {
        case text, email, password, url, date, time, dateTime, number
        case select, multiple, checkboxes, radio, textarea, checkbox, hidden
    }

    let name: String
    let label: String
    var kind: Kind = .text
    var value = ""
    var options: [Option] = []
    /// Choices under headings, such as the subtopics of each area; else `options` form one group.
    var optionGroups: [OptionGroup] = []
    var chinese = false
    var hint = ""
    /// The fields of the use case whose messages show here: `pledge.amount` arrives as `pledge_amount`, and
    /// `countries[1]` under `countries`.
    var errorKeys: [String] = []
    var autocomplete: String?
    var maxLength: Int?
    var required = false
    /// Whether a single choice offers "—", none chosen.
    var blank = true
    var rows = 3
    var inputMode: String?
    var placeholder: String?

    func with(errorKeys keys: [String]) -> FormField {
        var field = self
        field.errorKeys += keys
        return field
    }

    /// What the template shows of the field: the input for its kind, and the messages of its keys.
    struct View {
        let name: String
        let label: String
        let value: String
        let optionGroups: [OptionGroup]
        let isChinese: Bool
        let isSelect: Bool
        let isMultiple: Bool
        let hasBlank: Bool
        /// Checkboxes or radio buttons, one per option, under the label as a legend.
        let isChoices: Bool
        let choiceType: String
        let isTextarea: Bool
        let isCheckbox: Bool
        let isHidden: Bool
        let isInput: Bool
        let type: String
        let checked: Bool
        let hint: String?
        let error: String?
        let autocomplete: String?
        let maxLength: Int?
        let required: Bool
        let rows: Int
        let inputMode: String?
        let placeholder: String?
    }

    func view(errors: [String: String]) -> View {
        let keys = [name] + errorKeys
        let messages = errors.filter { key, _ in
            keys.contains { key == $0 || key.hasPrefix($0 + "[") }
        }.sorted { $0.key < $1.key }.map(\.value)
        let inputs: [Kind: String] = [
            .text: "text", .email: "email", .password: "password", .url: "url", .date: "date", .time: "time",
            .dateTime: "datetime-local", .number: "number",
        ]
        return View(
            name: name, label: label, value: value,
            optionGroups: optionGroups.isEmpty ? [OptionGroup(heading: nil, options: options)] : optionGroups,
            isChinese: chinese, isSelect: kind == .select || kind == .multiple, isMultiple: kind == .multiple,
            hasBlank: kind == .select && blank, isChoices: kind == .checkboxes || kind == .radio,
            choiceType: kind == .radio ? "radio" : "checkbox", isTextarea: kind == .textarea,
            isCheckbox: kind == .checkbox, isHidden: kind == .hidden, isInput: inputs[kind] != nil,
            type: inputs[kind] ?? "text", checked: kind == .checkbox && value == "true",
            hint: hint.isEmpty ? nil : hint, error: messages.isEmpty ? nil : messages.joined(separator: " "),
            autocomplete: autocomplete, maxLength: maxLength, required: required, rows: rows, inputMode: inputMode,
            placeholder: placeholder)
    }
}

/// Choices shown under one heading; no heading for a plain list.
struct OptionGroup {
    let heading: String?
    let options: [Option]
}

/// Fields that belong together: under a legend (the two languages of one text), side by side on a wide screen.
struct FormGroup {
    var legend = ""
    var sideBySide = false
    var fields: [FormField]

    /// The group with more messages shown under its first field, such as `location` under the venue's name.
    func with(errorKeys keys: [String]) -> FormGroup {
        var group = self
        if !group.fields.isEmpty { group.fields[0] = group.fields[0].with(errorKeys: keys) }
        return group
    }

    struct View {
        let legend: String?
        let sideBySide: Bool
        let fields: [FormField.View]
    }

    func view(errors: [String: String]) -> View {
        View(
            legend: legend.isEmpty ? nil : legend, sideBySide: sideBySide,
            fields: fields.map { $0.view(errors: errors) })
    }
}

/// A form: its fields, where it posts and where it came from.
struct PageForm {
    /// A line above the form that sends the person elsewhere first, such as registering an organisation.
    struct Notice {
        let text: String
        let link: String
        let linkLabel: String
    }

    let title: String
    let action: String
    var back = ""
    let submit: String
    var intro = ""
    var notice: Notice?
    /// A line below the form, such as the way to log in instead of signing up.
    var footnote: Notice?
    /// A second such line, such as the way to a new password.
    var help: Notice?
    var groups: [FormGroup]

    init(
        title: String, action: String, back: String = "", submit: String, intro: String = "",
        notice: Notice? = nil, footnote: Notice? = nil, groups: [FormGroup]
    ) {
        self.title = title
        self.action = action
        self.back = back
        self.submit = submit
        self.intro = intro
        self.notice = notice
        self.footnote = footnote
        self.groups = groups
    }

    /// A form whose fields stand one under the other.
    init(title: String, action: String, back: String, submit: String, intro: String = "", fields: [FormField]) {
        self.init(
            title: title, action: action, back: back, submit: submit, intro: intro, groups: [FormGroup(fields: fields)])
    }

    /// What the templates show: `form` for a page of its own, the `form-body` partial inside another page.
    struct View {
        let action: String
        let back: String?
        let submit: String
        let intro: String?
        let notice: Notice?
        let footnote: Notice?
        let help: Notice?
        let groups: [FormGroup.View]
    }

    func view(errors: FormErrors?) -> View {
        View(
            action: action, back: back.isEmpty ? nil : back, submit: submit, intro: intro.isEmpty ? nil : intro,
            notice: notice, footnote: footnote, help: help,
            groups: groups.map { $0.view(errors: errors?.fieldErrors ?? [:]) })
    }
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
                    form, errors: FormErrors(error, language: context.language), request: request,
                    context: context,
                    status: error.kind == .conflict ? .conflict : error.kind == .forbidden ? .forbidden : .badRequest)
            }
        }
    }

    /// A form on a page of its own, with the messages of a refusal.
    func render(
        _ form: PageForm, errors: FormErrors?, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        renderer.render(
            "form", title: form.title, view: Merged(form.view(errors: errors), errors), request: request,
            context: context, status: status)
    }

    /// The English and the Chinese input of one text, side by side under its name; a message about the text as
    /// a whole (neither language given) shows under the English one.
    func bilingual(
        _ name: String, label: String, _ form: FormData?, _ context: AppRequestContext, kind: FormField.Kind = .text,
        maxLength: Int? = nil, rows: Int = 3
    ) -> FormGroup {
        func field(_ suffix: String, _ language: String, chinese: Bool) -> FormField {
            FormField(
                name: "\(name)_\(suffix)", label: text(language, context), kind: kind,
                value: form?["\(name)_\(suffix)"] ?? "", chinese: chinese, maxLength: maxLength, rows: rows)
        }
        return FormGroup(
            legend: label, sideBySide: true,
            fields: [
                field("en", "in_english", chinese: false).with(errorKeys: [name]),
                field("zh", "in_chinese", chinese: true),
            ])
    }
}
