import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The demo's events as the demo user, ChinaEU's owner, finds them: the roundtable ten days ago with its meetings
/// held and rated (the agreements of the roundtable linked) and their own meetings still to rate, and the
/// 300-delegate brokerage event ahead, scheduled close to the bound.
@Suite(.timeLimit(.minutes(10))) struct DemoEventsTests {
    @Test func theDemoHasARatedRoundtableAndAScheduledBrokerageEvent() async throws {
        try await withApp(demo: true) { client in
            let session = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"demo@silkbridge.example","password":"silkbridge-demo"}"#)
            let token = try #require(try session.json()["token"] as? String)
            let events = try await client.api(.get, "/api/v1/events", token: token).json()["items"] as? [[String: Any]]
            let byTitle = Dictionary(
                (events ?? []).compactMap { event in
                    ((event["title"] as? [String: String])?["en"]).map { ($0, event["id"] as? String ?? "") }
                }
            ) { first, _ in first }
            let roundtable = try #require(byTitle["First China–EU Digital Cooperation Roundtable"])
            let brokerage = try #require(byTitle["Digital Silk Road Brokerage Days"])
            // The past roundtable is not among the coming events anyone sees.
            let upcoming = try await client.api(.get, "/api/v1/events").json()["items"] as? [[String: Any]] ?? []
            #expect(upcoming.compactMap { $0["id"] as? String } == [brokerage])

            let outcomes = try await client.api(.get, "/api/v1/events/\(roundtable)/outcomes", token: token).json()
            let summary = try #require(outcomes["summary"] as? [String: Any])
            let held = try #require(summary["meetingsHeld"] as? Int)
            #expect(held >= 40)
            #expect(summary["meetingsRated"] as? Int == held)
            let ratings = outcomes["ratings"] as? [[String: Any]] ?? []
            let phases = Set(ratings.compactMap { $0["phase"] as? String })
            #expect(phases == ["meeting", "follow-up"])
            // China Unicom and Nokia, and the Foundation, reached the agreements the roundtable is known for.
            #expect(ratings.filter { $0["agreementId"] is String }.count >= 3)
            let agenda = try await client.api(.get, "/api/v1/events/\(roundtable)/agenda", token: token).json()
            let mine = (agenda["items"] as? [[String: Any]])?.count ?? 0
            #expect(mine >= 1)
            let own = try await client.api(.get, "/api/v1/events/\(roundtable)/my-outcomes", token: token).json()
            let registration = try #require(agenda["registrationId"] as? String)
            let byMe = (own["items"] as? [[String: Any]] ?? []).filter {
                $0["registrationId"] as? String == registration
            }
            #expect(byMe.isEmpty)

            let registrations =
                try await client.api(
                    .get, "/api/v1/events/\(brokerage)/registrations", token: token
                ).json()["items"] as? [Any]
            #expect(registrations?.count == 300)
            let schedule = try await client.api(.get, "/api/v1/events/\(brokerage)/schedule", token: token).json()
            #expect((schedule["meetings"] as? [Any])?.count ?? 0 >= 500)
            let gap = try #require(schedule["optimalityGap"] as? Double)
            #expect(gap < 0.02)
        }
    }
}
