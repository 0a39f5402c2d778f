import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    func addOrganizationFormRoutes(to router: some RouterMethods<AppRequestContext>) {
        addForm(
            to: router, SitePaths.newOrganization,
            build: { context, _, form in organizationForm(context, form, editing: nil) },
            submit: { form, account, _ in
                SitePaths.organization(try await directory.create(Self.input(from: form), by: account).id)
            })
        addForm(
            to: router, SitePaths.editOrganization,
            build: { context, account, form in
                let id = try pathID(context)
                let organization = try await directory.organization(id: id)
                guard try await directory.role(of: account, in: id) != nil else { throw DirectoryError.notAMember }
                return organizationForm(context, form ?? Self.form(showing: organization), editing: id)
            },
            submit: { form, account, context in
                let id = try pathID(context)
                _ = try await directory.update(id: id, with: Self.input(from: form), by: account)
                return SitePaths.organization(id)
            })
        router.post(SitePaths.deleteOrganization) { request, context in
            let account = try context.requireAccount()
            try await directory.delete(id: try pathID(context), by: account)
            return PageRenderer.redirect(to: SitePaths.directory())
        }
    }

    private func organizationForm(_ context: AppRequestContext, _ form: FormData?, editing id: UUID?) -> PageForm {
        let language = context.language
        func choice(_ name: String, _ label: String, _ options: [Option]) -> FormField {
            FormField(name: name, label: text(label, context), kind: .select, options: options, required: true)
        }
        let selected = { (name: String) in [form?[name] ?? ""] }
        return PageForm(
            title: text(id == nil ? "org_new_title" : "org_edit_title", context),
            action: id.map { SitePaths.editOrganization($0) } ?? SitePaths.newOrganization(),
            back: id.map { SitePaths.organization($0) } ?? SitePaths.directory(),
            submit: text(id == nil ? "org_create" : "save", context),
            groups: [
                bilingual("name", label: text("field_name", context), form, context, maxLength: 200),
                FormGroup(
                    sideBySide: true,
                    fields: [
                        choice(
                            "type", "field_type",
                            options(OrganizationType.allCases, selected: selected("type"), label: \.label, language)),
                        choice(
                            "size", "field_size",
                            options(SizeBand.allCases, selected: selected("size"), label: \.label, language)),
                    ]),
                FormGroup(
                    sideBySide: true,
                    fields: [
                        choice("country", "field_country", countryOptions(selected: selected("country"), language)),
                        FormField(
                            name: "province", label: text("field_province", context), kind: .select,
                            options: catalog.provinces.map {
                                Option(
                                    value: $0.code, label: $0.name.best(for: language),
                                    selected: $0.code == form?["province"])
                            },
                            hint: text("province_hint", context)),
                    ]),
                FormGroup(
                    sideBySide: true,
                    fields: ["en", "zh"].map {
                        FormField(
                            name: "city_\($0)", label: text("field_city_\($0)", context),
                            value: form?["city_\($0)"] ?? "", chinese: $0 == "zh", maxLength: 100)
                    }),
                FormGroup(fields: [
                    FormField(
                        name: "website", label: text("field_website", context), kind: .url,
                        value: form?["website"] ?? "", placeholder: "https://"),
                    FormField(
                        name: "areas", label: text("field_areas", context), kind: .checkboxes,
                        options: areaOptions(selected: form?.all("areas") ?? [], language)),
                ]),
                bilingual(
                    "description", label: text("field_description", context), form, context, kind: .textarea,
                    maxLength: 4000, rows: 5),
            ])
    }

    static func input(from form: FormData) -> OrganizationInput {
        OrganizationInput(
            name: form.localized("name"), type: form.text("type").flatMap(OrganizationType.init),
            country: form.text("country"), province: .some(form.text("province")), city: form.localized("city"),
            website: .some(form.text("website")), size: form.text("size").flatMap(SizeBand.init),
            areas: form.all("areas"),
            description: form.localized("description"))
    }

    /// The form as it shows a stored organisation, for editing.
    static func form(showing organization: Organization) -> FormData {
        var fields: [(name: String, value: String)] = [
            ("type", organization.type.rawValue), ("country", organization.country),
            ("province", organization.province ?? ""), ("website", organization.website ?? ""),
            ("size", organization.size.rawValue),
        ]
        for (name, text) in [
            ("name", organization.name), ("city", organization.city), ("description", organization.description),
        ] {
            fields += [("\(name)_en", text.english ?? ""), ("\(name)_zh", text.chinese ?? "")]
        }
        return FormData(fields: fields + organization.areas.map { ("areas", $0) })
    }
}
