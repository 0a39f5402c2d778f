import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct MeetingOutcomeAPITests {
    typealias Person = EventAPITests.Person

    /// A roundtable whose one meeting, Anna with Li, was scheduled and then took place: the organiser moves the
    /// session to three days ago, since the API runs on the real clock.
    static func heldMeeting(_ client: any TestClientProtocol) async throws -> (
        eventId: String, requestId: String, organiser: Person, anna: Person, li: Person
    ) {
        let organiser = try await EventAPITests.person(client, "Forum", country: "BE")
        let created = try await client.api(
            .post, "/api/v1/events", token: organiser.token,
            json: EventAPITests.eventJSON(organizationId: organiser.organizationId, approval: false))
        let id = try #require(try created.json()["id"] as? String)
        _ = try await client.api(.post, "/api/v1/events/\(id)/publish", token: organiser.token)
        let anna = try await EventAPITests.person(client, "Anna", country: "DE")
        let li = try await EventAPITests.person(client, "Li", country: "CN", extra: #","province":"CN-GD""#)
        var registrations: [String] = []
        for person in [anna, li] {
            let registered = try await client.api(
                .post, "/api/v1/events/\(id)/registrations", token: person.token,
                json: #"{"organizationId":"\#(person.organizationId)"}"#)
            registrations.append(try #require(try registered.json()["id"] as? String))
        }
        let request = try await client.api(
            .post, "/api/v1/events/\(id)/meeting-requests", token: anna.token,
            json: #"{"inviteeId":"\#(registrations[1])","priority":3}"#)
        let requestId = try #require(try request.json()["id"] as? String)
        _ = try await client.api(.post, "/api/v1/events/\(id)/meeting-requests/\(requestId)/accept", token: li.token)
        let schedule = try await client.api(.post, "/api/v1/events/\(id)/schedule", token: organiser.token)
        #expect((try schedule.json()["meetings"] as? [Any])?.count == 1)

        let now = Date()
        let day = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Europe/Brussels")!, from: now.addingTimeInterval(-3 * 86_400))
        let dayText = String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
        let iso = EventAPITests.iso
        let moved = try await client.api(
            .patch, "/api/v1/events/\(id)", token: organiser.token,
            json: #"""
                {"sessions":[{"day":"\#(dayText)","startMinute":540,"slotMinutes":20,"slotCount":3,"breakMinutes":5,"tables":2}],
                 "registrationOpens":"\#(iso(now.addingTimeInterval(-6 * 86_400)))",
                 "registrationCloses":"\#(iso(now.addingTimeInterval(-5 * 86_400)))",
                 "requestDeadline":"\#(iso(now.addingTimeInterval(-5 * 86_400)))"}
                """#)
        #expect(moved.status == .ok, "\(moved.text)")
        return (id, requestId, organiser, anna, li)
    }

    @Test(arguments: TestDatabase.available)
    func bothSidesRateTheirMeetingAndTheOrganisersReadTheSummary(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let (id, requestId, organiser, anna, li) = try await Self.heldMeeting(client)
            let outcome = "/api/v1/events/\(id)/meetings/\(requestId)/outcome"

            let rated = try await client.api(
                .put, outcome, token: li.token,
                json: #"{"phase":"meeting","outcome":"follow-up-planned","note":"Send the spec sheet"}"#)
            #expect(rated.status == .ok, "\(rated.text)")
            let rating = try rated.json()
            #expect(rating["outcome"] as? String == "follow-up-planned")
            #expect(rating["phase"] as? String == "meeting")
            #expect(rating["note"] as? String == "Send the spec sheet")
            #expect(rating["requestId"] as? String == requestId)
            let survey = try await client.api(
                .put, outcome, token: anna.token, json: #"{"phase":"follow-up","outcome":"negotiating"}"#)
            #expect(survey.status == .ok, "\(survey.text)")

            let mine = try await client.api(.get, "/api/v1/events/\(id)/my-outcomes", token: anna.token)
            let items = try #require(try mine.json()["items"] as? [[String: Any]])
            #expect(items.map { $0["outcome"] as? String ?? "" }.sorted() == ["follow-up-planned", "negotiating"])

            let read = try await client.api(.get, "/api/v1/events/\(id)/outcomes", token: organiser.token)
            #expect(read.status == .ok, "\(read.text)")
            let summary = try #require(try read.json()["summary"] as? [String: Any])
            #expect(summary["meetingsHeld"] as? Int == 1)
            #expect(summary["meetingsRated"] as? Int == 1)
            let phases = try #require(summary["phases"] as? [[String: Any]])
            #expect(phases.map { $0["phase"] as? String ?? "" } == ["meeting", "follow-up"])
            let meetingCounts = try #require(phases.first?["counts"] as? [[String: Any]])
            #expect(
                meetingCounts.map { "\($0["outcome"] as? String ?? ""):\($0["count"] as? Int ?? -1)" } == [
                    "no-further-contact:0", "follow-up-planned:1", "negotiating:0", "agreement-reached:0",
                ])
            #expect((try read.json()["ratings"] as? [Any])?.count == 2)
        }
    }

    @Test func strangersAndWrongInputGetProblems() async throws {
        try await withApp { client in
            let (id, requestId, _, anna, _) = try await Self.heldMeeting(client)
            let outcome = "/api/v1/events/\(id)/meetings/\(requestId)/outcome"
            let outsider = try await EventAPITests.person(client, "Eve", country: "FR")

            let byStranger = try await client.api(
                .put, outcome, token: outsider.token, json: #"{"phase":"meeting","outcome":"negotiating"}"#)
            #expect(byStranger.status == .notFound)
            #expect(try byStranger.problemDetail().contains("registration"))
            #expect(
                try await client.api(.get, "/api/v1/events/\(id)/my-outcomes", token: outsider.token).status
                    == .notFound)
            #expect(try await client.api(.get, "/api/v1/events/\(id)/outcomes", token: anna.token).status == .forbidden)
            #expect(
                try await client.api(
                    .put, outcome, json: #"{"phase":"meeting","outcome":"negotiating"}"#
                ).status == .unauthorized)

            let linkedTooEarly = try await client.api(
                .put, outcome, token: anna.token,
                json: #"{"phase":"meeting","outcome":"negotiating","agreementId":"\#(UUID().uuidString)"}"#)
            #expect(linkedTooEarly.status == .badRequest)
            #expect(try linkedTooEarly.problemDetail().contains("agreementId"))
            let unknownAgreement = try await client.api(
                .put, outcome, token: anna.token,
                json: #"{"phase":"meeting","outcome":"agreement-reached","agreementId":"\#(UUID().uuidString)"}"#)
            #expect(unknownAgreement.status == .badRequest)
            let extra = try await client.api(
                .put, outcome, token: anna.token, json: #"{"phase":"meeting","outcome":"negotiating","stars":5}"#)
            #expect(extra.status == .badRequest)
            let badOutcome = try await client.api(
                .put, outcome, token: anna.token, json: #"{"phase":"meeting","outcome":"great"}"#)
            #expect(badOutcome.status == .badRequest)
            let tooLong = try await client.api(
                .put, outcome, token: anna.token,
                json: #"{"phase":"meeting","outcome":"negotiating","note":"\#(String(repeating: "x", count: 501))"}"#)
            #expect(tooLong.status == .badRequest)
            let none = try await client.api(.get, "/api/v1/events/\(id)/my-outcomes", token: anna.token)
            #expect((try none.json()["items"] as? [Any])?.isEmpty == true)
        }
    }
}
