import Foundation
import SilkbridgeAPI
import SilkbridgeCore
import SilkbridgeLedger

/// The JSON API: the generated contract of `openapi.yaml`, answered by the same use cases as the pages.
///
/// Each feature's operations are the extension of a protocol of its own (`OrganizationsAPI`, `AgreementsAPI`, …),
/// which names the use cases they need and so is all they can reach. This type holds every use case and takes on
/// every feature protocol, and with them the whole generated `APIProtocol`.
struct APIHandler: APIProtocol, AccountsAPI, OrganizationsAPI, MembersAPI, KeysAPI, OpportunitiesAPI, InterestsAPI,
    InboxAPI, NotificationsAPI, SearchAPI, MatchingAPI, AgreementsAPI, LedgerAPI, FundAPI, EventsAPI, OutcomesAPI,
    WebhooksAPI,
    ReferenceAPI
{
    let accounts: AccountService
    let accountRepository: any AccountRepository
    let directory: DirectoryService
    let exchange: ExchangeService
    let interests: InterestService
    let searchService: SearchService
    let inbox: InboxService
    let notifications: NotificationService
    let catalog: ReferenceCatalog
    let ledger: LedgerHost
    let organizationKeys: OrganizationKeyService
    let webhooks: WebhookService
    let agreements: AgreementService
    let matching: MatchingService
    let matchAlerts: MatchAlertService
    let funds: FundService
    let events: EventService
}

/// What every feature's operations share: the caller's request context and the reading of ids in paths.
protocol FeatureAPI {}

extension FeatureAPI {
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

    func organizationId(_ text: String) throws -> UUID {
        try id(text, else: DirectoryError.organizationNotFound)
    }

    func eventId(_ text: String) throws -> UUID {
        try id(text, else: EventError.eventNotFound)
    }

    func interestId(_ text: String) throws -> UUID {
        try id(text, else: InterestError.interestNotFound)
    }

    func opportunityId(_ text: String) throws -> UUID {
        try id(text, else: ExchangeError.opportunityNotFound)
    }
}
