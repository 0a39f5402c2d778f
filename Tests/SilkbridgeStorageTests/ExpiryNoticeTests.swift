import Foundation
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct ExpiryNoticeTests {
    static let day: TimeInterval = 24 * 3600
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z, so expiry is 2027-01-01

    @Test(arguments: TestDatabase.available)
    func ownersAreToldOnceTwoWeeksBeforeEachExpiry(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (service, owner, organization) = try await ExchangeStorageTests().setUp(db)
            let stranger = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let other = Fixtures.organization("Shenzhen Grid", country: "CN")
            try await db.directory.create(
                other, owner: Fixtures.owner(of: other, stranger),
                audit: Fixtures.audit(other, stranger, "organization.created"))
            let webhook = Webhook(
                id: UUID(), organizationId: organization.id, url: "https://hooks.example.eu/silkbridge",
                secret: "whsec_test", kinds: [.opportunityExpiring], createdAt: Self.start)
            try await db.webhooks.insert(webhook, audit: Fixtures.audit(organization, owner, "webhook.created"))
            let inbox = InboxService(repository: db.inbox, directory: db.directory)

            let draft = try await service.create(
                ExchangeStorageTests.input, for: organization.id, by: owner, now: Self.start)
            _ = try await service.publish(id: draft.id, by: owner, now: Self.start)
            // A draft never expires, so it is never noticed.
            _ = try await service.create(ExchangeStorageTests.input, for: organization.id, by: owner, now: Self.start)
            let expiry = Self.start.addingTimeInterval(365 * Self.day)

            #expect(try await service.sendExpiryNotices(now: expiry.addingTimeInterval(-15 * Self.day)) == 0)
            #expect(try await service.sendExpiryNotices(now: expiry.addingTimeInterval(-14 * Self.day)) == 1)
            #expect(try await service.sendExpiryNotices(now: expiry.addingTimeInterval(-13 * Self.day)) == 0)
            #expect(try await service.sendExpiryNotices(now: expiry.addingTimeInterval(-1)) == 0)

            let notices = try await inbox.inbox(of: owner).notices.map(\.0)
            #expect(notices.map(\.kind) == [.opportunityExpiring])
            #expect(notices.first?.opportunityId == draft.id)
            #expect(notices.first?.interestId == nil)
            #expect(try await inbox.inbox(of: stranger).notices.isEmpty)
            let deliveries = try await db.webhooks.deliveries(of: webhook.id, limit: 10)
            #expect(deliveries.map(\.kind) == [.opportunityExpiring])
            let payload = try JSONSerialization.jsonObject(with: try #require(deliveries.first).body) as? [String: Any]
            #expect((payload?["data"] as? [String: String])?["opportunityId"] == draft.id.uuidString.lowercased())

            // Renewing starts a new period with its own notice; an expired opportunity is told of no more.
            let renewedAt = expiry.addingTimeInterval(-3 * Self.day)
            let renewed = try await service.renew(id: draft.id, by: owner, now: renewedAt)
            let nextExpiry = try #require(renewed.expiresAt)
            #expect(try await service.sendExpiryNotices(now: renewedAt) == 0)
            #expect(try await service.sendExpiryNotices(now: nextExpiry.addingTimeInterval(-14 * Self.day)) == 1)
            #expect(try await service.sendExpiryNotices(now: nextExpiry.addingTimeInterval(-7 * Self.day)) == 0)
            #expect(try await service.sendExpiryNotices(now: nextExpiry.addingTimeInterval(Self.day)) == 0)
            #expect(try await inbox.inbox(of: owner).notices.count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoProcessesTellOfAnExpiryOnce(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (service, owner, organization) = try await ExchangeStorageTests().setUp(db)
            let draft = try await service.create(
                ExchangeStorageTests.input, for: organization.id, by: owner, now: Self.start)
            _ = try await service.publish(id: draft.id, by: owner, now: Self.start)
            let now = Self.start.addingTimeInterval(360 * Self.day)
            // Both read the opportunity as due before either records its notice.
            let due = try await db.exchange.unnoticedExpiries(
                until: now.addingTimeInterval(14 * Self.day), now: now, limit: 10)
            #expect(due.map(\.id) == [draft.id])
            func notice() -> Notice {
                Notice(
                    organizationId: organization.id, kind: .opportunityExpiring, interestId: nil,
                    opportunityId: draft.id, actorName: "Silkbridge", at: now)
            }
            #expect(try await db.exchange.recordExpiryNotice(notice(), for: due[0]))
            #expect(try await db.exchange.recordExpiryNotice(notice(), for: due[0]) == false)
            #expect(try await service.sendExpiryNotices(now: now) == 0)
            let inbox = InboxService(repository: db.inbox, directory: db.directory)
            #expect(try await inbox.inbox(of: owner).notices.count == 1)
        }
    }
}
