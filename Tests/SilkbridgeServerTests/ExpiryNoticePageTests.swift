import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct ExpiryNoticePageTests {
    @Test(arguments: TestDatabase.available)
    func theInboxShowsTheExpiryNoticeWithALinkToTheOpportunity(database: TestDatabase) async throws {
        let location = database.freshLocation()
        try await withApp(at: location) { client in
            let owner = try await client.signUp("owner@example.eu")
            let organization = try await client.createOrganization(token: owner)
            let id = try await OpportunityAPITests.draft(client, token: owner, organization: organization)
            _ = try await client.api(.post, "/api/v1/opportunities/\(id)/publish", token: owner)

            // The job as another process runs it, a few days before the expiry twelve months from now.
            let storage = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
            // Sending notices validates nothing, so the reference data may be empty.
            let exchange = ExchangeService(
                repository: storage.exchange, directory: storage.directory,
                catalog: ReferenceCatalog(areas: [], countries: [], provinces: []))
            let sent = try await exchange.sendExpiryNotices(now: Date().addingTimeInterval(360 * 24 * 3600))
            await storage.shutdown()
            #expect(sent == 1)

            let inbox = try await client.api(.get, "/api/v1/inbox", token: owner)
            #expect(inbox.status == .ok, "\(inbox.text)")
            let notice = try #require((try inbox.json()["items"] as? [[String: Any]])?.first)
            #expect(notice["kind"] as? String == "opportunity.expiring")
            #expect(notice["opportunityId"] as? String == id)
            #expect(notice["interestId"] == nil)

            var browser = try await ExchangePageTests().browser(
                client, email: "owner@example.eu", language: "zh-Hans")
            let page = try await browser.get("/inbox")
            #expect(page.text.contains("您的合作机会将在两周后到期"))
            #expect(page.text.contains(#"href="/opportunities/\#(id)""#))
            let stranger = try await client.api(
                .get, "/api/v1/inbox", token: try await client.signUp("other@example.eu"))
            #expect((try stranger.json()["items"] as? [[String: Any]])?.isEmpty == true)
        }
    }
}
