import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct OrganizationAPITests {
    @Test(arguments: TestDatabase.available)
    func registerReadEditAndDeleteAnOrganisation(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let token = try await client.signUp()
            let id = try await client.createOrganization(
                token: token, name: "Huawei", country: "CN", extra: #","province":"CN-GD""#)
            let read = try await client.api(.get, "/api/v1/organizations/\(id)")
            #expect(read.status == .ok)
            #expect(try read.json()["side"] as? String == "cn")

            let patched = try await client.api(
                .patch, "/api/v1/organizations/\(id)", token: token,
                json: #"{"name":{"en":"Huawei","zh-Hans":"华为"},"areas":["5g","cloud-computing"]}"#)
            #expect(patched.status == .ok)
            #expect((try patched.json()["name"] as? [String: String])?["zh-Hans"] == "华为")

            let found = try await client.api(.get, "/api/v1/organizations?q=%E5%8D%8E%E4%B8%BA&area=5g")
            let items = try #require(try found.json()["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [id])

            let audit = try await client.api(.get, "/api/v1/organizations/\(id)/audit", token: token)
            let actions = (try audit.json()["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
            #expect(actions == ["organization.updated", "organization.created"])

            #expect(try await client.api(.delete, "/api/v1/organizations/\(id)", token: token).status == .noContent)
            #expect(try await client.api(.get, "/api/v1/organizations/\(id)").status == .notFound)
        }
    }

    @Test func nonMembersCanNeitherEditNorDeleteNorSeeMembers() async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let id = try await client.createOrganization(token: owner)
            let stranger = try await client.signUp()
            let edit = try await client.api(
                .patch, "/api/v1/organizations/\(id)", token: stranger, json: #"{"name":{"en":"Taken over"}}"#)
            #expect(edit.status == .forbidden)
            #expect(try await client.api(.delete, "/api/v1/organizations/\(id)", token: stranger).status == .forbidden)
            #expect(
                try await client.api(.get, "/api/v1/organizations/\(id)/members", token: stranger).status == .forbidden)
            #expect(
                try await client.api(.get, "/api/v1/organizations/\(id)/audit", token: stranger).status == .forbidden)
            let unchanged = try await client.api(.get, "/api/v1/organizations/\(id)")
            #expect((try unchanged.json()["name"] as? [String: String])?["en"] == "Isar Energy")
        }
    }

    @Test(arguments: [
        (#"{"name":{"en":"X"},"type":"startup","country":"US","size":"micro","areas":["5g"]}"#, "country"),
        (#"{"name":{"en":"X"},"type":"startup","country":"CN","size":"micro","areas":["5g"]}"#, "province"),
        (#"{"name":{},"type":"startup","country":"DE","size":"micro","areas":["5g"]}"#, "name"),
        (#"{"name":{"en":"X"},"type":"startup","country":"DE","size":"micro","areas":[]}"#, "areas"),
        (
            #"{"name":{"en":"X"},"type":"startup","country":"DE","size":"micro","areas":["5g"],"website":"javascript:alert(1)"}"#,
            "website"
        ),
        (#"{"name":{"en":"X"},"type":"spaceship","country":"DE","size":"micro","areas":["5g"]}"#, "type"),
        (#"{"name":{"en":"X","fr":"Y"},"type":"startup","country":"DE","size":"micro","areas":["5g"]}"#, "fr"),
        (#"{"name":{"en":"X"},"type":"startup","size":"micro","areas":["5g"]}"#, "country"),
        (#"{"name":{"en":42},"type":"startup","country":"DE","size":"micro","areas":["5g"]}"#, "name.en"),
    ])
    func invalidOrganisationsAreRefusedWithTheField(body: String, field: String) async throws {
        try await withApp { client in
            let token = try await client.signUp()
            let response = try await client.api(.post, "/api/v1/organizations", token: token, json: body)
            #expect(response.status == .badRequest)
            #expect(try response.problemDetail().contains(field))
            let list = try await client.api(.get, "/api/v1/organizations")
            #expect((try list.json()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func listsPageWithCursors() async throws {
        try await withApp { client in
            let token = try await client.signUp()
            for number in 1...5 { _ = try await client.createOrganization(token: token, name: "Org \(number)") }
            let first = try await client.api(.get, "/api/v1/organizations?limit=2")
            let cursor = try #require(try first.json()["nextCursor"] as? String)
            let second = try await client.api(.get, "/api/v1/organizations?limit=2&cursor=\(cursor)")
            let names = (try second.json()["items"] as? [[String: Any]])?.compactMap {
                ($0["name"] as? [String: String])?["en"]
            }
            #expect(names == ["Org 3", "Org 4"])
            #expect(try await client.api(.get, "/api/v1/organizations?limit=0").status == .badRequest)
            #expect(try await client.api(.get, "/api/v1/organizations?cursor=garbage").status == .badRequest)
        }
    }

    @Test func referenceDataListsAreasCountriesAndProvinces() async throws {
        try await withApp { client in
            let areas = try await client.api(.get, "/api/v1/reference/areas")
            let codes = (try areas.json()["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes?.count == 10)
            #expect(codes?.contains("smart-energy") == true)
            let countries = try await client.api(.get, "/api/v1/reference/countries?participating=true")
            let items = try #require(try countries.json()["items"] as? [[String: Any]])
            #expect(items.filter { $0["side"] as? String == "eu" }.count == 27)
            let germany = items.first { $0["code"] as? String == "DE" }
            #expect((germany?["name"] as? [String: String])?["zh-Hans"] == "德国")
            let provinces = try #require(try countries.json()["provinces"] as? [[String: Any]])
            #expect(provinces.contains { $0["code"] as? String == "CN-GD" })
        }
    }
}
