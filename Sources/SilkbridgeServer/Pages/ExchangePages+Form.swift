import Foundation
import Hummingbird
import SilkbridgeCore

extension ExchangePages {
    /// Drafts an opportunity from the form; shows the form again with every problem next to its field.
    func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let form = try await FormData(request: request, context: context)
        let input = OpportunityInput(
            type: form.text("type").flatMap(OpportunityType.init), title: form.localized("title"),
            summary: form.localized("summary"), description: form.localized("description"),
            areas: form.all("areas"), subtopics: [], targetSides: form.all("targetSides").compactMap(Side.init),
            partnershipTypes: form.all("partnershipTypes").compactMap(PartnershipType.init))
        let organization = form.text("organization").flatMap(UUID.init(uuidString:)) ?? UUID()
        do {
            let opportunity = try await exchange.create(input, for: organization, by: account)
            return PageRenderer.redirect(to: ExchangePaths.opportunity(opportunity.id))
        } catch let error as any DomainError where error.kind == .invalid {
            var values: [String: Any] = [:]
            for name in ["title", "summary", "description"] {
                values["\(name)_en"] = form["\(name)_en"] ?? ""
                values["\(name)_zh"] = form["\(name)_zh"] ?? ""
            }
            let errors = FormErrors(error, language: context.language, values: values)
            return try await formPage(request, context, errors: errors, form: form)
        }
    }

    func formPage(_ request: Request, _ context: AppRequestContext, errors: FormErrors?, form: FormData? = nil)
        async throws -> Response
    {
        let account = try context.requireAccount()
        let language = context.language
        let mine = try await directory.memberships(of: account).filter { !$0.1.isPending }.map(\.0)
        let chosen = form?.text("organization")
        var view: [String: Any] = [
            "action": ExchangePaths.newOpportunity,
            "hasOrganizations": !mine.isEmpty,
            "newOrganizationLink": SitePaths.newOrganization,
            "organizations": mine.map {
                let id = $0.id.uuidString.lowercased()
                return Option(value: id, label: $0.name.best(for: language), selected: id == chosen)
            },
            "types": site.options(
                OpportunityType.allCases, selected: [form?.text("type") ?? ""], label: \.label, language),
            "areas": site.areaOptions(selected: form?.all("areas") ?? [], language),
            "sides": site.options(Side.allCases, selected: form?.all("targetSides") ?? [], label: \.label, language),
            "partnerships": site.options(
                PartnershipType.allCases, selected: form?.all("partnershipTypes") ?? [], label: \.label, language),
        ]
        if let errors { view.merge(errors.dictionary) { current, _ in current } }
        return renderer.render(
            "opportunity-form", title: site.text("opportunity_new_title", context), view: view, request: request,
            context: context, status: errors == nil ? .ok : .badRequest)
    }
}
