import Foundation
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct DirectoryStorageTests {
    func register(_ organization: Organization, in db: SilkbridgeDatabase) async throws -> Account {
        let owner = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
        try await db.directory.create(
            organization, owner: Fixtures.owner(of: organization, owner),
            audit: Fixtures.audit(organization, owner, "organization.created"))
        return owner
    }

    @Test(arguments: TestDatabase.available)
    func filtersBySideCountryAreaTypeAndName(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let isar = Fixtures.organization("Isar Energy", country: "DE", areas: ["smart-energy", "iot"])
            let huawei = Fixtures.organization("Huawei", chinese: "华为", country: "CN", areas: ["5g"], type: .company)
            let nokia = Fixtures.organization("Nokia", chinese: "诺基亚", country: "FI", areas: ["5g"], type: .company)
            for organization in [isar, huawei, nokia] { _ = try await register(organization, in: db) }
            let page = try Paging(limit: 10)
            func names(_ filter: OrganizationFilter) async throws -> [String] {
                try await db.directory.organizations(matching: filter, page: page).items.compactMap(\.name.english)
            }
            #expect(try await names(OrganizationFilter()) == ["Huawei", "Isar Energy", "Nokia"])
            #expect(try await names(OrganizationFilter(side: .china)) == ["Huawei"])
            #expect(try await names(OrganizationFilter(country: "fi")) == ["Nokia"])
            #expect(try await names(OrganizationFilter(area: "5g")) == ["Huawei", "Nokia"])
            #expect(try await names(OrganizationFilter(area: "iot")) == ["Isar Energy"])
            #expect(try await names(OrganizationFilter(type: .startup)) == ["Isar Energy"])
            #expect(try await names(OrganizationFilter(query: "华为")) == ["Huawei"])
            #expect(try await names(OrganizationFilter(query: "NOK")) == ["Nokia"])
            #expect(try await names(OrganizationFilter(side: .europe, area: "5g")) == ["Nokia"])
            // `%` and `_` are wildcards in SQL; a name query must treat them as plain characters.
            #expect(try await names(OrganizationFilter(query: "%")) == [])
        }
    }

    @Test(arguments: TestDatabase.available)
    func cursorsWalkTheWholeDirectoryOnceInOrder(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            // Equal names force the id tie-break that keeps pages from skipping or repeating.
            let names = (0..<23).map { "Org \(String(format: "%02d", $0 % 9))" }
            for name in names { _ = try await register(Fixtures.organization(name), in: db) }
            var seen: [Organization] = []
            var cursor: String?
            repeat {
                let page = try await db.directory.organizations(
                    matching: OrganizationFilter(), page: try Paging(limit: 5, cursor: cursor))
                #expect(page.items.count <= 5)
                seen += page.items
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == names.count)
            #expect(Set(seen.map(\.id)).count == names.count)
            #expect(seen.compactMap(\.name.english) == names.sorted())
        }
    }

    @Test(arguments: TestDatabase.available)
    func rejectsCursorsItDidNotGiveOut(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            await #expect(throws: DirectoryError.invalidCursor) {
                _ = try await db.directory.organizations(
                    matching: OrganizationFilter(), page: try Paging(limit: 5, cursor: "not-a-cursor"))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func updatesAndDeletesKeepTheirAuditTrail(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var organization = Fixtures.organization("Isar Energy")
            let owner = try await register(organization, in: db)
            organization.name = LocalizedText(english: "Isar Energy GmbH", chinese: "伊萨尔能源")
            organization.areas = ["smart-energy", "iot"]
            try await db.directory.update(
                organization, audit: Fixtures.audit(organization, owner, "organization.updated"))
            let stored = try #require(try await db.directory.organization(id: organization.id))
            #expect(stored.name == organization.name)
            #expect(stored.areas == ["smart-energy", "iot"])

            try await db.directory.delete(
                organizationId: organization.id, audit: Fixtures.audit(organization, owner, "organization.deleted"))
            #expect(try await db.directory.organization(id: organization.id) == nil)
            #expect(try await db.directory.members(of: organization.id).isEmpty)
            let trail = try await db.directory.auditTrail(of: organization.id, page: try Paging(limit: 10))
            #expect(
                trail.items.map(\.action) == ["organization.deleted", "organization.updated", "organization.created"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func auditTrailPagesNewestFirst(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let organization = Fixtures.organization("Isar Energy")
            let owner = try await register(organization, in: db)
            let start = Date()
            for step in 1...7 {
                try await db.directory.update(
                    organization,
                    audit: Fixtures.audit(organization, owner, "step.\(step)", at: start + Double(step)))
            }
            var actions: [String] = []
            var cursor: String?
            repeat {
                let page = try await db.directory.auditTrail(
                    of: organization.id, page: try Paging(limit: 3, cursor: cursor))
                actions += page.items.map(\.action)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(actions == (1...7).reversed().map { "step.\($0)" } + ["organization.created"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func oneEmailIsOneMembershipPerOrganisation(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let organization = Fixtures.organization("Isar Energy")
            let owner = try await register(organization, in: db)
            let duplicate = Membership(
                id: UUID(), organizationId: organization.id, accountId: nil, email: owner.email, displayName: nil,
                role: .member, createdAt: Date())
            await #expect(throws: DirectoryError.alreadyMember) {
                try await db.directory.save(duplicate, audit: Fixtures.audit(organization, owner, "member.invited"))
            }
            // The failed insert must not leave its audit event behind.
            let trail = try await db.directory.auditTrail(of: organization.id, page: try Paging(limit: 10))
            #expect(trail.items.map(\.action) == ["organization.created"])
        }
    }
}
