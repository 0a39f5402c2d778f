import Foundation
import Hummingbird
import SilkbridgeCore

/// The web interface: server-rendered pages over the same use cases as the API.
struct SitePages: Sendable {
    let renderer: PageRenderer
    let accounts: AccountService
    let accountRepository: any AccountRepository
    let directory: DirectoryService
    let catalog: ReferenceCatalog
    let secureCookies: Bool
    let ledger: LedgerHost
    let organizationKeys: OrganizationKeyService
    let agreements: AgreementService

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.home) { request, context in try await home(request, context) }
        addAccountRoutes(to: router)
        addDirectoryRoutes(to: router)
        addOrganizationFormRoutes(to: router)
        addMemberRoutes(to: router)
        addLedgerRoutes(to: router)
        addKeyRoutes(to: router)
    }

    func text(_ key: String, _ context: AppRequestContext) -> String {
        renderer.translations.text(key, context.language)
    }

    private func home(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let areas = catalog.areas.map { $0.label.best(for: context.language) }
        let count = try await directory.list(OrganizationFilter(), page: try Paging(limit: 6))
        let view = HomePage(
            areas: areas, recent: count.items.map { OrganizationView($0, catalog: catalog, language: context.language) }
        )
        return renderer.render(
            "home", title: text("home_title", context), view: view, request: request, context: context)
    }

    /// An id in the path; one that is not a UUID cannot name anything, so it is a 404.
    func pathID(
        _ context: AppRequestContext, _ name: String = "id", missing: any Error = DirectoryError.organizationNotFound
    ) throws -> UUID {
        guard let value = context.parameters.get(name), let id = UUID(uuidString: value) else { throw missing }
        return id
    }

    /// A fixed choice in the path (an action, a decision); any other word names no page.
    func pathChoice<Choice: PathParameter>(_ context: AppRequestContext, _ name: String, as: Choice.Type) throws
        -> Choice
    {
        guard let value = context.parameters.get(name), let choice = Choice(pathSegment: value) else {
            throw HTTPError(.notFound)
        }
        return choice
    }

    func requireLogin(_ request: Request, _ context: AppRequestContext) -> Response? {
        guard context.account == nil else { return nil }
        let back = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return PageRenderer.redirect(to: SitePaths.logIn() + "?next=\(back)")
    }

    func options<T: RawRepresentable<String>>(
        _ values: [T], selected: [String], label: (T) -> Message, _ language: Language
    )
        -> [Option]
    {
        values.map {
            Option(value: $0.rawValue, label: label($0).text(in: language), selected: selected.contains($0.rawValue))
        }
    }

    func areaOptions(selected: [String], _ language: Language) -> [Option] {
        catalog.areas.map {
            Option(value: $0.code, label: $0.label.best(for: language), selected: selected.contains($0.code))
        }
    }

    func countryOptions(selected: [String], _ language: Language) -> [Option] {
        catalog.participatingCountries
            .map { Option(value: $0.code, label: $0.name.best(for: language), selected: selected.contains($0.code)) }
            .sorted { $0.label < $1.label }
    }
}

struct HomePage {
    let areas: [String]
    let recent: [OrganizationView]
}
