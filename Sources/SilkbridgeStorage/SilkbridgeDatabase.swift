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
    let logger: Logger

    var database: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
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

    /// Connects (creating the SQLite file and its folder if needed) without migrating.
    public init(location: DatabaseLocation, logger: Logger) throws {
        self.location = location
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            // Fluent's default of one connection per event loop (two on a two-core machine) with a 10 s wait made
            // simultaneous transactions time out under load while others held the connections; a few more
            // connections, and a longer wait before giving up, keep a busy server answering.
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30),
                    sqlLogLevel: .trace), as: .psql)
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
            // WAL lets readers go on while a write commits; FULL sync keeps every acknowledged commit on disk.
            let sql = database as! any SQLDatabase
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=FULL").run()
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
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any(), migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Answers when the database does; used by `/healthz`.
    public func ping() async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("SELECT 1").run()
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
