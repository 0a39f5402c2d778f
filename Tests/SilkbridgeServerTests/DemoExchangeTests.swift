import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite(.timeLimit(.minutes(10))) struct DemoExchangeTests {
    @Test func demoOpportunitiesCoverEveryTypeAndAreaInBothLanguages() async throws {
        try await withApp(demo: true) { client in
            var items: [[String: Any]] = []
            var cursor: String?
            repeat {
                let page = try await client.api(
                    .get, "/api/v1/opportunities?limit=100" + (cursor.map { "&cursor=\($0)" } ?? "")
                ).json()
                items += page["items"] as? [[String: Any]] ?? []
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(items.count >= 140)
            #expect(Set(items.compactMap { $0["type"] as? String }).count == 7)
            #expect(Set(items.flatMap { $0["areas"] as? [String] ?? [] }).count == 10)
            let bilingual = items.filter {
                let title = $0["title"] as? [String: String]
                return title?["en"] != nil && title?["zh-Hans"] != nil
            }
            #expect(bilingual.count >= 120)
            let closed = try await client.api(.get, "/api/v1/opportunities?status=closed").json()
            #expect((closed["items"] as? [Any])?.isEmpty == false)

            // A Chinese query finds demo opportunities, with facets over both sides.
            let query = "合作".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let search = try await client.api(.get, "/api/v1/search?q=\(query)").json()
            #expect((search["total"] as? Int ?? 0) > 10)
            let facets = try #require(search["facets"] as? [String: [[String: Any]]])
            let sides = (facets["side"] ?? []).map { String(describing: $0["value"] ?? "") }
            #expect(Set(sides) == ["cn", "eu"])
        }
    }
}
