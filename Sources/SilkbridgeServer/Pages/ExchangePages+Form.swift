import Foundation
import Hummingbird
import SilkbridgeCore

extension ExchangePages {
    /// Drafts an opportunity from the form; shows the form again with every problem next to its field.
    func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let form = try await FormData(request: request, context: context)
        let fields = OpportunityFormFields(form)
        let organization = form.text("organization").flatMap(UUID.init(uuidString:)) ?? UUID()
        do {
            // A value the form could not read is not stored as "not given": the form comes back instead.
            guard fields.issues.isEmpty else { throw ValidationError(fields.issues) }
            let opportunity = try await exchange.create(fields.input, for: organization, by: account)
            return PageRenderer.redirect(to: ExchangePaths.opportunity(opportunity.id))
        } catch let error as any DomainError where error.kind == .invalid {
            let errors = FormErrors(error, language: context.language, values: [:])
            return try await formPage(request, context, errors: errors, form: form)
        }
    }

    /// The form showing the stored opportunity; members of its organisation only.
    func editPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let opportunity = try await exchange.opportunity(id: try opportunityID(context), viewer: account)
        guard try await myOrganizations(context).contains(where: { $0.id == opportunity.organizationId }) else {
            throw DirectoryError.notAMember
        }
        return try await formPage(
            request, context, errors: nil, form: OpportunityFormFields.form(showing: opportunity), editing: opportunity)
    }

    /// Applies the edit form: every field is sent, so a field left empty clears what was stored.
    func update(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try opportunityID(context)
        let form = try await FormData(request: request, context: context)
        let fields = OpportunityFormFields(form)
        do {
            guard fields.issues.isEmpty else { throw ValidationError(fields.issues) }
            _ = try await exchange.update(id: id, with: fields.input, by: account)
            return PageRenderer.redirect(to: ExchangePaths.opportunity(id))
        } catch let error as any DomainError where error.kind == .invalid {
            let current = try await exchange.opportunity(id: id, viewer: account)
            let errors = FormErrors(error, language: context.language, values: [:])
            return try await formPage(request, context, errors: errors, form: form, editing: current)
        }
    }

    func formPage(
        _ request: Request, _ context: AppRequestContext, errors: FormErrors?, form: FormData? = nil,
        editing: Opportunity? = nil
    ) async throws -> Response {
        let account = try context.requireAccount()
        let language = context.language
        let mine = try await directory.memberships(of: account).filter { !$0.1.isPending }.map(\.0)
        let chosen = form?.text("organization")
        func typed(_ name: String) -> String { form?[name] ?? "" }
        let view = OpportunityFormPage(
            action: editing.map { ExchangePaths.editOpportunity($0.id) } ?? ExchangePaths.newOpportunity(),
            editing: editing != nil,
            hasOrganizations: editing != nil || !mine.isEmpty,
            newOrganizationLink: SitePaths.newOrganization(),
            organizations: mine.map {
                let id = $0.id.uuidString.lowercased()
                return Option(value: id, label: $0.name.best(for: language), selected: id == chosen)
            },
            types: site.options(
                OpportunityType.allCases, selected: [form?.text("type") ?? ""], label: \.label, language),
            areas: site.areaOptions(selected: form?.all("areas") ?? [], language),
            sides: site.options(Side.allCases, selected: form?.all("targetSides") ?? [], label: \.label, language),
            partnerships: site.options(
                PartnershipType.allCases, selected: form?.all("partnershipTypes") ?? [], label: \.label, language),
            subtopicGroups: catalog.areas.map { area in
                OpportunityFormPage.SubtopicGroup(
                    area: area.label.best(for: language),
                    subtopics: area.subtopics.map {
                        Option(
                            value: $0.code, label: $0.label.best(for: language),
                            selected: form?.all("subtopics").contains($0.code) == true)
                    })
            },
            countries: site.countryOptions(selected: form?.all("targetCountries") ?? [], language),
            stages: site.options(
                DevelopmentStage.allCases, selected: [form?.text("stage") ?? ""], label: \.label, language),
            ipStatuses: site.options(
                IPStatus.allCases, selected: [form?.text("ipStatus") ?? ""], label: \.label, language),
            currencies: Currency.allCases.map {
                Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == form?.text("currency"))
            },
            title_en: typed("title_en"), title_zh: typed("title_zh"), summary_en: typed("summary_en"),
            summary_zh: typed("summary_zh"), description_en: typed("description_en"),
            description_zh: typed("description_zh"), minimum: typed("minimum"), maximum: typed("maximum"),
            deadline: typed("deadline"))
        let title = site.text(editing == nil ? "opportunity_new_title" : "opportunity_edit_title", context)
        return renderer.render(
            "opportunity-form", title: title, view: Merged(view, errors), request: request,
            context: context,
            status: errors == nil ? .ok : .badRequest)
    }
}

/// The opportunity form: the choices of its selects, and what was typed (named as its inputs).
struct OpportunityFormPage {
    struct SubtopicGroup {
        let area: String
        let subtopics: [Option]
    }

    let action: String
    let editing: Bool
    let hasOrganizations: Bool
    let newOrganizationLink: String
    let organizations: [Option]
    let types: [Option]
    let areas: [Option]
    let sides: [Option]
    let partnerships: [Option]
    let subtopicGroups: [SubtopicGroup]
    let countries: [Option]
    let stages: [Option]
    let ipStatuses: [Option]
    let currencies: [Option]
    let title_en: String
    let title_zh: String
    let summary_en: String
    let summary_zh: String
    let description_en: String
    let description_zh: String
    let minimum: String
    let maximum: String
    let deadline: String
}
