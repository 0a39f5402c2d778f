import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    func addDirectoryRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.directory) { request, context in try await directoryPage(request, context) }
        router.get(SitePaths.organization) { request, context in try await organizationPage(request, context) }
    }

    private func directoryPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = FormData(query: request)
        let language = context.language
        func value(_ name: String) -> String? { query.text(name) }
        // Unknown filter values are ignored rather than refused: a page should survive a hand-edited URL.
        let filter = OrganizationFilter(
            side: value("side").flatMap(Side.init), country: value("country").map { String($0.prefix(2)) },
            area: value("area").flatMap { catalog.area($0)?.code }, type: value("type").flatMap(OrganizationType.init),
            query: value("q").map { String($0.prefix(200)) })
        let page = try await directory.list(filter, page: try Paging(limit: 24, cursor: value("cursor")))
        var nextLink: String?
        if let cursor = page.nextCursor {
            var components = URLComponents(string: request.uri.string) ?? URLComponents()
            components.queryItems =
                (components.queryItems ?? []).filter { $0.name != "cursor" } + [
                    URLQueryItem(name: "cursor", value: cursor)
                ]
            nextLink = components.string
        }
        let view = DirectoryPage(
            q: filter.query ?? "",
            organizations: page.items.map { OrganizationView($0, catalog: catalog, language: language) },
            empty: page.items.isEmpty,
            sides: options(Side.allCases, selected: [filter.side?.rawValue ?? ""], label: \.label, language),
            types: options(
                OrganizationType.allCases, selected: [filter.type?.rawValue ?? ""], label: \.label, language),
            areas: areaOptions(selected: [filter.area ?? ""], language),
            countries: countryOptions(selected: [filter.country].compactMap { $0 }, language), next: nextLink)
        return renderer.render(
            "directory", title: text("directory_title", context), view: view, request: request, context: context)
    }

    func organizationPage(
        _ request: Request, _ context: AppRequestContext, keyForm: FormData? = nil, keyErrors: FormErrors? = nil
    ) async throws -> Response {
        let id = try pathID(context)
        let organization = try await directory.organization(id: id)
        let role = try await directory.role(of: context.account, in: id)
        let view = OrganizationPage(
            organization: OrganizationView(organization, catalog: catalog, language: context.language),
            canEdit: role != nil, canDelete: role == .owner, editLink: SitePaths.editOrganization(id),
            membersLink: SitePaths.members(id), matchesLink: SitePaths.matches(id),
            deleteLink: SitePaths.deleteOrganization(id), role: role.map { $0.label.text(in: context.language) },
            keys: try await keysView(of: id, canManage: role != nil, form: keyForm, errors: keyErrors, context))
        return renderer.render(
            "organization", title: organization.name.best(for: context.language), view: view, request: request,
            context: context, status: keyErrors == nil ? .ok : .badRequest)
    }
}

struct DirectoryPage {
    let q: String
    let organizations: [OrganizationView]
    let empty: Bool
    let sides: [Option]
    let types: [Option]
    let areas: [Option]
    let countries: [Option]
    /// The link to the following page of results, when there is one.
    let next: String?
}

struct OrganizationPage {
    let organization: OrganizationView
    let canEdit: Bool
    let canDelete: Bool
    let editLink: String
    let membersLink: String
    let matchesLink: String
    let deleteLink: String
    /// The viewer's role, for members only.
    let role: String?
    let keys: Merged<KeysView, FormErrors>
}
