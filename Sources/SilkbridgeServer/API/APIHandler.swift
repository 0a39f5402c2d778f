import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// The JSON API: the generated contract of `openapi.yaml`, answered by the same use cases as the pages.
struct APIHandler: APIProtocol {
    let accounts: AccountService
    let accountRepository: any AccountRepository
    let directory: DirectoryService
    let exchange: ExchangeService
    let interests: InterestService
    let searchService: SearchService
    let inbox: InboxService
    let catalog: ReferenceCatalog
    let ledger: LedgerHost
    let organizationKeys: OrganizationKeyService
    let webhooks: WebhookService
    let agreements: AgreementService
    let matching: MatchingService
    let matchAlerts: MatchAlertService
    let funds: FundService
    let events: EventService

    /// The request context of the current call, handed over by `OpenAPIContextMiddleware`.
    var context: AppRequestContext {
        get throws {
            guard let context = OpenAPIContextMiddleware.current else { throw AccountError.notAuthenticated }
            return context
        }
    }

    func requireAccount() throws -> Account {
        try context.requireAccount()
    }

    /// Parses an id from the path; text that is no UUID names nothing, hence the given not-found error.
    func id(_ text: String, else missing: any Error) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw missing }
        return id
    }
}
