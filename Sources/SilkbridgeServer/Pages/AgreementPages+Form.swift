import Foundation
import Hummingbird
import SilkbridgeCore

extension AgreementPages {
    func addFormRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(AgreementPaths.newAgreement) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            return try await formPage(request, context, agreement: nil, form: FormData(query: request), errors: nil)
        }
        router.post(AgreementPaths.newAgreement) { request, context in
            try await create(request, context)
        }
        router.get(AgreementPaths.edit) { request, context in
            if let login = site.requireLogin(request, context) { return login }
            let agreement = try await agreements.agreement(id: try agreementID(context), viewer: context.account)
            return try await formPage(request, context, agreement: agreement, form: nil, errors: nil)
        }
        router.post(AgreementPaths.edit) { request, context in
            try await revise(request, context, form: try await FormData(request: request, context: context))
        }
    }

    private func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let form = try await FormData(request: request, context: context)
        do {
            let new = NewAgreement(
                kind: try form.choice("kind"), organizationId: try form.id("organization"),
                partyIds: form.all("parties").compactMap(UUID.init(uuidString:)),
                visibility: try form.choice("visibility"),
                interestId: form.text("interest").flatMap(UUID.init(uuidString:)), content: try content(form))
            let agreement = try await agreements.create(new, by: account)
            return PageRenderer.redirect(to: AgreementPaths.agreement(agreement.id))
        } catch let error as any DomainError where error.kind == .invalid || error.kind == .forbidden {
            return try await formPage(
                request, context, agreement: nil, form: form,
                errors: FormErrors(error, language: context.language))
        }
    }

    /// A new version of a draft from the edit form.
    func revise(_ request: Request, _ context: AppRequestContext, form: FormData) async throws -> Response {
        let account = try context.requireAccount()
        let id = try agreementID(context)
        do {
            _ = try await agreements.revise(id, with: try content(form), by: account)
            return PageRenderer.redirect(to: AgreementPaths.agreement(id))
        } catch let error as any DomainError where error.kind == .invalid {
            let agreement = try await agreements.agreement(id: id, viewer: account)
            return try await formPage(
                request, context, agreement: agreement, form: form,
                errors: FormErrors(error, language: context.language))
        }
    }

    /// The content fields; attachments are lines of `sha256sum` output, `<digest>  <file name>`.
    private func content(_ form: FormData) throws -> AgreementContentInput {
        let attachments = (form["attachments"] ?? "").split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            return parts.count == 2
                ? AgreementAttachment(
                    name: parts[1].trimmingCharacters(in: .whitespaces).trimmingPrefix("*").description,
                    sha256: String(parts[0]).lowercased())
                : nil
        }
        return AgreementContentInput(
            title: form.localized("title"), areas: form.all("areas"),
            termStart: try form.text("termStart").map { try AgreementDate.parse($0) },
            termMonths: form.text("termMonths").flatMap { Int($0) },
            prevailingLanguage: form.text("prevailing").flatMap(Language.init(rawValue:)),
            text: form.localized("text"), attachments: attachments)
    }

    private func formPage(
        _ request: Request, _ context: AppRequestContext, agreement: Agreement?, form: FormData?, errors: FormErrors?
    ) async throws -> Response {
        let account = try context.requireAccount()
        let language = context.language
        func text(_ key: String) -> String { site.text(key, context) }
        // A new version starts from the latest one; a refused form shows what was typed.
        let shown = form ?? agreement.map { Self.form(showing: $0.latest.content) }
        var heading: [FormGroup] = []
        var notice: PageForm.Notice?
        if agreement == nil {
            let mine = try await site.directory.memberships(of: account).filter { !$0.1.isPending }.map(\.0)
            let others = try await site.directory.list(OrganizationFilter(), page: try Paging(limit: 100)).items
            let parties = form?.all("parties").isEmpty == false ? form!.all("parties") : [form?.text("party") ?? ""]
            if mine.isEmpty {
                notice = PageForm.Notice(
                    text: text("opportunity_needs_organization"), link: SitePaths.newOrganization(),
                    linkLabel: text("nav_register_org"))
            }
            let visibility = form?.text("visibility") ?? AgreementVisibility.publicText.rawValue
            heading = [
                FormGroup(
                    sideBySide: true,
                    fields: [
                        FormField(name: "interest", label: "", kind: .hidden, value: form?.text("interest") ?? ""),
                        FormField(
                            name: "organization", label: text("interest_on_behalf"), kind: .select,
                            options: site.organizationOptions(mine, selected: [form?.text("organization")], language),
                            required: true, blank: false),
                        FormField(
                            name: "kind", label: text("field_type"), kind: .select,
                            options: site.options(
                                AgreementKind.allCases, selected: [form?.text("kind") ?? ""], label: \.label, language),
                            required: true, blank: false),
                    ]),
                FormGroup(fields: [
                    FormField(
                        name: "parties", label: text("agreement_other_parties"), kind: .multiple,
                        options: others.map {
                            let id = $0.id.uuidString.lowercased()
                            return Option(
                                value: id,
                                label: "\($0.name.best(for: language)) · \($0.side.label.text(in: language))",
                                selected: parties.contains(id))
                        }, required: true),
                    FormField(
                        name: "visibility", label: text("agreement_visibility"), kind: .radio,
                        options: [
                            Option(
                                value: AgreementVisibility.publicText.rawValue,
                                label: text("agreement_visibility_public"),
                                selected: visibility == AgreementVisibility.publicText.rawValue),
                            Option(
                                value: AgreementVisibility.digestOnly.rawValue,
                                label: text("agreement_visibility_digest"),
                                selected: visibility == AgreementVisibility.digestOnly.rawValue),
                        ]),
                ]),
            ]
        }
        var textGroup = site.bilingual(
            "text", label: text("agreement_text"), shown, context, kind: .textarea, maxLength: 100_000, rows: 12)
        textGroup.fields.append(
            FormField(
                name: "prevailing", label: text("agreement_prevailing"), kind: .select,
                options: Language.allCases.map {
                    Option(
                        value: $0.rawValue, label: $0 == .english ? "English" : "中文",
                        selected: shown?.text("prevailing") == $0.rawValue)
                }, errorKeys: ["prevailingLanguage"]))
        let pageForm = PageForm(
            title: text(agreement == nil ? "agreement_new_title" : "agreement_edit_title"),
            action: agreement.map { AgreementPaths.edit($0.id) } ?? AgreementPaths.newAgreement(),
            back: agreement.map { AgreementPaths.agreement($0.id) } ?? AgreementPaths.register(),
            submit: text("agreement_save_version"),
            intro: agreement.map { "\(text("agreement_version")) \($0.latest.number + 1)" } ?? "", notice: notice,
            groups: heading + [
                site.bilingual("title", label: text("agreement_field_title"), shown, context, maxLength: 200),
                textGroup,
                FormGroup(
                    sideBySide: true,
                    fields: [
                        FormField(
                            name: "termStart", label: text("agreement_term_start"), kind: .date,
                            value: shown?["termStart"] ?? ""),
                        FormField(
                            name: "termMonths", label: text("agreement_term_months"), kind: .number,
                            value: shown?["termMonths"] ?? "12"),
                    ]),
                FormGroup(fields: [
                    FormField(
                        name: "areas", label: text("field_areas"), kind: .checkboxes,
                        options: site.areaOptions(selected: shown?.all("areas") ?? [], language)),
                    FormField(
                        name: "attachments", label: text("agreement_attachments"), kind: .textarea,
                        value: shown?["attachments"] ?? "", hint: text("agreement_attachments_hint"),
                        placeholder: "e3b0c442…  annex-a.pdf"),
                ]),
            ])
        return site.render(
            pageForm, errors: errors, request: request, context: context, status: errors == nil ? .ok : .badRequest)
    }

    /// The form as it shows a version's content, for the next one.
    static func form(showing content: AgreementContent) -> FormData {
        var fields: [(name: String, value: String)] = [
            ("title_en", content.title.english ?? ""), ("title_zh", content.title.chinese ?? ""),
            ("text_en", content.text.english ?? ""), ("text_zh", content.text.chinese ?? ""),
            ("termStart", AgreementDate.format(content.term.start)),
            ("termMonths", String(content.term.durationMonths)),
            ("prevailing", content.prevailingLanguage?.rawValue ?? ""),
            ("attachments", content.attachments.map { "\($0.sha256)  \($0.name)" }.joined(separator: "\n")),
        ]
        fields += content.areas.map { ("areas", $0) }
        return FormData(fields: fields)
    }
}
