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
                kind: form.text("kind").flatMap(AgreementKind.init) ?? .letterOfIntent,
                organizationId: form.text("organization").flatMap(UUID.init(uuidString:)) ?? UUID(),
                partyIds: form.all("parties").compactMap(UUID.init(uuidString:)),
                visibility: form.text("visibility").flatMap(AgreementVisibility.init) ?? .publicText,
                interestId: form.text("interest").flatMap(UUID.init(uuidString:)), content: try content(form))
            let agreement = try await agreements.create(new, by: account)
            return PageRenderer.redirect(to: AgreementPaths.agreement(agreement.id))
        } catch let error as any DomainError where error.kind == .invalid || error.kind == .forbidden {
            return try await formPage(
                request, context, agreement: nil, form: form,
                errors: FormErrors(error, language: context.language, values: [:]))
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
                errors: FormErrors(error, language: context.language, values: [:]))
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
        let content = agreement?.latest.content
        func value(_ name: String, _ stored: String?) -> String { form?[name] ?? stored ?? "" }
        var view = AgreementFormPage(
            isNew: agreement == nil,
            action: agreement.map { AgreementPaths.edit($0.id) } ?? AgreementPaths.newAgreement(),
            title_en: value("title_en", content?.title.english),
            title_zh: value("title_zh", content?.title.chinese),
            text_en: value("text_en", content?.text.english),
            text_zh: value("text_zh", content?.text.chinese),
            termStart: value("termStart", content.map { AgreementDate.format($0.term.start) }),
            termMonths: value("termMonths", content.map { String($0.term.durationMonths) } ?? "12"),
            attachments: value(
                "attachments", content?.attachments.map { "\($0.sha256)  \($0.name)" }.joined(separator: "\n")),
            areas: site.areaOptions(selected: form?.all("areas") ?? content?.areas ?? [], language),
            prevailing: Language.allCases.map {
                Option(
                    value: $0.rawValue, label: $0 == .english ? "English" : "中文",
                    selected: (form?.text("prevailing") ?? content?.prevailingLanguage?.rawValue) == $0.rawValue)
            })
        if let agreement {
            view.backLink = AgreementPaths.agreement(agreement.id)
            view.version = agreement.latest.number + 1
        } else {
            let mine = try await site.directory.memberships(of: account).filter { !$0.1.isPending }.map(\.0)
            let others = try await site.directory.list(OrganizationFilter(), page: try Paging(limit: 100)).items
            let chosen = form?.all("parties").isEmpty == false ? form!.all("parties") : [form?.text("party") ?? ""]
            view.hasOrganizations = !mine.isEmpty
            view.organizations = mine.map {
                let id = $0.id.uuidString.lowercased()
                return Option(value: id, label: $0.name.best(for: language), selected: id == form?.text("organization"))
            }
            view.parties = others.map {
                let id = $0.id.uuidString.lowercased()
                return Option(
                    value: id, label: "\($0.name.best(for: language)) · \($0.side.label.text(in: language))",
                    selected: chosen.contains(id))
            }
            view.kinds = site.options(
                AgreementKind.allCases, selected: [form?.text("kind") ?? ""], label: \.label, language)
            view.interest = form?.text("interest") ?? ""
            view.digestOnly = form?.text("visibility") == AgreementVisibility.digestOnly.rawValue
        }
        return renderer.render(
            "agreement-form",
            title: site.text(agreement == nil ? "agreement_new_title" : "agreement_edit_title", context),
            view: Merged(view, errors), request: request, context: context,
            status: errors == nil ? .ok : .badRequest)
    }
}

/// The agreement form: what was typed or stored (named as its inputs); editing shows the version it makes, drafting
/// the parties to choose.
struct AgreementFormPage {
    let isNew: Bool
    let action: String
    let title_en: String
    let title_zh: String
    let text_en: String
    let text_zh: String
    let termStart: String
    let termMonths: String
    let attachments: String
    let areas: [Option]
    let prevailing: [Option]
    var backLink: String?
    var version: Int?
    var hasOrganizations: Bool?
    var organizations: [Option]?
    var parties: [Option]?
    var kinds: [Option]?
    var interest: String?
    var digestOnly: Bool?
}
