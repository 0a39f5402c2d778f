import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct InterestAPITests {
    struct Parties {
        let owner: String
        let sender: String
        let third: String
        let senderOrganization: String
        let opportunity: String
    }

    /// A European owner with a published opportunity, a Chinese sender and an unrelated third organisation.
    func parties(_ client: any TestClientProtocol) async throws -> Parties {
        let owner = try await client.signUp()
        let organization = try await client.createOrganization(token: owner)
        let opportunity = try await OpportunityAPITests.draft(client, token: owner, organization: organization)
        _ = try await client.api(.post, "/api/v1/opportunities/\(opportunity)/publish", token: owner)
        let sender = try await client.signUp()
        let senderOrganization = try await client.createOrganization(
            token: sender, name: "Shenzhen Grid", country: "CN", extra: #","province":"CN-GD""#)
        let third = try await client.signUp()
        _ = try await client.createOrganization(token: third, name: "Third Party", country: "FR")
        return Parties(
            owner: owner, sender: sender, third: third, senderOrganization: senderOrganization,
            opportunity: opportunity)
    }

    func send(_ client: any TestClientProtocol, _ parties: Parties) async throws -> String {
        let sent = try await client.api(
            .post, "/api/v1/opportunities/\(parties.opportunity)/interests", token: parties.sender,
            json: #"{"organizationId":"\#(parties.senderOrganization)","message":"我们希望合作。"}"#)
        #expect(sent.status == .created, "\(sent.text)")
        #expect(try sent.json()["status"] as? String == "pending")
        return try sent.json()["id"] as! String
    }

    @Test(arguments: TestDatabase.available)
    func sendAcceptTalkAndAdvance(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await parties(client)
            let id = try await send(client, parties)
            let again = try await client.api(
                .post, "/api/v1/opportunities/\(parties.opportunity)/interests", token: parties.sender,
                json: #"{"organizationId":"\#(parties.senderOrganization)","message":"Again"}"#)
            #expect(again.status == .conflict)

            let early = try await client.api(.get, "/api/v1/interests/\(id)/messages", token: parties.sender)
            #expect(early.status == .conflict)
            let senderAccepts = try await client.api(.post, "/api/v1/interests/\(id)/accept", token: parties.sender)
            #expect(senderAccepts.status == .forbidden)
            let accepted = try await client.api(.post, "/api/v1/interests/\(id)/accept", token: parties.owner)
            #expect(try accepted.json()["stage"] as? String == "contact")
            let twice = try await client.api(.post, "/api/v1/interests/\(id)/decline", token: parties.owner)
            #expect(twice.status == .conflict)

            for (token, body) in [(parties.owner, "Welcome!"), (parties.sender, "谢谢！")] {
                let posted = try await client.api(
                    .post, "/api/v1/interests/\(id)/messages", token: token, json: #"{"body":"\#(body)"}"#)
                #expect(posted.status == .created)
            }
            let thread = try await client.api(.get, "/api/v1/interests/\(id)/messages", token: parties.sender)
            #expect(
                (try thread.json()["items"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == [
                    "Welcome!", "谢谢！",
                ])

            let meeting = try await client.api(
                .put, "/api/v1/interests/\(id)/stage", token: parties.sender, json: #"{"stage":"meeting"}"#)
            #expect(try meeting.json()["stage"] as? String == "meeting")
            let back = try await client.api(
                .put, "/api/v1/interests/\(id)/stage", token: parties.owner, json: #"{"stage":"contact"}"#)
            #expect(back.status == .conflict)
            let agreement = try await client.api(
                .put, "/api/v1/interests/\(id)/stage", token: parties.owner, json: #"{"stage":"agreement"}"#)
            #expect(try agreement.json()["stage"] as? String == "agreement")

            for token in [parties.owner, parties.sender] {
                let pipeline = try await client.api(.get, "/api/v1/interests", token: token)
                #expect((try pipeline.json()["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aThirdOrganisationSeesNothing(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await parties(client)
            let id = try await send(client, parties)
            _ = try await client.api(.post, "/api/v1/interests/\(id)/accept", token: parties.owner)
            for path in ["/api/v1/interests/\(id)", "/api/v1/interests/\(id)/messages"] {
                let response = try await client.api(.get, path, token: parties.third)
                #expect(response.status == .notFound, "\(path)")
            }
            let post = try await client.api(
                .post, "/api/v1/interests/\(id)/messages", token: parties.third, json: #"{"body":"hello"}"#)
            #expect(post.status == .notFound)
            let stage = try await client.api(
                .put, "/api/v1/interests/\(id)/stage", token: parties.third, json: #"{"stage":"meeting"}"#)
            #expect(stage.status == .notFound)
            for path in ["/api/v1/interests", "/api/v1/opportunities/\(parties.opportunity)/interests"] {
                let list = try await client.api(.get, path, token: parties.third)
                #expect((try list.json()["items"] as? [Any])?.isEmpty == true, "\(path)")
            }
            let ownerList = try await client.api(
                .get, "/api/v1/opportunities/\(parties.opportunity)/interests", token: parties.owner)
            #expect((try ownerList.json()["items"] as? [Any])?.count == 1)
            let anonymous = try await client.api(.get, "/api/v1/interests/\(id)")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func ownersCannotExpressInterestInTheirOwnOpportunity() async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            let opportunity = try await OpportunityAPITests.draft(client, token: owner, organization: organization)
            let onDraft = try await client.api(
                .post, "/api/v1/opportunities/\(opportunity)/interests", token: owner,
                json: #"{"organizationId":"\#(organization)","message":"Hi"}"#)
            #expect(onDraft.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theInboxCountsWhatTheOtherSideDid(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await parties(client)
            func inbox(_ token: String) async throws -> (kinds: [String], unread: Int) {
                let body = try await client.api(.get, "/api/v1/inbox", token: token).json()
                let kinds = (body["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
                return (kinds, body["unread"] as? Int ?? -1)
            }
            let id = try await send(client, parties)
            #expect(try await inbox(parties.owner) == (["interest.received"], 1))
            #expect(try await inbox(parties.sender) == ([], 0))
            _ = try await client.api(.post, "/api/v1/interests/\(id)/accept", token: parties.owner)
            _ = try await client.api(
                .post, "/api/v1/interests/\(id)/messages", token: parties.owner, json: #"{"body":"Hello"}"#)
            #expect(try await inbox(parties.sender).unread == 2)
            let read = try await client.api(.post, "/api/v1/inbox/read", token: parties.sender)
            #expect(read.status == .noContent)
            #expect(try await inbox(parties.sender).unread == 0)
            #expect(try await inbox(parties.sender).kinds.count == 2)
            #expect(try await inbox(parties.third) == ([], 0))
        }
    }
}
