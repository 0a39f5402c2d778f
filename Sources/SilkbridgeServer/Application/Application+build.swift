import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIHummingbird
import OpenAPIRuntime
import Prometheus
import ServiceLifecycle
import SilkbridgeAPI
import SilkbridgeCore
import SilkbridgeDemo
import SilkbridgeLedger
import SilkbridgeLedgerClient
import SilkbridgeStorage

/// The composition root: builds the database, the use cases and every route, on one screen. It connects to
/// nothing itself; the start-up work runs before the server listens.
/// `router` is given only by tests that read the routes registered on it.
public func buildApplication(
    configuration: ServerConfiguration, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    logger: Logger = Logger(label: "silkbridge"),
    router: Router<AppRequestContext> = Router(context: AppRequestContext.self)
) async throws -> some ApplicationProtocol {
    // What can fail to read comes first, so that after the database opens only the registration of the generated
    // API routes (constant paths, registered by every test) can throw: from there on, the service group is the one
    // way the application stops.
    let catalog = try ReferenceDataLoader.load()
    let renderer = try await PageRenderer.load()
    let publicFiles = try PublicFiles()
    let openAPIDocument = try OpenAPIDocument.yaml()
    let serverURL = try Servers.Server1.url()
    var ledgerConfiguration = configuration.ledger
    let ledgerKey = try LedgerKey.load(ledgerConfiguration, database: configuration.database, logger: logger)
    let demoWitnesses =
        configuration.demo && ledgerConfiguration.witnesses.isEmpty
        ? try DemoWitnesses(ledger: ledgerConfiguration, database: configuration.database, logSigner: ledgerKey)
        : nil
    if let demoWitnesses { ledgerConfiguration.witnesses = demoWitnesses.ledgerWitnesses }
    let ledgerIdentity = try LedgerIdentity(ledgerConfiguration, signer: ledgerKey)
    let mailSender = try configuration.mail.map {
        try $0.sender(publicURL: configuration.mailLinks.publicURL, logger: logger)
    }
    let database = try SilkbridgeDatabase(
        location: configuration.database, logger: logger, pool: configuration.databasePool)

    let passwords = BcryptPasswordHasher(cost: configuration.passwordCost)
    // Log-ins and sign-ups hash on at most half the cores, so a burst of them leaves the rest of the site its share.
    let boundedPasswords = BoundedPasswordHasher(passwords, concurrent: System.coreCount / 2, waiting: 16)
    let accounts = AccountService(
        accounts: database.accounts, tokens: database.tokens, passwords: boundedPasswords,
        links: configuration.mailLinks)
    let directory = DirectoryService(
        repository: database.directory, catalog: catalog, links: configuration.mailLinks)
    let search = SearchService(source: database.searchSource, catalog: catalog, index: MultilingualTextIndex())
    let exchange = ExchangeService(
        repository: database.exchange, directory: database.directory, catalog: catalog, indexing: search)
    let interests = InterestService(repository: database.interests, exchange: exchange, directory: database.directory)
    let inbox = InboxService(repository: database.inbox, directory: database.directory)
    let notifications = NotificationService(
        repository: database.notifications, accounts: database.accounts, directory: database.directory,
        links: configuration.mailLinks)
    let matching = MatchingService(
        source: database.searchSource, interests: database.interests, catalog: catalog,
        extractor: MultilingualTermExtractor())
    let matchAlerts = MatchAlertService(repository: database.matchAlerts, matching: matching, directory: directory)
    let ledger = LedgerHost(ledgerConfiguration, identity: ledgerIdentity, database: database, logger: logger)
    let organizationKeys = OrganizationKeyService(
        keys: database.organizationKeys, directory: directory, decoder: C2SPPublicKeyDecoder(), ledger: ledger)
    let webhooks = WebhookService(repository: database.webhooks, directory: directory)
    let agreements = AgreementService(
        repository: database.agreements, directory: directory, keys: database.organizationKeys,
        interests: database.interests, ledger: ledger, scheme: Ed25519SignatureScheme(), catalog: catalog)
    let rates = ExchangeRateImport.rates(of: database)
    let funds = FundService(
        repository: database.funds, directory: directory, rates: rates, ledger: ledger,
        scheme: Ed25519SignatureScheme(), catalog: catalog)
    let events = EventService(
        repository: database.events, directory: directory, catalog: catalog, interests: database.interests,
        agreements: database.agreements)

    var startUpSteps: [StartUp.Step] = [
        { try await database.migrate() },
        { try await ledger.start() },
        {
            let recovered = try await organizationKeys.recoverPendingRegistrations()
            if recovered > 0 { logger.notice("key registrations completed after a crash: \(recovered)") }
            let commitments = try await funds.recordPendingCommitments()
            if commitments > 0 { logger.notice("fund commitments recorded in the ledger after a stop: \(commitments)") }
        },
    ]
    if configuration.loadRatesAtStart { startUpSteps.append { _ = try await rates.table() } }
    if configuration.demo {
        let demo = DemoData(
            database: database, passwords: passwords, catalog: catalog, directory: directory, exchange: exchange,
            interests: interests, organizationKeys: organizationKeys, agreements: agreements, funds: funds,
            events: events)
        startUpSteps.append { try await demo.load(logger: logger) }
    }
    let startUp = StartUp(startUpSteps)

    // Three route groups, each with the middleware its answers need; no middleware looks at the path.
    router.addMiddleware {
        ClientAddressMiddleware(trustedProxies: configuration.trustedProxies)
        SecurityHeadersMiddleware()
        MetricsMiddleware()
        LanguageMiddleware()
        ErrorMiddleware(answer: .negotiated(renderer))
    }
    // Operations and the ledger's C2SP routes: problem documents, no credentials, no cookies.
    let operations = router.group().add(middleware: ErrorMiddleware(answer: .problem))
    OperationsRoutes(
        database: database, ledger: ledger, metrics: metrics, openAPIDocument: openAPIDocument,
        notifications: notifications
    ).addRoutes(to: operations)
    LedgerRoutes(ledger: ledger).addRoutes(to: operations)
    demoWitnesses?.addRoutes(to: operations)
    publicFiles.addRoutes(to: operations)
    // The API: bearer tokens, problem documents, no cookies.
    let api = router.group()
        .add(middleware: ErrorMiddleware(answer: .problem))
        .add(middleware: BodyLimitMiddleware())
        .add(middleware: AuthenticationMiddleware(accounts: accounts, credential: .bearerToken))
        .add(middleware: OpenAPIContextMiddleware())
    try APIHandler(
        accounts: accounts, accountRepository: database.accounts, directory: directory, exchange: exchange,
        interests: interests, searchService: search, inbox: inbox, notifications: notifications, catalog: catalog,
        ledger: ledger,
        organizationKeys: organizationKeys, webhooks: webhooks, agreements: agreements,
        matching: matching, matchAlerts: matchAlerts, funds: funds,
        events: events
    ).registerHandlers(on: api, serverURL: serverURL, configuration: Configuration(dateTranscoder: APIDateTranscoder()))
    // Pages: the visitor's cookies, the session, a CSRF check on every unsafe method, readable error pages.
    let pages = router.group()
        .add(middleware: VisitorMiddleware(secureCookies: configuration.secureCookies))
        .add(middleware: ErrorMiddleware(answer: .page(renderer)))
        .add(middleware: BodyLimitMiddleware())
        .add(middleware: AuthenticationMiddleware(accounts: accounts, credential: .sessionCookie))
        .add(middleware: CSRFMiddleware())
        .add(middleware: InboxCountMiddleware(inbox: inbox))
    let site = SitePages(
        renderer: renderer, accounts: accounts, accountRepository: database.accounts, directory: directory,
        catalog: catalog, secureCookies: configuration.secureCookies, ledger: ledger,
        organizationKeys: organizationKeys, agreements: agreements, notifications: notifications
    )
    site.addRoutes(to: pages)
    WebhookPages(site: site, webhooks: webhooks).addRoutes(to: pages)
    ExchangePages(
        site: site, exchange: exchange, interests: interests, search: search, inbox: inbox, agreements: agreements
    ).addRoutes(to: pages)
    MatchingPages(site: site, matching: matching, alerts: matchAlerts).addRoutes(to: pages)
    AgreementPages(site: site, agreements: agreements).addRoutes(to: pages)
    FundPages(site: site, funds: funds).addRoutes(to: pages)
    EventPages(site: site, events: events, matching: matching, agreements: agreements).addRoutes(to: pages)
    DashboardPages(
        site: site,
        figures: CooperationFigures(
            directory: directory, exchange: exchange, interests: database.interests, agreements: database.agreements,
            funds: database.funds, rates: rates, catalog: catalog)
    ).addRoutes(to: pages)

    var app = Application(
        router: router,
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "Silkbridge"),
        logger: logger)
    app.beforeServerStarts { try await startUp.run() }
    // Services stop in reverse order: the ledger gives its lease back before the database closes.
    app.addServices(
        DatabaseService(database: database),
        LedgerService(appender: ledger.appender, logger: logger) { await startUp.succeeded() })
    var background: [any Service] = []
    if let interval = configuration.webhookDeliveryInterval {
        background.append(
            WebhookDeliveryService(
                repository: database.webhooks, interval: interval,
                reachesLoopback: configuration.webhooksReachLoopback, logger: logger))
    }
    // Expiry itself needs no job (a publication past its date reads as expired), but the notice before it does.
    if let interval = configuration.expiryNoticeInterval {
        background.append(
            RepeatingJob.notices("expiry notices", interval: interval, logger: logger) {
                try await exchange.sendExpiryNotices()
            })
    }
    if let interval = configuration.reminderInterval {
        let reminders = ReminderService(
            agreements: database.agreements, interests: database.interests, inbox: database.inbox)
        background.append(
            RepeatingJob.notices("reminders", interval: interval, logger: logger) {
                try await reminders.sendReminders(now: Date())
            })
    }
    if let interval = configuration.matchAlertInterval {
        background.append(
            RepeatingJob.notices("match alerts", interval: interval, logger: logger) {
                try await matchAlerts.sendAlerts()
            })
    }
    // Start-up reads only the right edge of the tree; this finds damage further left, paced so that it takes a
    // bounded share of the CPU.
    if let interval = configuration.ledger.integrityCheckInterval {
        let ledgerConfiguration = configuration.ledger
        background.append(
            RepeatingJob(name: "the full ledger check", interval: interval, logger: logger) {
                let report = try await ledger.checkIntegrity(
                    pause: ledgerConfiguration.integrityCheckPause, now: Date())
                ledgerConfiguration.onIntegrityReport(report)
            })
    }
    if let mail = configuration.mail, let mailSender {
        if case .files(let directory) = mail.transport {
            logger.notice("no SMTP server configured (--smtp-url): mails are written to \(directory)")
        }
        let delivery = MailDelivery(outbox: database.mailOutbox, sender: mailSender)
        background.append(
            RepeatingJob.notices("mails", interval: mail.interval, logger: logger) {
                // The notices stored since the last round become mails first, so they leave in this round.
                let now = Date()
                while try await notifications.mailNotices(now: now) > 0 {}
                try await notifications.sendDigests(now: now)
                var sent = 0
                while case let tried = try await delivery.sendDue(now: Date()), tried > 0 { sent += tried }
                return sent
            })
    }
    for service in background { app.addServices(AfterStartUp(startUp: startUp, service: service)) }
    return app
}
