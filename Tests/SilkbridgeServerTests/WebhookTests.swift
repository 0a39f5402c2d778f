import AsyncHTTPClient
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationCompat
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeServer
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct WebhookTests {
    @Test func signatureMatchesAnIndependentlyComputedVector() {
        // HMAC-SHA256("whsec_test", "1700000000.{"a":1}"), computed with Python's hmac module.
        let expected = "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789"
        let body = Data(#"{"a":1}"#.utf8)
        #expect(
            WebhookSignature.header(secret: "whsec_test", timestamp: 1_700_000_000, body: body)
                == "t=1700000000,v1=\(expected)")
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("1700000000.".utf8) + body, using: SymmetricKey(data: Data("whsec_test".utf8)))
        #expect(Data(code).map { String(format: "%02x", $0) }.joined() == expected)
    }

    @Test(arguments: TestDatabase.available)
    func onlyOwnersAndAdminsManageWebhooks(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let team = try await MemberAPITests().team(client)
            let outsider = try await client.signUp()
            let path = "/api/v1/organizations/\(team.id)/webhooks"
            let request = #"{"url":"https://hooks.example.eu/silkbridge","kinds":["interest.received"]}"#
            for token in [outsider, team.member] {
                #expect(try await client.api(.get, path, token: token).status == .forbidden)
                #expect(try await client.api(.post, path, token: token, json: request).status == .forbidden)
            }
            #expect(try await client.api(.get, path).status == .unauthorized)

            let created = try await client.api(.post, path, token: team.admin, json: request)
            #expect(created.status == .created, "\(created.text)")
            let secret = try #require(try created.json()["secret"] as? String)
            #expect(secret.hasPrefix("whsec_") && secret.count == 70)
            let id = try #require(try created.json()["id"] as? String)

            let list = try await client.api(.get, path, token: team.owner)
            let items = try #require(try list.json()["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["secret"] == nil)
            #expect(items.first?["kinds"] as? [String] == ["interest.received"])
            for token in [outsider, team.member] {
                #expect(
                    try await client.api(.get, "\(path)/\(id)/deliveries", token: token).status == .forbidden)
                #expect(try await client.api(.delete, "\(path)/\(id)", token: token).status == .forbidden)
            }

            let badURL = try await client.api(
                .post, path, token: team.owner, json: #"{"url":"ftp://example.eu/x","kinds":["stage.changed"]}"#)
            #expect(badURL.status == .badRequest)
            #expect(try badURL.json()["detail"] as? String == "url: must be an absolute https:// or http:// URL.")
            let noKinds = try await client.api(
                .post, path, token: team.owner, json: #"{"url":"https://example.eu/x","kinds":[]}"#)
            #expect(noKinds.status == .badRequest)

            let trail = try await client.api(.get, "/api/v1/organizations/\(team.id)/audit", token: team.owner)
            #expect(trail.text.contains("webhook.created"))

            #expect(try await client.api(.delete, "\(path)/\(id)", token: team.admin).status == .noContent)
            let gone = try await client.api(.get, "\(path)/\(id)/deliveries", token: team.owner)
            #expect(gone.status == .notFound)
            #expect(gone.headers[.contentType]?.hasPrefix("application/problem+json") == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func deliversSignedNoticesAndRetriesAfterAFailure(database: TestDatabase) async throws {
        let location = database.freshLocation()
        let receiver = Receiver()
        try await withReceiver(receiver) { port in
            try await withApp(at: location) { client in
                let parties = try await InterestAPITests().parties(client)
                let (owner, path, created) = try await createWebhook(
                    client, parties, #"{"url":"http://127.0.0.1:\#(port)/hook","kinds":["interest.received"]}"#)
                #expect(created.status == .created, "\(created.text)")
                let webhook = try #require(try created.json()["id"] as? String)
                await receiver.expect(secret: try #require(try created.json()["secret"] as? String))

                let interest = try await InterestAPITests().send(client, parties)
                // The owner's notice became one delivery, stored with it; the sender's organisation has no webhook.
                let start = Date().addingTimeInterval(1)
                try await withWorker(at: location) { worker, _ in
                    #expect(try await worker.runDueDeliveries(now: start) == 1)
                    let failed = try await deliveries(client, path, webhook, parties.owner)
                    #expect(failed.first?["state"] as? String == "pending")
                    #expect((failed.first?["attempts"] as? [[String: Any]])?.first?["statusCode"] as? Int == 500)
                    #expect(failed.first?["nextAttemptAt"] != nil)

                    #expect(try await worker.runDueDeliveries(now: start.addingTimeInterval(59)) == 0)
                    #expect(try await worker.runDueDeliveries(now: start.addingTimeInterval(61)) == 1)
                    let delivered = try await deliveries(client, path, webhook, parties.owner)
                    #expect(delivered.count == 1)
                    #expect(delivered.first?["state"] as? String == "delivered")
                    #expect(
                        (delivered.first?["attempts"] as? [[String: Any]])?.compactMap { $0["statusCode"] as? Int }
                            == [500, 200])
                    #expect(try await worker.runDueDeliveries(now: start.addingTimeInterval(86_400)) == 0)
                }

                let requests = await receiver.requests
                #expect(requests.count == 2)
                for request in requests {
                    #expect(request.signatureValid)
                    #expect(request.event == "interest.received")
                    let json = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
                    #expect(json["kind"] as? String == "interest.received")
                    #expect(json["organizationId"] as? String == owner)
                    #expect((json["data"] as? [String: Any])?["interestId"] as? String == interest)
                    #expect(json["id"] as? String != nil && json["createdAt"] as? String != nil)
                }
                #expect(requests.map(\.delivery) == Array(repeating: requests.first?.delivery, count: 2))
            }
        }
    }

    @Test func redirectsAreNotFollowed() async throws {
        let location = TestDatabase.sqlite.freshLocation()
        let receiver = Receiver()
        try await withReceiver(receiver) { port in
            try await withApp(at: location) { client in
                let parties = try await InterestAPITests().parties(client)
                let (_, path, created) = try await createWebhook(
                    client, parties, #"{"url":"http://127.0.0.1:\#(port)/moved","kinds":["interest.received"]}"#)
                let webhook = try #require(try created.json()["id"] as? String)
                _ = try await InterestAPITests().send(client, parties)

                let tried = try await withWorker(at: location) { worker, _ in
                    try? await worker.runDueDeliveries(now: Date().addingTimeInterval(1))
                }
                #expect(tried == 1)

                let log = try await deliveries(client, path, webhook, parties.owner)
                #expect(log.first?["state"] as? String == "pending")
                #expect((log.first?["attempts"] as? [[String: Any]])?.first?["statusCode"] as? Int == 302)
                #expect(await receiver.requests.isEmpty)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func privateAddressesAreNeverContactedAndDeliveriesAreGivenUpAfterTheLastTry(database: TestDatabase)
        async throws
    {
        let location = database.freshLocation()
        try await withApp(at: location) { client in
            let parties = try await InterestAPITests().parties(client)
            let (_, path, created) = try await createWebhook(
                client, parties, #"{"url":"http://10.1.2.3/hook","kinds":["interest.received","stage.changed"]}"#)
            let webhook = try #require(try created.json()["id"] as? String)
            _ = try await InterestAPITests().send(client, parties)

            try await withWorker(at: location) { worker, database in
                // A second process cannot take a delivery another one has claimed.
                var now = Date().addingTimeInterval(1)
                let due = try await database.webhooks.dueDeliveries(at: now, limit: 10)
                #expect(due.count == 1)
                let delivery = try #require(due.first?.0)
                #expect(try await database.webhooks.claim(delivery, until: now) == true)
                #expect(try await database.webhooks.claim(delivery, until: now) == false)

                for delay in [0] + SilkbridgeCore.WebhookDelivery.retryDelays {
                    now = now.addingTimeInterval(delay + 1)
                    #expect(try await worker.runDueDeliveries(now: now) == 1)
                }
                #expect(try await worker.runDueDeliveries(now: now.addingTimeInterval(86_400)) == 0)
            }

            let log = try await deliveries(client, path, webhook, parties.owner)
            #expect(log.first?["state"] as? String == "failed")
            #expect(log.first?["nextAttemptAt"] == nil)
            let attempts = try #require(log.first?["attempts"] as? [[String: Any]])
            #expect(attempts.count == 6)
            #expect(attempts.allSatisfy { $0["statusCode"] == nil })
            #expect(
                attempts.allSatisfy {
                    $0["error"] as? String == "refused: the host must resolve to public addresses only"
                })
        }
    }

    /// Registers a webhook for the organisation that owns the parties' opportunity; returns that organisation's id,
    /// the webhooks path and the answer.
    func createWebhook(_ client: any TestClientProtocol, _ parties: InterestAPITests.Parties, _ json: String)
        async throws -> (owner: String, path: String, created: TestResponse)
    {
        let owner = try #require(
            try await client.api(.get, "/api/v1/opportunities/\(parties.opportunity)", token: parties.owner)
                .json()["organizationId"] as? String)
        let path = "/api/v1/organizations/\(owner)/webhooks"
        return (owner, path, try await client.api(.post, path, token: parties.owner, json: json))
    }

    /// Runs `body` with a receiver on a free loopback port: `/hook` records and answers, `/moved` redirects there.
    func withReceiver(_ receiver: Receiver, _ body: @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.post("/moved") { _, _ -> Response in
            Response(status: .found, headers: [.location: "/hook"])
        }
        router.post("/hook") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            return Response(status: await receiver.received(request.headers, Data(buffer: body)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { receiverClient in try await body(try #require(receiverClient.port)) }
    }

    /// A delivery worker on the application's database, as a second process would run it; closed afterwards.
    func withWorker<T: Sendable>(
        at location: DatabaseLocation, _ body: (WebhookDeliveryWorker, SilkbridgeDatabase) async throws -> T
    ) async throws -> T {
        let database = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
        let httpClient = WebhookDeliveryWorker.makeClient()
        // The test receivers listen on loopback, which deployments refuse.
        let worker = WebhookDeliveryWorker(
            repository: database.webhooks, client: httpClient, reachesLoopback: true, logger: Logger(label: "test"))
        do {
            let result = try await body(worker, database)
            try await httpClient.shutdown()
            await database.shutdown()
            return result
        } catch {
            try await httpClient.shutdown()
            await database.shutdown()
            throw error
        }
    }

    func deliveries(_ client: any TestClientProtocol, _ path: String, _ webhook: String, _ token: String)
        async throws -> [[String: Any]]
    {
        let response = try await client.api(.get, "\(path)/\(webhook)/deliveries", token: token)
        #expect(response.status == .ok, "\(response.text)")
        return try #require(try response.json()["items"] as? [[String: Any]])
    }
}

/// The webhook endpoint of the test: checks each request's signature, answers 500 first and 200 after.
actor Receiver {
    struct Received: Sendable {
        let body: Data
        let event: String?
        let delivery: String?
        let signatureValid: Bool
    }

    private var secret = ""
    private(set) var requests: [Received] = []

    func expect(secret: String) { self.secret = secret }

    func received(_ headers: HTTPFields, _ body: Data) -> HTTPResponse.Status {
        var valid = false
        let signature = headers[HTTPField.Name("Silkbridge-Signature")!] ?? ""
        let parts = Dictionary(
            signature.split(separator: ",").compactMap { part -> (String, String)? in
                let pair = part.split(separator: "=", maxSplits: 1)
                return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
            }, uniquingKeysWith: { first, _ in first })
        if let t = parts["t"], let v1 = parts["v1"] {
            let code = HMAC<SHA256>.authenticationCode(
                for: Data("\(t).".utf8) + body, using: SymmetricKey(data: Data(secret.utf8)))
            valid = Data(code).map { String(format: "%02x", $0) }.joined() == v1
        }
        requests.append(
            Received(
                body: body, event: headers[HTTPField.Name("Silkbridge-Event")!],
                delivery: headers[HTTPField.Name("Silkbridge-Delivery")!], signatureValid: valid))
        return requests.count == 1 ? .internalServerError : .ok
    }
}

/// `withApp` on a given database location, so a test can open the same database beside the application, and
/// without the background delivery worker.
func withApp(at location: DatabaseLocation, _ body: @Sendable (any TestClientProtocol) async throws -> Void)
    async throws
{
    let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-key-\(UUID()).key").path
    var configuration = ServerConfiguration(
        database: location, passwordCost: 4, ledger: LedgerConfiguration(keyFile: keyFile))
    // The test runs the worker itself; the application's own would race it (router tests run the services).
    configuration.webhookDeliveryInterval = nil
    let app = try await buildApplication(configuration: configuration)
    try await TestMailbox.$location.withValue(location) { try await app.test(.router, body) }
}

@Suite(.timeLimit(.minutes(10))) struct WebhookPageTests {
    @Test(arguments: ["en", "zh-Hans"])
    func adminsAddSeeAndDeleteWebhooksOnThePage(language: String) async throws {
        try await withApp { client in
            let team = try await MemberAPITests().team(client)
            let page = "/organizations/\(team.id)/webhooks"
            var member = try await ExchangePageTests().browser(
                client, email: "member@example.eu", language: language)
            #expect(try await member.get(page).status == .forbidden)

            var admin = try await ExchangePageTests().browser(client, email: "admin@example.eu", language: language)
            let empty = try await admin.get(page)
            #expect(empty.status == .ok)
            #expect(empty.text.contains(language == "en" ? "No webhooks yet." : "尚无 Webhook。"))

            let bad = try await admin.post(page, [("url", "not a url"), ("kinds", "interest.received")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains(language == "en" ? "must be an absolute" : "必须是完整的"))
            // The kinds come back as chosen.
            #expect(bad.text.contains(#"value="interest.received" checked"#))
            #expect(!bad.text.contains(#"value="stage.changed" checked"#))

            let created = try await admin.post(
                page,
                [("url", "https://hooks.example.eu/in"), ("kinds", "interest.received"), ("kinds", "stage.changed")])
            #expect(created.status == .created)
            #expect(created.text.contains("whsec_"))
            #expect(created.text.contains("https://hooks.example.eu/in"))

            let list = try await client.api(.get, "/api/v1/organizations/\(team.id)/webhooks", token: team.owner)
            let id = try #require((try list.json()["items"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await admin.get(page).text.contains("whsec_") == false)

            let deleted = try await admin.post("\(page)/\(id)/delete", [])
            #expect(deleted.status == .seeOther)
            #expect(try await admin.get(page).text.contains("https://hooks.example.eu/in") == false)
        }
    }
}
