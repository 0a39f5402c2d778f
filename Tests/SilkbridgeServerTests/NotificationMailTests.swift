import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeServer

/// Notices by mail: at once or in a daily digest as each member chose, only to verified members, each once,
/// and switched off from the mail itself (RFC 8058). The rounds run with the clock the test gives them.
@Suite(.timeLimit(.minutes(10))) struct NotificationMailTests {
    struct Parties {
        let owner: String
        let colleague: String
        let sender: String
        let senderOrganization: String
        let opportunity: String
    }

    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// A European owner and a verified colleague in one organisation with a published opportunity, an invited
    /// person who signed up but never confirmed the address, and a Chinese firm that will express interest.
    func parties(_ client: any TestClientProtocol, tag: String) async throws -> Parties {
        let owner = try await client.signUpVerified("owner-\(tag)@example.eu")
        let organization = try await client.createOrganization(token: owner, name: "Isar Energy \(tag)")
        for email in ["colleague-\(tag)@example.eu", "unconfirmed-\(tag)@example.eu"] {
            let invited = try await client.api(
                .post, "/api/v1/organizations/\(organization)/members", token: owner,
                json: #"{"email":"\#(email)","role":"member"}"#)
            #expect(invited.status == .created, "\(invited.text)")
        }
        let colleague = try await client.signUpVerified("colleague-\(tag)@example.eu")
        _ = try await client.signUp("unconfirmed-\(tag)@example.eu")
        let opportunity = try await OpportunityAPITests.draft(client, token: owner, organization: organization)
        _ = try await client.api(.post, "/api/v1/opportunities/\(opportunity)/publish", token: owner)
        let sender = try await client.signUpVerified("sender-\(tag)@example.cn", name: "李伟")
        let senderOrganization = try await client.createOrganization(
            token: sender, name: "Shenzhen Grid \(tag)", country: "CN", extra: #","province":"CN-GD""#)
        return Parties(
            owner: owner, colleague: colleague, sender: sender, senderOrganization: senderOrganization,
            opportunity: opportunity)
    }

    func expressInterest(_ client: any TestClientProtocol, _ parties: Parties) async throws -> String {
        let sent = try await client.api(
            .post, "/api/v1/opportunities/\(parties.opportunity)/interests", token: parties.sender,
            json: #"{"organizationId":"\#(parties.senderOrganization)","message":"我们希望合作。"}"#)
        #expect(sent.status == .created, "\(sent.text)")
        return try sent.json()["id"] as! String
    }

    /// Runs a round of the mail job's notification work on the test server's database, at `now`.
    func round<Result: Sendable>(_ work: @Sendable (NotificationService) async throws -> Result) async throws
        -> Result
    {
        try await TestMailbox.withDatabase { database in
            try await work(
                NotificationService(
                    repository: database.notifications, accounts: database.accounts, directory: database.directory,
                    links: MailLinks(publicURL: "http://127.0.0.1:8080", noticePath: ExchangePaths.notice)))
        }
    }

    func settings(_ client: any TestClientProtocol, _ token: String) async throws -> [String: String] {
        let response = try await client.api(.get, "/api/v1/me/notification-settings", token: token)
        #expect(response.status == .ok, "\(response.text)")
        let choices = try #require(try response.json()["choices"] as? [[String: String]])
        return Dictionary(uniqueKeysWithValues: choices.map { ($0["kind"]!, $0["mailing"]!) })
    }

    /// `hour` o'clock in Shanghai, `days` after today there.
    func shanghai(hour: Int, daysFromToday days: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.shanghai
        let today = calendar.startOfDay(for: Date())
        return calendar.date(byAdding: DateComponents(day: days, hour: hour), to: today)!
    }

    @Test(arguments: TestDatabase.available)
    func eachVerifiedMemberIsMailedOnceAtOnce(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await parties(client, tag: "once")
            let interest = try await expressInterest(client, parties)
            #expect(try await round { try await $0.mailNotices(now: Date()) } == 2)
            // A second round, as another process would run it, finds the notice taken.
            #expect(try await round { try await $0.mailNotices(now: Date()) } == 0)
            for email in ["owner-once@example.eu", "colleague-once@example.eu"] {
                let mails = try await TestMailbox.mails(to: email).filter { $0.kind == .notice }
                #expect(mails.count == 1, "\(email)")
                let mail = try #require(mails.first)
                #expect(mail.subject == "New expression of interest · Isar Energy once")
                #expect(mail.text.contains("from 李伟"), "\(mail.text)")
                #expect(mail.text.contains("http://127.0.0.1:8080/interests/\(interest)"))
                let unsubscribe = try #require(mail.unsubscribeURL)
                #expect(unsubscribe.hasPrefix("http://127.0.0.1:8080/unsubscribe/one-click?key="))
                #expect(unsubscribe.hasSuffix("&scope=interest.received"))
            }
            #expect(
                try await TestMailbox.mails(to: "unconfirmed-once@example.eu").filter { $0.kind == .notice }.isEmpty)
            // The sender's side is told nothing of its own interest.
            #expect(try await TestMailbox.mails(to: "sender-once@example.cn").filter { $0.kind == .notice }.isEmpty)
        }
    }

    /// Two processes' rounds at the same moment: each notice is taken by one, so each member gets one mail.
    @Test(arguments: TestDatabase.available)
    func roundsRunningTogetherMailEachNoticeOnce(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await parties(client, tag: "race")
            _ = try await expressInterest(client, parties)
            async let first = round { try await $0.mailNotices(now: Date()) }
            async let second = round { try await $0.mailNotices(now: Date()) }
            #expect(try await first + second == 2)
            #expect(try await TestMailbox.mails(to: "owner-race@example.eu").filter { $0.kind == .notice }.count == 1)
        }
    }

    /// Through the real SMTP server: the mail carries RFC 8058's headers, and posting to the header's link, as
    /// a mail program's button does, switches the kind off.
    @Test(.enabled(if: MailJourneyTests.smtpURL != nil)) func theUnsubscribeHeaderWorksFromTheMailAsReceived()
        async throws
    {
        let tag = UUID().uuidString.prefix(6).lowercased()
        try await withApp { client in
            let parties = try await parties(client, tag: tag)
            _ = try await expressInterest(client, parties)
            #expect(try await round { try await $0.mailNotices(now: Date()) } == 2)
            _ = try await MailJourneyTests().deliver(
                MailConfiguration(
                    transport: try MailJourneyTests.smtpTransport(), from: "Silkbridge <no-reply@silkbridge.test>"))
            let received = try MailJourneyTests.received(by: "owner-\(tag)@example.eu")
            let mail = try #require(received.first { $0.contains("\r\nList-Unsubscribe: ") }, "\(received)")
            #expect(mail.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
            let header = try #require(mail.firstMatch(of: /\r\nList-Unsubscribe: <http:\/\/127\.0\.0\.1:8080([^>]+)>/))
            let clicked = try await client.execute(
                uri: String(header.1), method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(clicked.status == .ok)
            #expect(try await settings(client, parties.owner)["interest.received"] == "off")
        }
    }

    @Test func aChoiceOfOffOrDailyIsOnePersonsAndTheDigestGoesOnceADay() async throws {
        try await withApp { client in
            let parties = try await parties(client, tag: "daily")
            #expect(try await settings(client, parties.owner)["interest.received"] == "at-once")
            let changed = try await client.api(
                .put, "/api/v1/me/notification-settings", token: parties.owner,
                json: #"{"timeZone":"Asia/Shanghai","choices":[{"kind":"interest.received","mailing":"daily"}]}"#)
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(try changed.json()["timeZone"] as? String == "Asia/Shanghai")
            let off = try await client.api(
                .put, "/api/v1/me/notification-settings", token: parties.colleague,
                json: #"{"timeZone":"Europe/Berlin","choices":[{"kind":"interest.received","mailing":"off"}]}"#)
            #expect(off.status == .ok, "\(off.text)")
            // Kinds left out keep their defaults.
            #expect(try await settings(client, parties.colleague)["match.found"] == "daily")

            _ = try await expressInterest(client, parties)
            #expect(try await round { try await $0.mailNotices(now: Date()) } == 0)
            // Before 08:00 in the owner's zone no digest goes; from then, one, and no second the same day.
            #expect(try await round { try await $0.sendDigests(now: shanghai(hour: 7, daysFromToday: 1)) } == 0)
            #expect(try await round { try await $0.sendDigests(now: shanghai(hour: 9, daysFromToday: 1)) } == 1)
            #expect(try await round { try await $0.sendDigests(now: shanghai(hour: 10, daysFromToday: 1)) } == 0)
            let digests = try await TestMailbox.mails(to: "owner-daily@example.eu").filter { $0.kind == .digest }
            #expect(digests.count == 1)
            let digest = try #require(digests.first)
            #expect(digest.subject == "Your Silkbridge day: 1 notice")
            #expect(digest.text.contains("New expression of interest, from 李伟"), "\(digest.text)")
            #expect(digest.text.contains("(Asia/Shanghai)"))
            #expect(digest.unsubscribeURL?.hasSuffix("&scope=digest") == true)
            #expect(
                try await TestMailbox.mails(to: "colleague-daily@example.eu").filter {
                    [.notice, .digest].contains($0.kind)
                }
                .isEmpty)
            // Nothing new waits, so the next day has no digest either.
            #expect(try await round { try await $0.sendDigests(now: shanghai(hour: 9, daysFromToday: 2)) } == 0)
        }
    }

    @Test func settingsThatCannotWorkAreRefusedWithTheReason() async throws {
        try await withApp { client in
            let token = try await client.signUpVerified()
            let zone = try await client.api(
                .put, "/api/v1/me/notification-settings", token: token,
                json: #"{"timeZone":"Mars/Olympus_Mons","choices":[]}"#)
            #expect(zone.status == .badRequest)
            #expect(try zone.problemDetail().contains("timeZone"))
            let twice = try await client.api(
                .put, "/api/v1/me/notification-settings", token: token,
                json:
                    #"{"timeZone":"UTC","choices":[{"kind":"match.found","mailing":"off"},{"kind":"match.found","mailing":"daily"}]}"#
            )
            #expect(twice.status == .badRequest)
            #expect(try twice.problemDetail().contains("match.found twice"))
            // Neither refusal changed anything.
            #expect(try await settings(client, token)["match.found"] == "daily")
            let anonymous = try await client.api(.get, "/api/v1/me/notification-settings")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func aMailProgramsOneClickSwitchesTheKindOffAtOnce() async throws {
        try await withApp { client in
            let parties = try await parties(client, tag: "click")
            _ = try await expressInterest(client, parties)
            #expect(try await round { try await $0.mailNotices(now: Date()) } == 2)
            let mail = try #require(
                try await TestMailbox.mails(to: "owner-click@example.eu").first { $0.kind == .notice })
            let url = try #require(mail.unsubscribeURL.flatMap(URLComponents.init(string:)))
            let path = url.path + "?" + (url.percentEncodedQuery ?? "")
            // RFC 8058: a POST with this body, no cookies, no CSRF token.
            let clicked = try await client.execute(
                uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(clicked.status == .ok, "\(clicked.text)")
            #expect(try await settings(client, parties.owner)["interest.received"] == "off")
            #expect(try await settings(client, parties.colleague)["interest.received"] == "at-once")

            let other = try await client.signUpVerified("other-click@example.cn")
            let otherOrganization = try await client.createOrganization(
                token: other, name: "Hangzhou Cloud", country: "CN", extra: #","province":"CN-ZJ""#)
            let again = try await client.api(
                .post, "/api/v1/opportunities/\(parties.opportunity)/interests", token: other,
                json: #"{"organizationId":"\#(otherOrganization)","message":"你好"}"#)
            #expect(again.status == .created)
            #expect(try await round { try await $0.mailNotices(now: Date()) } == 1)
            #expect(try await TestMailbox.mails(to: "owner-click@example.eu").filter { $0.kind == .notice }.count == 1)

            let unknown = try await client.execute(
                uri: "/unsubscribe/one-click?key=\(String(repeating: "0", count: 64))&scope=digest", method: .post,
                headers: [:], body: nil)
            #expect(unknown.status == .notFound)
            #expect(try unknown.problemDetail().contains("unsubscribe link is not known"))
            let badScope = try await client.execute(
                uri: path.replacingOccurrences(of: "scope=interest.received", with: "scope=everything"),
                method: .post, headers: [:], body: nil)
            #expect(badScope.status == .badRequest)
            #expect(try badScope.problemDetail().contains("\"everything\""))
        }
    }

    @Test func theLinkInTheMailAsksFirstAndThenStopsTheDigest() async throws {
        try await withApp { client in
            let token = try await client.signUpVerified("reader@example.eu")
            let key = try await round { service in
                try await service.settings(of: try #require(try await self.account(token, client))).unsubscribeKey
            }
            var browser = BrowserSession(client, language: "zh-Hans")
            let page = try await browser.get("/unsubscribe?key=\(key)&scope=digest")
            #expect(page.status == .ok)
            #expect(page.text.contains("每日摘要"), "\(page.text)")
            // Opening the page changed nothing: a mail filter that follows links unsubscribes nobody.
            #expect(try await settings(client, token)["match.found"] == "daily")
            let forged = try await browser.post("/unsubscribe", [("key", key), ("scope", "digest")], csrf: "forged")
            #expect(forged.status == .forbidden)
            let done = try await browser.post("/unsubscribe", [("key", key), ("scope", "digest")])
            #expect(done.status == .ok, "\(done.text)")
            #expect(done.text.contains("/account#notifications"))
            let now = try await settings(client, token)
            #expect(now["match.found"] == "off")
            #expect(now["stage.changed"] == "off")
            #expect(now["interest.received"] == "at-once")
            let unknown = try await browser.get("/unsubscribe?key=nobody&scope=digest")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("退订链接"))
        }
    }

    @Test func theAccountPageSavesTheChoices() async throws {
        try await withApp { client in
            _ = try await client.signUpVerified("owner@example.eu")
            var browser = try await OpportunityFormTests.logIn(client, language: "en")
            let page = try await browser.get("/account")
            #expect(page.text.contains(#"id="notifications""#))
            #expect(page.text.contains("Daily digest"))
            var fields = NoticeKind.allCases.map { ($0.rawValue, NoticeMailing.off.rawValue) }
            fields.append(("timeZone", "Europe/Lisbon"))
            let saved = try await browser.post("/account/notifications", fields)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(saved.text.contains("Your mail settings are saved."))
            #expect(saved.text.contains(#"<option value="Europe/Lisbon" selected"#), "\(saved.text)")
            let refused = try await browser.post("/account/notifications", [("timeZone", "Nowhere/Town")])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Europe/Lisbon"))
        }
    }

    func account(_ token: String, _ client: any TestClientProtocol) async throws -> Account? {
        let me = try await client.api(.get, "/api/v1/me", token: token)
        let account = try #require(try me.json()["account"] as? [String: Any])
        return Account(
            id: UUID(uuidString: account["id"] as! String)!, email: account["email"] as! String,
            displayName: account["displayName"] as! String, preferredLanguage: .english, createdAt: Date())
    }
}
