import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeStorage

/// A stored value no domain case knows (a row from a newer version, or edited by hand) is an error naming the
/// column and the value, never a default that a later write would store back.
@Suite(.timeLimit(.minutes(10))) struct StoredValueTests {
    @Test(arguments: TestDatabase.available)
    func anUnknownStoredValueNamesItsColumnAndValue(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let organization = Fixtures.organization("Isar Energy", country: "DE", areas: ["smart-energy"])
            let owner = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            try await db.directory.create(
                organization, owner: Fixtures.owner(of: organization, owner),
                audit: Fixtures.audit(organization, owner, "organization.created"))
            #expect(try await db.directory.organization(id: organization.id)?.type == organization.type)

            try await (db.database as! any SQLDatabase)
                .raw("UPDATE organizations SET type = 'guild' WHERE id = \(bind: organization.id)").run()
            let error = await #expect(throws: UnknownStoredValue.self) {
                try await db.directory.organization(id: organization.id)
            }
            #expect(error?.description == #"unknown value "guild" in organizations.type"#)
        }
    }
}
