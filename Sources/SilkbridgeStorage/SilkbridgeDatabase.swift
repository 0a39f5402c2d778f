import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SilkbridgeCore

/// An open, migrated database and the repositories over it.
public final class SilkbridgeDatabase: Sendable {
    public let location: DatabaseLocation
    private let databases: Databases
    /// SQLite only: the read-only connections beside the one writer (see `ReadWriteDatabase`).
    private let readers: Databases?
    /// SQLite only: this database's own threads for the blocking SQLite calls, so that one database's wait cannot
    /// take the threads another one needs (tests run many servers in one process).
    private let threadPool: NIOThreadPool?
    let logger: Logger

    var database: any Database {
        let writer = databases.database(logger: logger, on: databases.eventLoopGroup.any())!
        guard let readers else { return writer }
        return ReadWriteDatabase(
            writer: writer, reader: readers.database(logger: logger, on: readers.eventLoopGroup.any())!)
    }

    public var accounts: any AccountRepository { SQLAccountRepository(database: database) }
    public var tokens: any TokenRepository { SQLTokenRepository(database: database) }
    public var directory: any DirectoryRepository { SQLDirectoryRepository(database: database) }
    public var exchange: any ExchangeRepository { SQLExchangeRepository(database: database) }
    public var interests: any InterestRepository { SQLInterestRepository(database: database) }
    public var searchSource: any SearchSource { SQLSearchSource(database: database) }
    public var inbox: any InboxRepository { SQLInboxRepository(database: database) }
    public var organizationKeys: any OrganizationKeyRepository { SQLOrganizationKeyRepository(database: database) }
    public var webhooks: any WebhookRepository { SQLWebhookRepository(database: database) }
    public var agreements: any AgreementRepository { SQLAgreementRepository(database: database) }
    public var matchAlerts: any MatchAlertRepository { SQLMatchAlertRepository(database: database) }
    public var funds: any FundRepository { SQLFundRepository(database: database) }
    public var exchangeRates: any ExchangeRateRepository { SQLExchangeRateRepository(database: database) }
    public var events: any EventRepository { SQLEventRepository(database: database) }
    public var mailOutbox: any MailOutbox { SQLMailOutbox(database: database) }
    public var notifications: any NotificationRepository { SQLNotificationRepository(database: database) }

    /// Connects (creating the SQLite file and its folder if needed) without migrating.
    public init(location: DatabaseLocation, logger: Logger, pool: DatabasePool = DatabasePool()) throws {
        self.location = location
        self.logger = logger
        let timeout = TimeAmount.nanoseconds(Int64(pool.timeout / .nanoseconds(1)))
        switch location {
        case .sqlite(let path):
            let file = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let group = MultiThreadedEventLoopGroup.singleton
            // One thread per connection: the writer and a reader per event loop.
            let threadPool = NIOThreadPool(numberOfThreads: 1 + NIOSingletons.groupLoopCountSuggestion)
            threadPool.start()
            self.threadPool = threadPool
            // A single event loop has a pool of one connection: the only one that writes.
            databases = Databases(threadPool: threadPool, on: group.next())
            databases.use(.sqlite(.file(path), connectionPoolTimeout: timeout, sqlLogLevel: .trace), as: .sqlite)
            let readers = Databases(threadPool: threadPool, on: group)
            readers.use(
                .sqlite(.file(file.absoluteString + "?mode=ro"), connectionPoolTimeout: timeout, sqlLogLevel: .trace),
                as: .sqlite)
            self.readers = readers
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            // Nothing waits in PostgreSQL without a bound either: a lock wait (row or advisory) fails after 20 s
            // as a transient failure the caller retries, and a session left idle inside a transaction (its task
            // gone) is ended after a minute, releasing what it held, instead of blocking every later write.
            configuration.coreConfiguration.options.additionalStartupParameters += [
                ("lock_timeout", "20s"), ("idle_in_transaction_session_timeout", "60s"),
            ]
            databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: pool.postgresConnectionsPerEventLoop,
                    connectionPoolTimeout: timeout, sqlLogLevel: .trace), as: .psql)
            readers = nil
            threadPool = nil
        }
    }

    /// Brings the schema up to date; safe to run on every start.
    public func migrate() async throws {
        if case .postgres(_, let schema?) = location {
            // A named schema keeps several installations (or test runs) apart in one PostgreSQL database.
            let sql = database as! any SQLDatabase
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
        if case .sqlite = location {
            // WAL lets the readers go on while a write commits, and stays set in the file. The other settings
            // belong to a connection: they are made on the writer, the only connection that writes. FULL sync
            // keeps every acknowledged commit on disk; the busy timeout replaces SQLiteNIO's endless retry with a
            // bounded wait, should another process (`silkbridge migrate`, `rates import`) hold the write lock.
            let sql = database as! any SQLDatabase
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=FULL").run()
            try await sql.raw("PRAGMA busy_timeout=5000").run()
        }
        let migrations = Migrations()
        migrations.add(M001_CreateDirectory(), M002_IndexDirectory())
        migrations.add(M003_CreateExchange(), M004_CreateInterests(), M005_CreateInbox())
        migrations.add(M006_CreateLedger(), M007_CreateOrganizationKeys())
        migrations.add(M008_CreateWebhooks(), M009_LedgerQueue())
        migrations.add(M010_ExpiryNotices(), M011_CreateAgreements(), M012_AgreementNotices())
        migrations.add(M013_CreateFund())
        migrations.add(M014_CreateEvents())
        migrations.add(M015_CreateMatchAlerts())
        migrations.add(M016_CreateMeetingRatings())
        migrations.add(M017_CreateMail(), M018_EmailChanges(), M019_NotificationMails())
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: databases.eventLoopGroup.any(), migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Answers when the database does; used by `/healthz`.
    public func ping() async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("SELECT 1").run()
    }

    public func shutdown() async {
        await readers?.shutdownAsync()
        await databases.shutdownAsync()
        try? await threadPool?.shutdownGracefully()
    }
}
