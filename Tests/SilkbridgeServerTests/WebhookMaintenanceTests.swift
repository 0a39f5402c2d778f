import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct WebhookMaintenanceTests {
    @Test(arguments: TestDatabase.available)
    func onlyTheOrganisationsManagersRotateSecretsAndRedeliver(database: TestDatabase) async throws {
        let location = database.freshLocation()
        let receiver = Receiver()
        try await WebhookTests().withReceiver(receiver) { port in
            try await withApp(at: location) { client in
                let parties = try await InterestAPITests().parties(client)
                let (owner, path, created) = try await WebhookTests().createWebhook(
                    client, parties, #"{"url":"http://127.0.0.1:\#(port)/hook","kinds":["interest.received"]}"#)
                let webhook = try #require(try created.json()["id"] as? String)
                let first = try #require(try created.json()["secret"] as? String)

                // The sender's organisation manages its own webhooks, not the owner's, under either path.
                let strangerPath = "/api/v1/organizations/\(parties.senderOrganization)/webhooks"
                #expect(
                    try await client.api(.post, "\(path)/\(webhook)/secret", token: parties.sender).status == .forbidden
                )
                #expect(
                    try await client.api(.post, "\(strangerPath)/\(webhook)/secret", token: parties.sender).status
                        == .notFound)

                let rotated = try await client.api(.post, "\(path)/\(webhook)/secret", token: parties.owner)
                #expect(rotated.status == .ok, "\(rotated.text)")
                let second = try #require(try rotated.json()["secret"] as? String)
                #expect(second != first && second.hasPrefix("whsec_"))
                let listed = try await client.api(.get, path, token: parties.owner).json()["items"] as? [[String: Any]]
                #expect(listed?.first?["secret"] == nil)
                await receiver.expect(secret: second)

                _ = try await InterestAPITests().send(client, parties)
                let tried = try await WebhookTests().withWorker(at: location) { worker, _ in
                    try await worker.runDueDeliveries(now: Date().addingTimeInterval(1))
                }
                #expect(tried == 1)
                let failed = try #require(
                    try await WebhookTests().deliveries(client, path, webhook, parties.owner).first?["id"] as? String)
                let redeliver = "\(path)/\(webhook)/deliveries/\(failed)/redeliver"
                #expect(try await client.api(.post, redeliver, token: parties.sender).status == .forbidden)
                #expect(
                    try await client.api(
                        .post, "\(strangerPath)/\(webhook)/deliveries/\(failed)/redeliver", token: parties.sender
                    ).status == .notFound)
                let missing = "\(path)/\(webhook)/deliveries/\(UUID().uuidString.lowercased())/redeliver"
                #expect(try await client.api(.post, missing, token: parties.owner).status == .notFound)

                let again = try await client.api(.post, redeliver, token: parties.owner)
                #expect(again.status == .accepted, "\(again.text)")
                #expect(try again.json()["state"] as? String == "pending")
                #expect(try again.json()["id"] as? String != failed)
                // Only the new delivery is due: the failed one waits a minute for its retry.
                let retried = try await WebhookTests().withWorker(at: location) { worker, _ in
                    try await worker.runDueDeliveries(now: Date().addingTimeInterval(2))
                }
                #expect(retried == 1)
                let requests = await receiver.requests
                try #require(requests.count == 2)
                // Both tries are signed with the new secret, the redelivery with the body of the first.
                #expect(requests.filter { !$0.signatureValid }.isEmpty)
                #expect(requests[0].body == requests[1].body)
                #expect(requests[0].delivery != requests[1].delivery)

                let trail = try await client.api(.get, "/api/v1/organizations/\(owner)/audit", token: parties.owner)
                #expect(trail.text.contains("webhook.secret-rotated") && trail.text.contains("webhook.redelivered"))
            }
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func theLogPageRotatesTheSecretAndSendsADeliveryAgain(language: String) async throws {
        try await withApp { client in
            let team = try await MemberAPITests().team(client)
            let opportunity = try await OpportunityAPITests.draft(client, token: team.owner, organization: team.id)
            _ = try await client.api(.post, "/api/v1/opportunities/\(opportunity)/publish", token: team.owner)
            let path = "/api/v1/organizations/\(team.id)/webhooks"
            let created = try await client.api(
                .post, path, token: team.owner,
                json: #"{"url":"https://hooks.example.eu/in","kinds":["interest.received"]}"#)
            let webhook = try #require(try created.json()["id"] as? String)
            let sender = try await client.signUp("sender@example.cn")
            let senderOrganization = try await client.createOrganization(
                token: sender, name: "Shenzhen Grid", country: "CN", extra: #","province":"CN-GD""#)
            let sent = try await client.api(
                .post, "/api/v1/opportunities/\(opportunity)/interests", token: sender,
                json: #"{"organizationId":"\#(senderOrganization)","message":"我们希望合作。"}"#)
            #expect(sent.status == .created)
            let delivery = try #require(
                try await WebhookTests().deliveries(client, path, webhook, team.owner).first?["id"] as? String)

            let page = "/organizations/\(team.id)/webhooks"
            let redeliver = "\(page)/\(webhook)/deliveries/\(delivery)/redeliver"
            for email in ["member@example.eu", "sender@example.cn"] {
                var outsider = try await ExchangePageTests().browser(client, email: email, language: language)
                #expect(try await outsider.post("\(page)/\(webhook)/secret", []).status == .forbidden)
                #expect(try await outsider.post(redeliver, []).status == .forbidden)
            }

            var admin = try await ExchangePageTests().browser(client, email: "admin@example.eu", language: language)
            let log = try await admin.get(page)
            #expect(log.text.contains(language == "en" ? "Send again" : "重新发送"))
            #expect(log.text.contains("whsec_") == false)
            let rotated = try await admin.post("\(page)/\(webhook)/secret", [])
            #expect(rotated.status == .ok)
            #expect(rotated.text.contains("whsec_"))
            #expect(try await admin.post(redeliver, []).status == .seeOther)
            #expect(try await WebhookTests().deliveries(client, path, webhook, team.owner).count == 2)
        }
    }
}
