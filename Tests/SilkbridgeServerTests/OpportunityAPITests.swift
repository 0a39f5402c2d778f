import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct OpportunityAPITests {
    static let body = """
        "type":"technology-offer","title":{"en":"Battery storage controller","zh-Hans":"储能控制器"},\
        "summary":{"en":"A controller for grid batteries.","zh-Hans":"用于电网电池的控制器。"},\
        "areas":["smart-energy"],"targetSides":["cn"],"partnershipTypes":["licensing"],"stage":"pilot"
        """

    /// Creates a draft for the organisation as the token's account; returns its id.
    static func draft(_ client: any TestClientProtocol, token: String, organization: String) async throws -> String {
        let created = try await client.api(
            .post, "/api/v1/opportunities", token: token, json: #"{"organizationId":"\#(organization)",\#(body)}"#)
        #expect(created.status == .created, "\(created.text)")
        return try created.json()["id"] as! String
    }

    /// A deadline is an RFC 3339 moment with an offset some clock shows; `+99:00` is refused with the reason.
    @Test(arguments: [
        ("2027-03-01T12:00:00+01:00", true), ("2027-03-01T12:00:00Z", true), ("2027-03-01T12:00:00+14:00", true),
        ("2027-03-01T12:00:00+99:00", false), ("2027-03-01T12:00:00-13:00", false),
        ("2027-03-01T12:00:00+01:60", false), ("2027-03-01T12:00:00+0100", false), ("2027-02-30T12:00:00Z", false),
        ("２０２７-03-01T12:00:00Z", false), ("2027-03-01T12:00:00.٥Z", false),
    ])
    func deadlinesTakeOnlyRealOffsets(deadline: String, accepted: Bool) async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            let created = try await client.api(
                .post, "/api/v1/opportunities", token: owner,
                json: #"{"organizationId":"\#(organization)",\#(Self.body),"deadline":"\#(deadline)"}"#)
            if accepted {
                #expect(created.status == .created, "\(created.text)")
            } else {
                #expect(created.status == .badRequest)
                #expect(try created.problemDetail().contains("\(deadline)” is not a date-time this API takes"))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func draftPublishRenewClose(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            let id = try await Self.draft(client, token: owner, organization: organization)
            let draft = try await client.api(.get, "/api/v1/opportunities/\(id)", token: owner)
            #expect(try draft.json()["status"] as? String == "draft")

            let published = try await client.api(.post, "/api/v1/opportunities/\(id)/publish", token: owner)
            #expect(published.status == .ok)
            #expect(try published.json()["status"] as? String == "published")
            #expect(try published.json()["expiresAt"] is String)
            let again = try await client.api(.post, "/api/v1/opportunities/\(id)/publish", token: owner)
            #expect(again.status == .conflict)

            let edited = try await client.api(
                .patch, "/api/v1/opportunities/\(id)", token: owner, json: #"{"summary":{"en":"Now in stock."}}"#)
            #expect(edited.status == .ok)
            #expect((try edited.json()["summary"] as? [String: String])?["en"] == "Now in stock.")

            let renewed = try await client.api(.post, "/api/v1/opportunities/\(id)/renew", token: owner)
            #expect(renewed.status == .ok)
            let closed = try await client.api(.post, "/api/v1/opportunities/\(id)/close", token: owner)
            #expect(try closed.json()["status"] as? String == "closed")
            let afterClose = try await client.api(
                .patch, "/api/v1/opportunities/\(id)", token: owner, json: #"{"title":{"en":"Too late"}}"#)
            #expect(afterClose.status == .conflict)
            #expect(try afterClose.problemDetail().contains("closed"))

            let audit = try await client.api(.get, "/api/v1/organizations/\(organization)/audit", token: owner)
            let actions = (try audit.json()["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(
                actions.prefix(5) == [
                    "opportunity.closed", "opportunity.renewed", "opportunity.updated", "opportunity.published",
                    "opportunity.created",
                ])
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyMembersEditAndDraftsNeverLeak(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            let outsider = try await client.signUp()
            let other = try await client.createOrganization(token: outsider, name: "Pearl River IoT", country: "HK")
            let id = try await Self.draft(client, token: owner, organization: organization)

            // Nobody outside the organisation sees a draft: not by id, not in any list.
            for token in [outsider, nil] {
                let byId = try await client.api(.get, "/api/v1/opportunities/\(id)", token: token)
                #expect(byId.status == .notFound)
                for query in ["", "?status=draft", "?organizationId=\(organization)&status=draft"] {
                    let list = try await client.api(.get, "/api/v1/opportunities\(query)", token: token)
                    #expect(list.status == .ok)
                    #expect((try list.json()["items"] as? [Any])?.isEmpty == true, "\(query)")
                }
            }
            let ownList = try await client.api(.get, "/api/v1/opportunities?status=draft", token: owner)
            #expect((try ownList.json()["items"] as? [Any])?.count == 1)
            let hidden = try await client.api(
                .patch, "/api/v1/opportunities/\(id)", token: outsider, json: #"{"title":{"en":"Mine"}}"#)
            #expect(hidden.status == .notFound)
            let publishOther = try await client.api(.post, "/api/v1/opportunities/\(id)/publish", token: outsider)
            #expect(publishOther.status == .notFound)

            // Published, it is public, but still only the owners edit, renew or close it.
            _ = try await client.api(.post, "/api/v1/opportunities/\(id)/publish", token: owner)
            let seen = try await client.api(.get, "/api/v1/opportunities/\(id)")
            #expect(seen.status == .ok)
            let edit = try await client.api(
                .patch, "/api/v1/opportunities/\(id)", token: outsider, json: #"{"title":{"en":"Mine"}}"#)
            #expect(edit.status == .forbidden)
            for action in ["renew", "close"] {
                let response = try await client.api(.post, "/api/v1/opportunities/\(id)/\(action)", token: outsider)
                #expect(response.status == .forbidden)
            }
            let anonymous = try await client.api(.post, "/api/v1/opportunities/\(id)/close")
            #expect(anonymous.status == .unauthorized)

            // Nor may anyone draft for an organisation they do not belong to.
            let foreign = try await client.api(
                .post, "/api/v1/opportunities", token: outsider,
                json: #"{"organizationId":"\#(organization)",\#(Self.body)}"#)
            #expect(foreign.status == .forbidden)

            let listed = try await client.api(.get, "/api/v1/opportunities?side=eu&area=smart-energy")
            #expect((try listed.json()["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            let otherSide = try await client.api(.get, "/api/v1/opportunities?side=cn")
            #expect((try otherSide.json()["items"] as? [Any])?.isEmpty == true)
            _ = other
        }
    }

    @Test func refusesInvalidOpportunitiesWithEveryField() async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            let response = try await client.api(
                .post, "/api/v1/opportunities", token: owner,
                json: """
                    {"organizationId":"\(organization)","type":"business-offer","title":{"en":"Distributors wanted"},\
                    "summary":{"zh-Hans":"寻找分销商"},"areas":["smart-energy"],"partnershipTypes":[],\
                    "amount":{"minimum":1,"currency":"EUR"},"targetCountries":["US"]}
                    """, headers: [.acceptLanguage: "zh-CN"])
            #expect(response.status == .badRequest)
            let fields = (try response.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(Set(fields) == ["summary", "partnershipTypes", "amount", "targetCountries"])
            #expect(try response.problemDetail().contains("标题"))
            let missing = try await client.api(.get, "/api/v1/opportunities/not-a-uuid")
            #expect(missing.status == .notFound)
        }
    }
}
