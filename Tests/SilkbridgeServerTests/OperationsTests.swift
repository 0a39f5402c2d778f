import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeAPI
import Testing

@Suite(.timeLimit(.minutes(10))) struct OperationsTests {
    @Test func healthMetricsAndTheContractAreServed() async throws {
        try await withApp { client in
            let health = try await client.api(.get, "/healthz")
            #expect(health.status == .ok)
            #expect(health.text == "ok\nledger: running\n")
            let ledger = try await client.api(.get, "/api/v1/ledger").json()
            #expect((ledger["sequencing"] as? [String: Any])?["state"] as? String == "running")
            #expect(try await client.api(.get, "/metrics").status == .ok)
            let spec = try await client.api(.get, "/api/v1/openapi.yaml")
            #expect(spec.status == .ok)
            #expect(spec.text.hasPrefix("openapi: \"3.1.0\""))
            #expect(spec.text.contains("/organizations/{organizationId}/members"))
        }
    }

    /// Errors are answered as problems on every operation, so each must document them.
    @Test func everyOperationDocumentsItsProblemResponse() throws {
        let spec = String(decoding: try OpenAPIDocument.yaml(), as: UTF8.self)
        let operations = spec.components(separatedBy: "operationId: ").dropFirst()
        #expect(operations.count >= 19)
        for operation in operations {
            let name = operation.prefix { !$0.isWhitespace }
            #expect(operation.contains(##"default: {$ref: "#/components/responses/Problem"}"##), "\(name)")
        }
    }

    @Test func demoDataLoadsTheRoundtableStakeholdersOnce() async throws {
        try await withApp(demo: true) { client in
            let huawei = try await client.api(.get, "/api/v1/organizations?q=huawei")
            let items = try #require(try huawei.json()["items"] as? [[String: Any]])
            #expect((items.first?["name"] as? [String: String])?["zh-Hans"] == "华为")
            var count = 0
            var cursor = ""
            repeat {
                let page = try await client.api(.get, "/api/v1/organizations?limit=100\(cursor)")
                count += (try page.json()["items"] as? [Any])?.count ?? 0
                cursor = (try page.json()["nextCursor"] as? String).map { "&cursor=\($0)" } ?? ""
            } while !cursor.isEmpty
            #expect(count >= 52)
            for side in ["cn", "eu"] {
                let page = try await client.api(.get, "/api/v1/organizations?side=\(side)&limit=100")
                #expect(((try page.json()["items"] as? [Any])?.count ?? 0) >= 20)
            }
        }
    }
}
