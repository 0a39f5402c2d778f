import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    func addOrganizationFormRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.newOrganization) { request, context in
            if let login = requireLogin(request, context) { return login }
            return formPage(request, context, values: [:], action: SitePaths.newOrganization(), errors: nil)
        }
        router.post(SitePaths.newOrganization) { request, context in
            let account = try context.requireAccount()
            let form = try await FormData(request: request, context: context)
            do {
                let created = try await directory.create(Self.input(from: form), by: account)
                return PageRenderer.redirect(to: SitePaths.organization(created.id))
            } catch let error as ValidationError {
                return formPage(
                    request, context, values: Self.values(of: form), action: SitePaths.newOrganization(),
                    errors: FormErrors(error, language: context.language, values: [:]))
            }
        }
        router.get(SitePaths.editOrganization) { request, context in
            if let login = requireLogin(request, context) { return login }
            let id = try pathID(context)
            let organization = try await directory.organization(id: id)
            guard try await directory.role(of: context.account, in: id) != nil else { throw DirectoryError.notAMember }
            return formPage(
                request, context, values: Self.values(of: organization), action: SitePaths.editOrganization(id),
                errors: nil)
        }
        router.post(SitePaths.editOrganization) { request, context in
            let account = try context.requireAccount()
            let id = try pathID(context)
            let form = try await FormData(request: request, context: context)
            do {
                _ = try await directory.update(id: id, with: Self.input(from: form), by: account)
                return PageRenderer.redirect(to: SitePaths.organization(id))
            } catch let error as ValidationError {
                return formPage(
                    request, context, values: Self.values(of: form), action: SitePaths.editOrganization(id),
                    errors: FormErrors(error, language: context.language, values: [:]))
            }
        }
        router.post(SitePaths.deleteOrganization) { request, context in
            let account = try context.requireAccount()
            try await directory.delete(id: try pathID(context), by: account)
            return PageRenderer.redirect(to: SitePaths.directory())
        }
    }

    private func formPage(
        _ request: Request, _ context: AppRequestContext, values: [String: String], action: String, errors: FormErrors?
    ) -> Response {
        let language = context.language
        let areas = values["areas"]?.split(separator: ",").map(String.init) ?? []
        let view = OrganizationFormPage(
            name_en: values["name_en"] ?? "", name_zh: values["name_zh"] ?? "", city_en: values["city_en"] ?? "",
            city_zh: values["city_zh"] ?? "", website: values["website"] ?? "",
            description_en: values["description_en"] ?? "", description_zh: values["description_zh"] ?? "",
            action: action, isNew: action == SitePaths.newOrganization(),
            types: options(OrganizationType.allCases, selected: [values["type"] ?? ""], label: \.label, language),
            sizes: options(SizeBand.allCases, selected: [values["size"] ?? ""], label: \.label, language),
            areaOptions: areaOptions(selected: areas, language),
            countries: countryOptions(selected: [values["country"]].compactMap { $0 }, language),
            provinces: catalog.provinces.map {
                Option(value: $0.code, label: $0.name.best(for: language), selected: $0.code == values["province"])
            })
        let title = text(action == SitePaths.newOrganization() ? "org_new_title" : "org_edit_title", context)
        return renderer.render(
            "organization-form", title: title, view: Merged(view, errors), request: request,
            context: context,
            status: errors == nil ? .ok : .badRequest)
    }

    static func input(from form: FormData) -> OrganizationInput {
        OrganizationInput(
            name: form.localized("name"), type: form.text("type").flatMap(OrganizationType.init),
            country: form.text("country"), province: .some(form.text("province")), city: form.localized("city"),
            website: .some(form.text("website")), size: form.text("size").flatMap(SizeBand.init),
            areas: form.all("areas"),
            description: form.localized("description"))
    }

    static func values(of form: FormData) -> [String: String] {
        var values: [String: String] = [:]
        for name in [
            "name_en", "name_zh", "type", "country", "province", "city_en", "city_zh", "website", "size",
            "description_en", "description_zh",
        ] {
            values[name] = form[name] ?? ""
        }
        values["areas"] = form.all("areas").joined(separator: ",")
        return values
    }

    static func values(of organization: Organization) -> [String: String] {
        [
            "name_en": organization.name.english ?? "", "name_zh": organization.name.chinese ?? "",
            "type": organization.type.rawValue, "country": organization.country,
            "province": organization.province ?? "",
            "city_en": organization.city.english ?? "", "city_zh": organization.city.chinese ?? "",
            "website": organization.website ?? "", "size": organization.size.rawValue,
            "areas": organization.areas.joined(separator: ","),
            "description_en": organization.description.english ?? "",
            "description_zh": organization.description.chinese ?? "",
        ]
    }
}

/// The organisation form: what was typed or stored (named as its inputs), and the choices of its selects.
struct OrganizationFormPage {
    let name_en: String
    let name_zh: String
    let city_en: String
    let city_zh: String
    let website: String
    let description_en: String
    let description_zh: String
    let action: String
    let isNew: Bool
    let types: [Option]
    let sizes: [Option]
    let areaOptions: [Option]
    let countries: [Option]
    let provinces: [Option]
}
