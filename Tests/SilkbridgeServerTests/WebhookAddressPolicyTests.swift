import AsyncHTTPClient
import Foundation
import Logging
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeServer

/// Where webhook deliveries may go, judged on the addresses a host resolves to (numeric forms resolve without a
/// name server, so these run offline).
@Suite struct WebhookAddressPolicyTests {
    static let loopbackForms = [
        "localhost", "127.0.0.1", "0x7f000001", "2130706433", "127.1", "0177.0.0.1", "[::1]", "[::ffff:127.0.0.1]",
    ]

    @Test(arguments: loopbackForms)
    func loopbackInEveryFormIsRefusedUnlessTheDeploymentAllowsIt(host: String) throws {
        #expect(throws: WebhookAddressPolicy.Refusal.notPublic) { try WebhookAddressPolicy().check(host: host) }
        try WebhookAddressPolicy(allowsLoopback: true).check(host: host)
    }

    @Test(arguments: [
        "10.1.2.3", "0x0a000001", "169.254.169.254", "100.64.0.1", "0.0.0.0", "[::]", "[::ffff:10.0.0.1]",
        "[64:ff9b::a9fe:a9fe]", "[64:ff9b::7f00:1]", "[64:ff9b:1::a9fe:a9fe]", "[2002:a9fe:a9fe::]",
        "[2002:7f00:1::1]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "[fe80::1]", "[fd00::1]", "[ff02::1]",
        "224.0.0.1",
    ])
    func privateAndReservedAddressesAreRefusedAlsoInsideIPv6(host: String) {
        #expect(throws: WebhookAddressPolicy.Refusal.notPublic) {
            try WebhookAddressPolicy(allowsLoopback: true).check(host: host)
        }
    }

    @Test(arguments: ["93.184.216.34", "[2606:4700::1111]", "[64:ff9b::5db8:d822]", "[2002:5db8:d822::1]"])
    func publicAddressesPassAlsoThroughNAT64And6to4(host: String) throws {
        try WebhookAddressPolicy().check(host: host)
    }

    /// A try that gets no HTTP answer is recorded as one class, whatever the cause, so that the delivery log
    /// cannot tell a closed port from an open one, nor show the server's error texts.
    @Test func aTryWithoutAnAnswerRecordsOnlyItsClass() async throws {
        let now = Date()
        // Nothing listens on port 9 of loopback (discard), so the connection is refused.
        let webhook = Webhook(
            id: UUID(), organizationId: UUID(), url: "http://127.0.0.1:9/hook", secret: "s",
            kinds: [.interestReceived], createdAt: now)
        let delivery = WebhookDelivery(
            id: UUID(), webhookId: webhook.id, noticeId: UUID(), kind: .interestReceived, body: Data("{}".utf8),
            createdAt: now, state: .pending, nextAttemptAt: now, attempts: [])
        let attempt = try await TestDatabase.sqlite.withDatabase { database in
            let client = WebhookDeliveryWorker.makeClient()
            let worker = WebhookDeliveryWorker(
                repository: database.webhooks, client: client, reachesLoopback: true, logger: Logger(label: "test"))
            let attempt = await worker.send(delivery, to: webhook, now: now)
            try await client.shutdown()
            return attempt
        }
        #expect(attempt.statusCode == nil)
        #expect(attempt.error == WebhookDeliveryWorker.noAnswer)
    }
}
