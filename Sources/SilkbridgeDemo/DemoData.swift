import Logging
import SilkbridgeCore
import SilkbridgeStorage

/// Everything `serve --demo` loads into an empty database, in the order each part builds on the last: the
/// directory, the organisations' keys and agreements, the fund, the exchange, then the events.
package struct DemoData {
    package let database: SilkbridgeDatabase
    package let passwords: any PasswordHasher
    package let catalog: ReferenceCatalog
    package let directory: DirectoryService
    package let exchange: ExchangeService
    package let interests: InterestService
    package let organizationKeys: OrganizationKeyService
    package let agreements: AgreementService
    package let funds: FundService
    package let events: EventService

    package init(
        database: SilkbridgeDatabase, passwords: any PasswordHasher, catalog: ReferenceCatalog,
        directory: DirectoryService, exchange: ExchangeService, interests: InterestService,
        organizationKeys: OrganizationKeyService, agreements: AgreementService, funds: FundService,
        events: EventService
    ) {
        self.database = database
        self.passwords = passwords
        self.catalog = catalog
        self.directory = directory
        self.exchange = exchange
        self.interests = interests
        self.organizationKeys = organizationKeys
        self.agreements = agreements
        self.funds = funds
        self.events = events
    }

    package func load(logger: Logger) async throws {
        if try await loadDirectory(logger: logger) {
            let signatories = try await DemoKeys(
                accounts: database.accounts, directory: directory, keys: organizationKeys
            ).load()
            let signed = try await DemoAgreements(
                agreements: agreements, directory: directory, signatories: signatories
            ).load()
            logger.notice("demo keys registered and \(signed) agreements drafted or signed in the ledger")
            let projects = try await DemoFund(accounts: database.accounts, directory: directory, funds: funds).load()
            logger.notice("demo fund loaded with \(projects) projects")
        }
        let opportunities = try await DemoExchange(
            accounts: database.accounts, directory: directory, exchange: exchange, interests: interests,
            catalog: catalog, logger: logger
        ).load()
        if opportunities > 0 { logger.notice("demo data loaded: \(opportunities) opportunities") }
        let (roundtable, brokerage) = try await DemoEvents(
            accounts: database.accounts, directory: directory, events: events, agreements: agreements,
            passwords: passwords, catalog: catalog
        ).load()
        if roundtable + brokerage > 0 {
            logger.notice("demo events loaded: a roundtable of \(roundtable) and a brokerage event of \(brokerage)")
        }
    }

    /// The directory, into an empty database only; whether it was loaded.
    private func loadDirectory(logger: Logger) async throws -> Bool {
        let existing = try await database.directory.count()
        guard existing == 0 else {
            logger.notice("demo data not loaded: the database already holds \(existing) organisations")
            return false
        }
        let count = try await DemoDirectory(
            accounts: database.accounts, directory: directory, passwords: passwords, logger: logger
        ).load()
        logger.notice(
            "demo data loaded: \(count) organisations; log in as \(DemoDirectory.demoEmail) / \(DemoDirectory.demoPassword)"
        )
        return true
    }
}
