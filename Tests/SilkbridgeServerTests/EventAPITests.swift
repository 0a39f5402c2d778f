import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct EventAPITests {
    struct Person {
        let token: String
        let organizationId: String
    }

    static func person(_ client: any TestClientProtocol, _ name: String, country: String, extra: String = "")
        async throws -> Person
    {
        let token = try await client.signUp(name: name)
        return Person(
            token: token,
            organizationId: try await client.createOrganization(
                token: token, name: "\(name) Org", country: country, extra: extra))
    }

    static func iso(_ date: Date) -> String { date.ISO8601Format() }

    /// A roundtable with registration open now, two sessions three weeks ahead in Brussels.
    static func eventJSON(organizationId: String, approval: Bool = true, requestCap: Int = 1, extra: String = "")
        -> String
    {
        let now = Date()
        let day = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Europe/Brussels")!, from: now.addingTimeInterval(21 * 86_400))
        let dayText = String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
        return #"""
            {"organizationId":"\#(organizationId)","kind":"roundtable",
             "title":{"en":"China–EU digital cooperation roundtable","zh-Hans":"中欧数字合作圆桌会议"},
             "location":{"type":"venue","name":{"en":"Residence Palace"},"address":"Rue de la Loi 155, Brussels"},
             "timeZone":"Europe/Brussels",
             "sessions":[{"day":"\#(dayText)","startMinute":540,"slotMinutes":20,"slotCount":3,"breakMinutes":5,"tables":2}],
             "registrationOpens":"\#(iso(now.addingTimeInterval(-86_400)))",
             "registrationCloses":"\#(iso(now.addingTimeInterval(10 * 86_400)))",
             "capacity":10,"approvalRequired":\#(approval),"themes":["smart-energy"],"requestCap":\#(requestCap),
             "requestDeadline":"\#(iso(now.addingTimeInterval(10 * 86_400)))"\#(extra)}
            """#
    }

    @Test(arguments: TestDatabase.available)
    func anOrganiserRunsARoundtableFromRegistrationToAgendas(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let organiser = try await Self.person(client, "Forum", country: "BE")
            let created = try await client.api(
                .post, "/api/v1/events", token: organiser.token,
                json: Self.eventJSON(organizationId: organiser.organizationId))
            #expect(created.status == .created, "\(created.text)")
            let event = try created.json()
            let id = try #require(event["id"] as? String)
            #expect(event["published"] as? Bool == false)
            #expect((event["slots"] as? [[String: Any]])?.count == 3)

            // A draft is the organisers' alone.
            let europe = try await Self.person(client, "Anna", country: "DE")
            #expect(try await client.api(.get, "/api/v1/events/\(id)").status == .notFound)
            #expect(try await client.api(.get, "/api/v1/events/\(id)", token: europe.token).status == .notFound)
            let early = try await client.api(
                .post, "/api/v1/events/\(id)/registrations", token: europe.token,
                json: #"{"organizationId":"\#(europe.organizationId)"}"#)
            #expect(early.status == .notFound)
            let anonymousList = try await client.api(.get, "/api/v1/events").json()["items"] as? [[String: Any]]
            #expect(anonymousList?.isEmpty == true)

            let published = try await client.api(.post, "/api/v1/events/\(id)/publish", token: organiser.token)
            #expect(try published.json()["published"] as? Bool == true)
            let programme = try await client.api(.get, "/api/v1/events/\(id)")
            #expect(programme.status == .ok)
            #expect(try (programme.json()["sessions"] as? [[String: Any]])?.count == 1)

            // Participants register for their organisations and wait for approval.
            let china = try await Self.person(client, "Li", country: "CN", extra: #","province":"CN-GD""#)
            let other = try await Self.person(client, "Wang", country: "CN", extra: #","province":"CN-SH""#)
            var registrations: [String] = []
            for person in [europe, china, other] {
                let registered = try await client.api(
                    .post, "/api/v1/events/\(id)/registrations", token: person.token,
                    json: #"{"organizationId":"\#(person.organizationId)","wants":{"en":"Partners for smart meters"}}"#)
                #expect(registered.status == .created, "\(registered.text)")
                #expect(try registered.json()["status"] as? String == "pending")
                registrations.append(try registered.json()["id"] as! String)
            }
            let twice = try await client.api(
                .post, "/api/v1/events/\(id)/registrations", token: europe.token,
                json: #"{"organizationId":"\#(europe.organizationId)"}"#)
            #expect(twice.status == .conflict)
            let (anna, li, wang) = (registrations[0], registrations[1], registrations[2])
            #expect(
                try await client.api(.post, "/api/v1/events/\(id)/registrations/\(li)/approve", token: europe.token)
                    .status == .forbidden)
            #expect(
                try await client.api(.get, "/api/v1/events/\(id)/registrations", token: europe.token).status
                    == .forbidden)
            #expect(
                try await client.api(.get, "/api/v1/events/\(id)/participants", token: europe.token).status
                    == .conflict)
            let waiting = try await client.api(.get, "/api/v1/events/\(id)/my-registration", token: china.token)
            #expect(try waiting.json()["id"] as? String == li)
            #expect(try waiting.json()["status"] as? String == "pending")
            #expect(
                try await client.api(.get, "/api/v1/events/\(id)/my-registration", token: organiser.token).status
                    == .notFound)
            for registration in registrations {
                let approved = try await client.api(
                    .post, "/api/v1/events/\(id)/registrations/\(registration)/approve", token: organiser.token)
                #expect(try approved.json()["status"] as? String == "approved")
            }

            // Participants see each other; outsiders see nobody.
            let participants =
                try await client.api(.get, "/api/v1/events/\(id)/participants", token: europe.token)
                .json()["items"] as? [[String: Any]]
            #expect(Set(participants?.compactMap { $0["id"] as? String } ?? []) == [li, wang])
            #expect(participants?.first?["name"] as? String == "Li (Li Org)")
            let outsider = try await Self.person(client, "Eve", country: "FR")
            #expect(
                try await client.api(.get, "/api/v1/events/\(id)/participants", token: outsider.token).status
                    == .notFound)

            // Requests: one each (the cap), no duplicates, only the invitee answers.
            let request = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests", token: europe.token,
                json: #"{"inviteeId":"\#(li)","priority":3,"message":"Smart meters"}"#)
            #expect(request.status == .created, "\(request.text)")
            let requestId = try request.json()["id"] as! String
            let overCap = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests", token: europe.token,
                json: #"{"inviteeId":"\#(wang)","priority":1}"#)
            #expect(overCap.status == .conflict)
            let duplicate = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests", token: china.token,
                json: #"{"inviteeId":"\#(anna)","priority":2}"#)
            #expect(duplicate.status == .conflict)
            let fromWang = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests", token: other.token,
                json: #"{"inviteeId":"\#(anna)","priority":1}"#)
            let wangRequest = try fromWang.json()["id"] as! String
            #expect(
                try await client.api(
                    .post, "/api/v1/events/\(id)/meeting-requests/\(requestId)/accept", token: europe.token
                ).status == .forbidden)
            #expect(
                try await client.api(
                    .post, "/api/v1/events/\(id)/meeting-requests/\(requestId)/accept", token: outsider.token
                ).status == .notFound)
            let accepted = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests/\(requestId)/accept", token: china.token)
            #expect(try accepted.json()["status"] as? String == "accepted")
            _ = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests/\(wangRequest)/accept", token: europe.token)
            let mine =
                try await client.api(.get, "/api/v1/events/\(id)/meeting-requests", token: europe.token)
                .json()["items"] as? [[String: Any]]
            #expect(mine?.count == 2)

            // Only the organisers schedule; the schedule is optimal here and says so.
            #expect(
                try await client.api(.post, "/api/v1/events/\(id)/schedule", token: europe.token).status == .forbidden)
            let schedule = try await client.api(.post, "/api/v1/events/\(id)/schedule", token: organiser.token)
            #expect(schedule.status == .ok, "\(schedule.text)")
            let result = try schedule.json()
            #expect(result["placedWeight"] as? Int == 4)
            #expect(result["upperBound"] as? Int == 4)
            #expect(result["optimalityGap"] as? Double == 0)
            let meetings = try #require(result["meetings"] as? [[String: Any]])
            #expect(meetings.count == 2)
            #expect(meetings[0]["slot"] as? Int != meetings[1]["slot"] as? Int)

            // Agendas: each participant their own, as JSON and as iCalendar in Brussels time.
            let agenda = try await client.api(.get, "/api/v1/events/\(id)/agenda", token: europe.token).json()
            #expect((agenda["items"] as? [[String: Any]])?.count == 2)
            let liAgenda = try await client.api(.get, "/api/v1/events/\(id)/agenda", token: china.token).json()
            let liItems = try #require(liAgenda["items"] as? [[String: Any]])
            #expect(liItems.map { $0["partnerName"] as? String } == ["Anna (Anna Org)"])
            let ics = try await client.api(
                .get, "/api/v1/events/\(id)/agenda?format=ics&lang=zh-Hans", token: europe.token)
            #expect(ics.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(ics.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(ics.text.contains("TZID=Europe/Brussels"))
            #expect(ics.text.components(separatedBy: "BEGIN:VEVENT").count == 3)
            #expect(ics.text.contains("与"))
            #expect(
                try await client.api(.get, "/api/v1/events/\(id)/agenda", token: outsider.token).status == .notFound)
            let whole = try await client.api(
                .get, "/api/v1/events/\(id)/schedule?format=ics", token: organiser.token)
            #expect(whole.text.components(separatedBy: "BEGIN:VEVENT").count == 3)
            #expect(
                try await client.api(.get, "/api/v1/events/\(id)/schedule", token: europe.token).status == .forbidden)

            // A no-show frees their meetings; the published one of the others stays where it was.
            let kept = meetings.first { $0["requestId"] as? String == requestId }
            let marked = try await client.api(
                .put, "/api/v1/events/\(id)/registrations/\(wang)/no-show", token: organiser.token,
                json: #"{"noShow":true}"#)
            #expect(try marked.json()["noShow"] as? Bool == true)
            let again = try await client.api(.post, "/api/v1/events/\(id)/schedule", token: organiser.token).json()
            let remaining = try #require(again["meetings"] as? [[String: Any]])
            #expect(remaining.map { $0["requestId"] as? String } == [requestId])
            #expect(remaining.first?["slot"] as? Int == kept?["slot"] as? Int)
            #expect(remaining.first?["table"] as? Int == kept?["table"] as? Int)
        }
    }

    @Test func wrongInputAndWrongRolesGetClearProblems() async throws {
        try await withApp { client in
            let organiser = try await Self.person(client, "Forum", country: "BE")
            let email = "plain-\(UUID().uuidString.prefix(6))@example.eu"
            let plain = try await client.signUpVerified(email, name: "Paul")
            let added = try await client.api(
                .post, "/api/v1/organizations/\(organiser.organizationId)/members", token: organiser.token,
                json: #"{"email":"\#(email)","role":"member"}"#)
            #expect(added.status == .created)

            // A plain member may not create events for the organisation, and outsiders not at all.
            let byMember = try await client.api(
                .post, "/api/v1/events", token: plain,
                json: Self.eventJSON(organizationId: organiser.organizationId))
            #expect(byMember.status == .forbidden)
            let invalid = try await client.api(
                .post, "/api/v1/events", token: organiser.token,
                json: Self.eventJSON(organizationId: organiser.organizationId).replacingOccurrences(
                    of: "Europe/Brussels", with: "Europe/Atlantis"))
            #expect(invalid.status == .badRequest)
            #expect(try invalid.problemDetail().contains("timeZoneId"))
            let badDay = try await client.api(
                .post, "/api/v1/events", token: organiser.token,
                json: Self.eventJSON(organizationId: organiser.organizationId).replacingOccurrences(
                    of: #""day":"20"#, with: #""day":"x20"#))
            #expect(badDay.status == .badRequest)
            #expect(try await client.api(.get, "/api/v1/events/not-an-id").status == .notFound)

            let created = try await client.api(
                .post, "/api/v1/events", token: organiser.token,
                json: Self.eventJSON(organizationId: organiser.organizationId, approval: false))
            let id = try created.json()["id"] as! String
            // Members of the organisers see the draft but do not change it.
            #expect(try await client.api(.get, "/api/v1/events/\(id)", token: plain).status == .ok)
            #expect(try await client.api(.post, "/api/v1/events/\(id)/publish", token: plain).status == .forbidden)
            let renamed = try await client.api(
                .patch, "/api/v1/events/\(id)", token: organiser.token, json: #"{"capacity":2}"#)
            #expect(try renamed.json()["capacity"] as? Int == 2)
            let badCapacity = try await client.api(
                .patch, "/api/v1/events/\(id)", token: organiser.token, json: #"{"capacity":1}"#)
            #expect(badCapacity.status == .badRequest)
            #expect(try badCapacity.problemDetail().contains("capacity"))
            _ = try await client.api(.post, "/api/v1/events/\(id)/publish", token: organiser.token)

            // Registration is approved at once here, up to the capacity.
            let anna = try await Self.person(client, "Anna", country: "DE")
            let li = try await Self.person(client, "Li", country: "CN", extra: #","province":"CN-GD""#)
            let late = try await Self.person(client, "Late", country: "FR")
            let notMine = try await client.api(
                .post, "/api/v1/events/\(id)/registrations", token: anna.token,
                json: #"{"organizationId":"\#(li.organizationId)"}"#)
            #expect(notMine.status == .forbidden)
            let badSession = try await client.api(
                .post, "/api/v1/events/\(id)/registrations", token: anna.token,
                json: #"{"organizationId":"\#(anna.organizationId)","availableSessions":[4]}"#)
            #expect(badSession.status == .badRequest)
            #expect(try badSession.problemDetail().contains("availableSessions"))
            var ids: [String] = []
            for person in [anna, li] {
                let registered = try await client.api(
                    .post, "/api/v1/events/\(id)/registrations", token: person.token,
                    json: #"{"organizationId":"\#(person.organizationId)"}"#)
                #expect(try registered.json()["status"] as? String == "approved")
                ids.append(try registered.json()["id"] as! String)
            }
            let full = try await client.api(
                .post, "/api/v1/events/\(id)/registrations", token: late.token,
                json: #"{"organizationId":"\#(late.organizationId)"}"#)
            #expect(full.status == .conflict)

            let toSelf = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests", token: anna.token,
                json: #"{"inviteeId":"\#(ids[0])","priority":2}"#)
            #expect(toSelf.status == .badRequest)
            #expect(try toSelf.problemDetail().contains("inviteeId"))
            let badPriority = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests", token: anna.token,
                json: #"{"inviteeId":"\#(ids[1])","priority":7}"#)
            #expect(badPriority.status == .badRequest)
            let stranger = try await client.api(
                .post, "/api/v1/events/\(id)/meeting-requests", token: late.token,
                json: #"{"inviteeId":"\#(ids[1])","priority":2}"#)
            #expect(stranger.status == .notFound)
            #expect(
                try await client.api(.get, "/api/v1/events/\(id)/schedule", token: organiser.token).status
                    == .notFound)
        }
    }
}
