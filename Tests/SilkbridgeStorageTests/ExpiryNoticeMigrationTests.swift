import FluentKit
import Foundation
import Logging
import SQLKit
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeStorage

@Suite struct ExpiryNoticeMigrationTests {
    /// M010 rebuilds `notices` on SQLite: the notices stored before it must come through unchanged.
    @Test(arguments: TestDatabase.available)
    func keepsTheNoticesStoredBeforeIt(database: TestDatabase) async throws {
        let db = try SilkbridgeDatabase(location: database.freshLocation(), logger: Logger(label: "test"))
        do {
            let earlier: [any AsyncMigration] = [
                M001_CreateDirectory(), M002_IndexDirectory(), M003_CreateExchange(), M004_CreateInterests(),
                M005_CreateInbox(), M006_CreateLedger(), M007_CreateOrganizationKeys(), M008_CreateWebhooks(),
            ]
            if case .postgres(_, let schema?) = db.location {
                try await (db.database as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
            }
            for migration in earlier { try await migration.prepare(on: db.database) }

            let (service, owner, organization) = try await ExchangeStorageTests().setUp(db)
            let sender = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let other = Fixtures.organization("Shenzhen Grid", country: "CN")
            try await db.directory.create(
                other, owner: Fixtures.owner(of: other, sender),
                audit: Fixtures.audit(other, sender, "organization.created"))
            let draft = try await service.create(ExchangeStorageTests.input, for: organization.id, by: owner)
            let published = try await service.publish(id: draft.id, by: owner)
            let interests = InterestService(repository: db.interests, exchange: service, directory: db.directory)
            let interest = try await interests.send(on: draft.id, from: other.id, message: "Hello", by: sender)
            let inbox = InboxService(repository: db.inbox, directory: db.directory)
            let before = try await inbox.inbox(of: owner).notices.map(\.0)
            #expect(before.map(\.interestId) == [interest.id])

            try await M010_ExpiryNotices().prepare(on: db.database)
            #expect(try await inbox.inbox(of: owner).notices.map(\.0) == before)
            let soon = try #require(published.expiresAt)
            #expect(try await service.sendExpiryNotices(now: soon.addingTimeInterval(-3600)) == 1)
            #expect(try await inbox.inbox(of: owner).notices.count == 2)
            await db.shutdown()
        } catch {
            await db.shutdown()
            throw error
        }
    }
}
