import Foundation
import Hummingbird
import SilkbridgeCore

extension ExchangePages {
    /// Drafting a new opportunity and editing one; a value the form could not read is not stored as "not
    /// given": the form comes back with every problem next to its field.
    func addFormRoutes(to router: some RouterMethods<AppRequestContext>) {
        site.addForm(
            to: router, ExchangePaths.newOpportunity,
            build: { context, account, form in try await opportunityForm(context, account, form, editing: nil) },
            submit: { form, account, _ in
                let fields = OpportunityFormFields(form)
                var validator = Validator()
                let organization = form.text("organization").flatMap(UUID.init(uuidString:))
                if organization == nil {
                    validator.add("organization", Message("is not one of your organisations.", "不是您的组织之一。"))
                }
                let issues = validator.issues + fields.issues
                guard let organization, issues.isEmpty else { throw ValidationError(issues) }
                return ExchangePaths.opportunity(
                    try await exchange.create(fields.input, for: organization, by: account).id)
            })
        site.addForm(
            to: router, ExchangePaths.editOpportunity,
            build: { context, account, form in
                let opportunity = try await exchange.opportunity(id: try opportunityID(context), viewer: account)
                guard try await myOrganizations(context).contains(where: { $0.id == opportunity.organizationId })
                else { throw DirectoryError.notAMember }
                return try await opportunityForm(
                    context, account, form ?? OpportunityFormFields.form(showing: opportunity), editing: opportunity)
            },
            submit: { form, account, context in
                // Every field is sent, so a field left empty clears what was stored.
                let id = try opportunityID(context)
                let fields = OpportunityFormFields(form)
                guard fields.issues.isEmpty else { throw ValidationError(fields.issues) }
                _ = try await exchange.update(id: id, with: fields.input, by: account)
                return ExchangePaths.opportunity(id)
            })
    }

    private func opportunityForm(
        _ context: AppRequestContext, _ account: Account, _ form: FormData?, editing: Opportunity?
    ) async throws -> PageForm {
        let language = context.language
        func text(_ key: String) -> String { site.text(key, context) }
        func chosen(_ name: String) -> [String] { form?.all(name) ?? [] }
        func choices(_ name: String, _ label: String, kind: FormField.Kind, _ options: [Option]) -> FormField {
            FormField(name: name, label: text(label), kind: kind, options: options)
        }
        var heading: [FormField] = []
        var notice: PageForm.Notice?
        if editing == nil {
            let mine = try await directory.memberships(of: account).filter { !$0.1.isPending }.map(\.0)
            if mine.isEmpty {
                notice = PageForm.Notice(
                    text: text("opportunity_needs_organization"), link: SitePaths.newOrganization(),
                    linkLabel: text("nav_register_org"))
            }
            heading.append(
                FormField(
                    name: "organization", label: text("interest_on_behalf"), kind: .select,
                    options: site.organizationOptions(mine, selected: [form?["organization"]], language),
                    required: true, blank: false))
        }
        heading.append(
            FormField(
                name: "type", label: text("field_type"), kind: .select,
                options: site.options(OpportunityType.allCases, selected: chosen("type"), label: \.label, language),
                required: true))
        return PageForm(
            title: text(editing == nil ? "opportunity_new_title" : "opportunity_edit_title"),
            action: editing.map { ExchangePaths.editOpportunity($0.id) } ?? ExchangePaths.newOpportunity(),
            back: editing.map { ExchangePaths.opportunity($0.id) } ?? ExchangePaths.opportunities(),
            submit: text(editing == nil ? "opportunity_save_draft" : "opportunity_save"),
            intro: editing == nil ? text("opportunity_draft_hint") : "", notice: notice,
            groups: [
                FormGroup(sideBySide: true, fields: heading),
                site.bilingual("title", label: text("opportunity_title_field"), form, context, maxLength: 200),
                site.bilingual(
                    "summary", label: text("opportunity_summary_field"), form, context, kind: .textarea,
                    maxLength: 500),
                site.bilingual(
                    "description", label: text("field_description"), form, context, kind: .textarea,
                    maxLength: 8000, rows: 5),
                FormGroup(fields: [
                    choices(
                        "areas", "field_areas", kind: .checkboxes, site.areaOptions(selected: chosen("areas"), language)
                    ),
                    choices(
                        "partnershipTypes", "opportunity_partnerships", kind: .checkboxes,
                        site.options(
                            PartnershipType.allCases, selected: chosen("partnershipTypes"), label: \.label, language)),
                    FormField(
                        name: "subtopics", label: text("opportunity_subtopics"), kind: .checkboxes,
                        optionGroups: catalog.areas.map { area in
                            OptionGroup(
                                heading: area.label.best(for: language),
                                options: area.subtopics.map {
                                    Option(
                                        value: $0.code, label: $0.label.best(for: language),
                                        selected: chosen("subtopics").contains($0.code))
                                })
                        }, hint: text("opportunity_subtopics_hint")),
                ]),
                FormGroup(
                    legend: text("opportunity_targets"),
                    fields: [
                        choices(
                            "targetSides", "opportunity_target_sides", kind: .checkboxes,
                            site.options(Side.allCases, selected: chosen("targetSides"), label: \.label, language)),
                        choices(
                            "targetCountries", "opportunity_target_countries", kind: .multiple,
                            site.countryOptions(selected: chosen("targetCountries"), language)),
                    ]),
                FormGroup(
                    legend: text("opportunity_technology"), sideBySide: true,
                    fields: [
                        choices(
                            "stage", "opportunity_stage", kind: .select,
                            site.options(DevelopmentStage.allCases, selected: chosen("stage"), label: \.label, language)
                        ),
                        choices(
                            "ipStatus", "opportunity_ip", kind: .select,
                            site.options(IPStatus.allCases, selected: chosen("ipStatus"), label: \.label, language)),
                    ]),
                FormGroup(
                    legend: text("opportunity_investment"), sideBySide: true,
                    fields: [
                        FormField(
                            name: "minimum", label: text("opportunity_amount_minimum"), value: form?["minimum"] ?? "",
                            errorKeys: ["amount", "amount_minimum"], inputMode: "numeric"),
                        FormField(
                            name: "maximum", label: text("opportunity_amount_maximum"), value: form?["maximum"] ?? "",
                            errorKeys: ["amount_maximum"], inputMode: "numeric"),
                        FormField(
                            name: "currency", label: text("opportunity_currency"), kind: .select,
                            options: Currency.allCases.map {
                                Option(
                                    value: $0.rawValue, label: $0.rawValue,
                                    selected: chosen("currency").contains($0.rawValue))
                            }, blank: false),
                    ]),
                FormGroup(fields: [
                    FormField(
                        name: "deadline", label: text("opportunity_deadline"), kind: .date,
                        value: form?["deadline"] ?? "")
                ]),
            ])
    }
}
