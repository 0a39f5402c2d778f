import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct SearchConsistencyTests {
    /// Two servers on one database, as with several processes: each keeps its own index, and each finds
    /// what the other wrote, changed or closed, and what was there before it started.
    @Test(arguments: TestDatabase.available)
    func serversSharingADatabaseSeeEachOthersWrites(database: TestDatabase) async throws {
        let location = database.freshLocation()
        let configuration = ServerConfiguration(database: location, passwordCost: 4)
        let first = try await buildApplication(configuration: configuration)
        try await first.test(.router) { writer in
            let owner = try await writer.signUp()
            let organization = try await writer.createOrganization(token: owner)
            let early = try await SearchAPITests.publish(
                writer, token: owner, organization: organization, title: #"{"en":"Heat pump controller"}"#,
                summary: #"{"en":"Controllers for heat pumps."}"#, areas: #""smart-energy""#)
            let second = try await buildApplication(configuration: configuration)
            try await second.test(.router) { reader in
                #expect(try await SearchAPITests.ids(reader, "q=heat") == [early])
                let late = try await SearchAPITests.publish(
                    writer, token: owner, organization: organization, title: #"{"en":"Heat meters"}"#,
                    summary: #"{"en":"Meters for district heating."}"#, areas: #""smart-energy""#)
                #expect(Set(try await SearchAPITests.ids(reader, "q=heat")) == [early, late])
                _ = try await writer.api(.post, "/api/v1/opportunities/\(early)/close", token: owner)
                #expect(try await SearchAPITests.ids(reader, "q=heat") == [late])
                let renamed = try await writer.api(
                    .patch, "/api/v1/organizations/\(organization)", token: owner,
                    json: #"{"name":{"en":"Isar Heat"}}"#)
                #expect(renamed.status == .ok)
                #expect(try await SearchAPITests.ids(reader, "q=isar&type=organization") == [organization])
                let deleted = try await writer.api(.delete, "/api/v1/organizations/\(organization)", token: owner)
                #expect(deleted.status == .noContent)
                #expect(try await SearchAPITests.ids(reader, "q=heat") == [])
            }
        }
    }
}
