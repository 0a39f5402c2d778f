import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

/// The event pages over real HTTP: an organiser creates an event with the form and publishes it, two people
/// register on its page, one asks the other for a meeting which is accepted, the organiser schedules with one
/// button, and each reads their agenda and its calendar file; what is not theirs stays closed.
@Suite(.timeLimit(.minutes(10))) struct EventPageTests {
    struct Member {
        let email: String
        let organizationId: String
    }

    func member(_ client: any TestClientProtocol, _ name: String, country: String) async throws -> Member {
        let email = "\(name.lowercased())-\(UUID().uuidString.prefix(6))@example.eu"
        let token = try await client.signUp(email, name: name)
        return Member(
            email: email,
            organizationId: try await client.createOrganization(
                token: token, name: "\(name) Org", country: country,
                extra: country == "CN" ? #","province":"CN-GD""# : ""))
    }

    func browser(_ client: any TestClientProtocol, _ member: Member, _ language: String) async throws
        -> BrowserSession
    {
        var browser = BrowserSession(client, language: language)
        let login = try await browser.post("/login", [("email", member.email), ("password", "correct horse battery")])
        #expect(login.status == .seeOther)
        return browser
    }

    /// The form's fields for a roundtable a month ahead in Brussels, registration and requests closing the day before.
    func eventForm(_ organizer: Member, closes: String? = nil) -> [(String, String)] {
        let zone = TimeZone(identifier: "Europe/Brussels")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        func day(_ offset: Double) -> String {
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date().addingTimeInterval(offset * 86_400))
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
        return [
            ("organizationId", organizer.organizationId), ("kind", "roundtable"),
            ("title_en", "Smart grid roundtable"), ("title_zh", "智能电网圆桌会议"), ("venue_en", "Residence Palace"),
            ("address", "Rue de la Loi 155, Brussels"), ("timeZoneId", "Europe/Brussels"), ("day", day(30)),
            ("days", "1"), ("start", "14:00"), ("slotMinutes", "20"), ("slotCount", "4"), ("breakMinutes", "5"),
            ("tables", "2"), ("registrationCloses", closes ?? day(29) + "T18:00"),
            ("requestDeadline", day(29) + "T18:00"), ("capacity", "20"), ("requestCap", "3"),
            ("approvalRequired", "true"),
            ("themes", "smart-energy"),
        ]
    }

    @Test(arguments: TestDatabase.available, ["en", "zh-Hans"])
    func anOrganiserRunsAnEventInTheBrowser(database: TestDatabase, language: String) async throws {
        let english = language == "en"
        try await withApp(database) { client in
            let forum = try await member(client, "Forum", country: "BE")
            let anna = try await member(client, "Anna", country: "DE")
            let li = try await member(client, "Li", country: "CN")
            let stranger = try await member(client, "Sam", country: "FR")
            var organizer = try await browser(client, forum, language)

            // A registration closing after the meetings start is refused next to its field, keeping what was typed.
            let late = try await organizer.post("/events/new", eventForm(forum, closes: "2099-01-01T10:00"))
            #expect(late.status == .badRequest)
            #expect(late.text.contains(#"id="error-registrationCloses""#))
            #expect(late.text.contains(english ? "must be no later than the first session." : "不得晚于第一场洽谈开始。"))
            #expect(late.text.contains(#"value="Smart grid roundtable""#))
            let created = try await organizer.post("/events/new", eventForm(forum))
            #expect(created.status == .seeOther, "\(created.text)")
            let eventLink = try #require(created.headers[.location])
            let draft = try await organizer.get(eventLink)
            #expect(draft.text.contains(english ? "Draft" : "草稿"))
            #expect(!draft.text.contains("{{"))
            var outsider = try await browser(client, stranger, language)
            #expect(try await outsider.get(eventLink).status == .notFound)
            #expect(try await organizer.post(eventLink + "/publish", []).status == .seeOther)
            let programme = try await outsider.get(eventLink)
            #expect(programme.status == .ok)
            #expect(programme.text.contains(english ? "Programme" : "日程安排"))
            #expect(programme.text.contains("Europe/Brussels"))
            #expect(programme.text.contains("14:00–15:35"))

            // Two people register on the page; the event needs the organisers' approval.
            var annaBrowser = try await browser(client, anna, language)
            let noSession = try await annaBrowser.post(
                eventLink + "/register", [("organizationId", anna.organizationId), ("displayName", "Anna")])
            #expect(noSession.status == .badRequest)
            #expect(noSession.text.contains(#"id="register-errors""#))
            for (person, name) in [(anna, "Anna"), (li, "Li")] {
                var session = try await browser(client, person, language)
                let registered = try await session.post(
                    eventLink + "/register",
                    [
                        ("organizationId", person.organizationId), ("displayName", name), ("sessions", "0"),
                        ("wants_en", "Partners in smart metering"),
                    ])
                #expect(registered.status == .seeOther, "\(registered.text)")
            }
            let waiting = try await annaBrowser.get(eventLink)
            #expect(waiting.text.contains(english ? "Awaiting approval" : "待审核"))
            let organizerPage = try await organizer.get(eventLink)
            let registrations = organizerPage.text.matches(of: /registrations\/([0-9a-f-]{36})\/approve/).map {
                String($0.1)
            }
            try #require(registrations.count == 2)
            // Approving is the organisers' business.
            #expect(
                try await annaBrowser.post("\(eventLink)/registrations/\(registrations[0])/approve", []).status
                    == .forbidden)
            for registration in registrations {
                let approved = try await organizer.post("\(eventLink)/registrations/\(registration)/approve", [])
                #expect(approved.status == .seeOther)
            }

            // Anna finds Li among the participants and asks for a meeting; Li accepts.
            let participants = try await annaBrowser.get(eventLink + "/participants")
            #expect(participants.status == .ok)
            #expect(participants.text.contains("Li Org"))
            #expect(!participants.text.contains("Forum Org"))
            let invitee = try #require(participants.text.firstMatch(of: /name="inviteeId" value="([0-9a-f-]{36})"/)?.1)
            let asked = try await annaBrowser.post(
                eventLink + "/participants/request", [("inviteeId", String(invitee)), ("priority", "3")])
            #expect(asked.status == .seeOther)
            let again = try await annaBrowser.post(
                eventLink + "/participants/request", [("inviteeId", String(invitee)), ("priority", "3")])
            #expect(again.status == .conflict)
            var liBrowser = try await browser(client, li, language)
            let requests = try await liBrowser.get(eventLink + "/requests")
            let accept = try #require(requests.text.firstMatch(of: /action="([^"]+\/accept)"/)?.1)
            #expect(try await outsider.post(String(accept), []).status == .notFound)
            #expect(try await liBrowser.post(String(accept), []).status == .seeOther)
            #expect(try await liBrowser.get(eventLink + "/requests").text.contains(english ? "Accepted" : "已接受"))

            // Only the organisers schedule and read the table plan.
            #expect(try await annaBrowser.post(eventLink + "/schedule", []).status == .forbidden)
            #expect(try await outsider.get(eventLink + "/plan").status == .forbidden)
            let scheduled = try await organizer.post(eventLink + "/schedule", [])
            #expect(scheduled.headers[.location] == eventLink + "/plan")
            let plan = try await organizer.get(eventLink + "/plan")
            #expect(plan.text.contains("Anna · Anna Org"))
            #expect(plan.text.contains("Li · Li Org"))
            #expect(plan.text.contains(english ? "Table plan" : "桌位安排"))

            // Each participant reads their agenda and downloads it for their calendar, in the event's time zone.
            let agenda = try await liBrowser.get(eventLink + "/agenda")
            #expect(agenda.text.contains("Anna Org"))
            let calendar = try await liBrowser.get(eventLink + "/agenda.ics")
            #expect(calendar.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(calendar.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(calendar.text.contains("DTSTART;TZID=Europe/Brussels:"))
            #expect(calendar.text.contains("T140000") || calendar.text.contains("T142500"))
            #expect(try await outsider.get(eventLink + "/agenda").status == .notFound)
        }
    }
}
