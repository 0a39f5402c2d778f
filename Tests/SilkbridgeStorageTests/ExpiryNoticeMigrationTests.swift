import FluentKit
import Foundation
import Logging
import SQLKit
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeStorage

@Suite(.timeLimit(.minutes(10))) struct ExpiryNoticeMigrationTests {
    /// M010 and M012 rebuild `notices` on SQLite: the notices stored before them must come through unchanged.
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
            // Today's account model writes a column that came later than these migrations.
            try await db.database.schema("accounts").field("email_verified_at", .int64).update()

            let (service, owner, organization) = try await ExchangeStorageTests().setUp(db)
            let sender = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let other = Fixtures.organization("Shenzhen Grid", country: "CN")
            try await db.directory.create(
                other, owner: Fixtures.owner(of: other, sender),
                audit: Fixtures.audit(other, sender, "organization.created"))
            let draft = try await service.create(ExchangeStorageTests.input, for: organization.id, by: owner)
            let published = try await service.publish(id: draft.id, by: owner)
            // The notice is written as the schema of its time held it, with the columns it had then.
            let interest = Interest(
                id: UUID(), opportunityId: draft.id, ownerOrganizationId: organization.id,
                senderOrganizationId: other.id, senderAccountId: sender.id, message: "Hello", state: .pending,
                replyBy: Date().addingTimeInterval(Interest.defaultReplyPeriod), stage: nil, createdAt: Date(),
                updatedAt: Date())
            try await db.interests.create(interest, audit: [], notices: [])
            let notice = Notice(
                organizationId: organization.id, kind: .interestReceived, interestId: interest.id,
                opportunityId: draft.id, actorName: "Li Wei", at: Date(timeIntervalSince1970: 1_790_000_000))
            try await (db.database as! any SQLDatabase).insert(into: "notices")
                .columns("id", "organization_id", "kind", "interest_id", "opportunity_id", "actor_name", "at")
                .values(
                    SQLBind(notice.id), SQLBind(organization.id), SQLBind(notice.kind.rawValue), SQLBind(interest.id),
                    SQLBind(draft.id), SQLBind(notice.actorName), SQLBind(Int64(1_790_000_000_000_000))
                ).run()
            let inbox = InboxService(repository: db.inbox, directory: db.directory)

            for migration: any AsyncMigration in [
                M010_ExpiryNotices(), M011_CreateAgreements(), M012_AgreementNotices(),
            ] {
                try await migration.prepare(on: db.database)
            }
            // Today's notice model writes when a mailing round took it, which came later.
            try await db.database.schema("notices").field("mailed_at", .int64).update()
            #expect(try await inbox.inbox(of: owner).notices.map(\.0) == [notice])
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
