import Foundation
import Hummingbird
import SilkbridgeCore
import SilkbridgeLedger

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
    let notifications: NotificationService

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.home) { request, context in try await home(request, context) }
        addAccountRoutes(to: router)
        addVerificationRoutes(to: router)
        addNotificationRoutes(to: router)
        addPasswordResetRoutes(to: router)
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
        try pathValue(context, name, as: UUID.self, missing: missing)
    }

    /// A value in the path: an id or a fixed choice (an action, a decision); anything else names no page.
    func pathValue<Value: PathParameter>(
        _ context: AppRequestContext, _ name: String, as: Value.Type, missing: any Error = HTTPError(.notFound)
    ) throws -> Value {
        guard let text = context.parameters.get(name), let value = Value(pathSegment: text) else { throw missing }
        return value
    }

    func requireLogin(_ request: Request, _ context: AppRequestContext) -> Response? {
        guard context.account == nil else { return nil }
        return PageRenderer.redirect(to: SitePaths.logIn(returningTo: request.uri.path))
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

    /// Organisations to choose from, by name in the page's language.
    func organizationOptions(_ organizations: [Organization], selected: [String?], _ language: Language) -> [Option] {
        organizations.map {
            let id = $0.id.uuidString.lowercased()
            return Option(value: id, label: $0.name.best(for: language), selected: selected.contains(id))
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
