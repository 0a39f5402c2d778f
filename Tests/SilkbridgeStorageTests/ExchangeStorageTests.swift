import Foundation
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct ExchangeStorageTests {
    static let catalog = ReferenceCatalog(
        areas: [
            Area(
                code: "smart-energy", label: LocalizedText(english: "Smart energy", chinese: "智慧能源"),
                subtopics: [Subtopic(code: "smart-grids", label: LocalizedText(english: "Smart grids"))])
        ],
        countries: [
            Country(code: "DE", name: LocalizedText(english: "Germany"), side: .europe),
            Country(code: "CN", name: LocalizedText(english: "China"), side: .china),
        ],
        provinces: [])

    static let input = OpportunityInput(
        type: .technologyOffer, title: LocalizedText(english: "Grid storage controller"),
        summary: LocalizedText(english: "A controller for battery storage."), areas: ["smart-energy"],
        subtopics: ["smart-grids"], targetSides: [.china], partnershipTypes: [.licensing], stage: .pilot)

    func setUp(_ db: SilkbridgeDatabase) async throws -> (ExchangeService, Account, Organization) {
        let owner = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
        let organization = Fixtures.organization("Isar Energy")
        try await db.directory.create(
            organization, owner: Fixtures.owner(of: organization, owner),
            audit: Fixtures.audit(organization, owner, "organization.created"))
        let service = ExchangeService(repository: db.exchange, directory: db.directory, catalog: Self.catalog)
        return (service, owner, organization)
    }

    @Test(arguments: TestDatabase.available)
    func publicationExpiresAfterTwelveMonthsUnlessRenewed(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (service, owner, organization) = try await setUp(db)
            let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
            let draft = try await service.create(Self.input, for: organization.id, by: owner, now: start)
            let published = try await service.publish(id: draft.id, by: owner, now: start)
            #expect(published.expiresAt == Date(timeIntervalSince1970: 1_798_761_600))  // 2027-01-01
            let page = try Paging(limit: 10)
            func listed(_ status: OpportunityStatus?, at now: Date) async throws -> [UUID] {
                try await service.list(OpportunityFilter(status: status), viewer: nil, page: page, now: now).items
                    .map(\.id)
            }
            #expect(try await listed(nil, at: start) == [draft.id])
            let nearlyYearLater = start.addingTimeInterval(360 * 24 * 3600)
            let reread = try await service.opportunity(id: draft.id, viewer: nil)
            #expect(reread.expiresSoon(at: nearlyYearLater))
            #expect(!reread.expiresSoon(at: start))

            let later = start.addingTimeInterval(400 * 24 * 3600)
            #expect(try await listed(nil, at: later) == [])
            #expect(try await listed(.expired, at: later) == [draft.id])
            #expect(reread.status(at: later) == .expired)
            await #expect(throws: ExchangeError.notEditable(.expired)) {
                try await service.update(
                    id: draft.id, with: OpportunityInput(title: LocalizedText(english: "New")), by: owner, now: later)
            }
            let renewed = try await service.renew(id: draft.id, by: owner, now: later)
            #expect(renewed.status(at: later) == .published)
            #expect(try await listed(nil, at: later) == [draft.id])

            let closed = try await service.close(id: draft.id, by: owner, now: later)
            #expect(closed.status(at: later) == .closed)
            #expect(try await listed(.closed, at: later) == [draft.id])
            await #expect(throws: ExchangeError.cannotPublish(.closed)) {
                try await service.publish(id: draft.id, by: owner, now: later)
            }
            let actions = try await db.directory.auditTrail(of: organization.id, page: page).items.map(\.action)
                .filter { $0.hasPrefix("opportunity.") }
            // Several steps share an instant here, so only the set of actions is certain.
            #expect(actions.count == 4)
            #expect(
                Set(actions) == [
                    "opportunity.closed", "opportunity.renewed", "opportunity.published", "opportunity.created",
                ])
        }
    }

    @Test(arguments: TestDatabase.available)
    func checksTypeSpecificFieldsAndSubtopics(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (service, owner, organization) = try await setUp(db)
            var input = Self.input
            input.type = .businessOffer
            input.subtopics = ["5g-private-networks"]
            input.amount = .some(AmountRange(minimum: 10, maximum: 5, currency: .euro))
            input.title = LocalizedText(chinese: "储能控制器")
            do {
                _ = try await service.create(input, for: organization.id, by: owner)
                Issue.record("expected a validation error")
            } catch let error as ValidationError {
                #expect(Set(error.issues.map(\.field)) == ["summary", "subtopics", "stage", "amount"])
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func pagesNewestFirst(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (service, owner, organization) = try await setUp(db)
            var ids: [UUID] = []
            for index in 0..<5 {
                let now = Date(timeIntervalSince1970: 1_767_225_600 + Double(index))
                let draft = try await service.create(Self.input, for: organization.id, by: owner, now: now)
                _ = try await service.publish(id: draft.id, by: owner, now: now)
                ids.append(draft.id)
            }
            let now = Date(timeIntervalSince1970: 1_767_225_700)
            let first = try await service.list(OpportunityFilter(), viewer: nil, page: try Paging(limit: 3), now: now)
            let second = try await service.list(
                OpportunityFilter(), viewer: nil, page: try Paging(limit: 3, cursor: first.nextCursor), now: now)
            #expect(first.items.map(\.id) + second.items.map(\.id) == ids.reversed())
            #expect(second.nextCursor == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func unansweredInterestsExpireAfterFourteenDays(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (service, owner, organization) = try await setUp(db)
            let sender = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let other = Fixtures.organization("Shenzhen Grid", country: "CN")
            try await db.directory.create(
                other, owner: Fixtures.owner(of: other, sender),
                audit: Fixtures.audit(other, sender, "organization.created"))
            let interests = InterestService(repository: db.interests, exchange: service, directory: db.directory)
            let start = Date()
            let draft = try await service.create(Self.input, for: organization.id, by: owner, now: start)
            await #expect(throws: ExchangeError.opportunityNotFound) {
                try await interests.send(on: draft.id, from: other.id, message: "Hello", by: sender, now: start)
            }
            _ = try await service.publish(id: draft.id, by: owner, now: start)
            let sent = try await interests.send(on: draft.id, from: other.id, message: "Hello", by: sender, now: start)
            #expect(sent.replyBy == start.addingTimeInterval(14 * 24 * 3600))
            let late = start.addingTimeInterval(15 * 24 * 3600)
            #expect(sent.status(at: late) == .expired)
            await #expect(throws: InterestError.notPending(.expired)) {
                try await interests.answer(id: sent.id, accept: true, by: owner, now: late)
            }
            // Once the first has expired, the same organisation may try again.
            let again = try await interests.send(on: draft.id, from: other.id, message: "Again", by: sender, now: late)
            let accepted = try await interests.answer(id: again.id, accept: true, by: owner, now: late)
            #expect(accepted.stage == .contact)
            let trail = try await db.directory.auditTrail(of: other.id, page: try Paging(limit: 10)).items.map(\.action)
            #expect(
                trail.filter { $0.hasPrefix("interest.") }.sorted() == [
                    "interest.accepted", "interest.sent", "interest.sent",
                ])
        }
    }
}
