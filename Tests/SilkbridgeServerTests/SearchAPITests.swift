import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct SearchAPITests {
    /// Drafts and publishes an opportunity; returns its id.
    static func publish(
        _ client: any TestClientProtocol, token: String, organization: String, type: String = "business-offer",
        title: String, summary: String, areas: String
    ) async throws -> String {
        let created = try await client.api(
            .post, "/api/v1/opportunities", token: token,
            json: """
                {"organizationId":"\(organization)","type":"\(type)","title":\(title),"summary":\(summary),\
                "areas":[\(areas)],"partnershipTypes":["distribution"]}
                """)
        #expect(created.status == .created, "\(created.text)")
        let id = try created.json()["id"] as! String
        let published = try await client.api(.post, "/api/v1/opportunities/\(id)/publish", token: token)
        #expect(published.status == .ok)
        return id
    }

    static func ids(_ client: any TestClientProtocol, _ query: String) async throws -> [String] {
        let response = try await client.api(.get, "/api/v1/search?\(query)")
        #expect(response.status == .ok, "\(response.text)")
        return (try response.json()["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test(arguments: TestDatabase.available)
    func findsTheOtherLanguageThroughAreaLabels(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(
                token: owner, name: "Shenzhen Cloud", country: "CN", extra: #","province":"CN-GD""#)
            let chinese = try await Self.publish(
                client, token: owner, organization: organization, title: #"{"zh-Hans":"寻求欧洲云计算合作伙伴"}"#,
                summary: #"{"zh-Hans":"我们提供混合云平台，希望在欧洲建立数据中心。"}"#, areas: #""cloud-computing""#)
            let english = try await Self.publish(
                client, token: owner, organization: organization, title: #"{"en":"Smart meters for utilities"}"#,
                summary: #"{"en":"Meters with a cloud-free design."}"#, areas: #""smart-energy""#)
            #expect(try await Self.ids(client, "q=\(Self.encoded("cloud computing"))") == [chinese])
            // The organisation works in smart energy too; its area labels are indexed like the opportunity's.
            #expect(try await Self.ids(client, "q=\(Self.encoded("智慧能源"))&type=business-offer") == [english])
            #expect(try await Self.ids(client, "q=\(Self.encoded("智慧能源"))").count == 2)
            #expect(try await Self.ids(client, "q=\(Self.encoded("雲計算"))") == [chinese])

            // Facets count every hit; the filters narrow the items.
            let all = try await client.api(.get, "/api/v1/search?type=business-offer")
            let body = try all.json()
            #expect(body["total"] as? Int == 2)
            let facets = try #require(body["facets"] as? [String: [[String: Any]]])
            #expect(facets["type"]?.first { $0["value"] as? String == "organization" }?["count"] as? Int == 1)
            #expect(facets["area"]?.count == 2)
            #expect(try await Self.ids(client, "area=smart-energy&type=business-offer") == [english])
            let hit = try #require(
                (try await client.api(.get, "/api/v1/search?q=\(Self.encoded("数据中心"))").json()["items"]
                    as? [[String: Any]])?.first)
            #expect((hit["snippet"] as? [String: String])?["zh-Hans"]?.contains("数据中心") == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoCharacterWordsFindOnlyTextsContainingThem(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            let with = try await Self.publish(
                client, token: owner, organization: organization, title: #"{"zh-Hans":"中欧储能合作项目"}"#,
                summary: #"{"zh-Hans":"寻找长期合作的电网运营商。"}"#, areas: #""smart-energy""#)
            _ = try await Self.publish(
                client, token: owner, organization: organization, title: #"{"zh-Hans":"智能电表分销"}"#,
                summary: #"{"zh-Hans":"寻找分销商与合资伙伴。"}"#, areas: #""smart-energy""#)
            let draft = try await client.api(
                .post, "/api/v1/opportunities", token: owner,
                json: """
                    {"organizationId":"\(organization)","type":"business-offer","title":{"zh-Hans":"合作草稿"},\
                    "summary":{"zh-Hans":"尚未发布的合作。"},"areas":["smart-energy"],"partnershipTypes":["rd"]}
                    """)
            #expect(draft.status == .created)
            #expect(try await Self.ids(client, "q=\(Self.encoded("合作"))") == [with])

            // Closing takes it out of the default results at once; it is still found with its status.
            _ = try await client.api(.post, "/api/v1/opportunities/\(with)/close", token: owner)
            #expect(try await Self.ids(client, "q=\(Self.encoded("合作"))") == [])
            #expect(try await Self.ids(client, "q=\(Self.encoded("合作"))&status=closed") == [with])
        }
    }

    @Test func pagesWithACursor() async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            for index in 0..<3 {
                _ = try await Self.publish(
                    client, token: owner, organization: organization, title: #"{"en":"Storage offer \#(index)"}"#,
                    summary: #"{"en":"Battery storage."}"#, areas: #""smart-energy""#)
            }
            let first = try await client.api(.get, "/api/v1/search?q=storage&limit=2").json()
            let cursor = try #require(first["nextCursor"] as? String)
            let second = try await client.api(.get, "/api/v1/search?q=storage&limit=2&cursor=\(cursor)").json()
            #expect((second["items"] as? [Any])?.count == 1)
            #expect(second["nextCursor"] == nil)
            let bad = try await client.api(.get, "/api/v1/search?cursor=abc")
            #expect(bad.status == .badRequest)
        }
    }
}
