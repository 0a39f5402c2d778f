import Foundation
import HTTPTypes
import HummingbirdTesting
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

/// Reminders of what waits: an agreement open for signature reminds each party that has not signed, 3 and 7
/// days after it was opened, once each, as whichever process runs the round first.
@Suite(.timeLimit(.minutes(10))) struct ReminderTests {
    func remind(at now: Date) async throws -> Int {
        try await TestMailbox.withDatabase { database in
            try await ReminderService(
                agreements: database.agreements, interests: database.interests, inbox: database.inbox
            ).sendReminders(now: now)
        }
    }

    /// How many notices of the kind about the interest or agreement `subject` the token's inbox holds.
    func reminders(
        _ client: any TestClientProtocol, _ token: String, kind: String = "agreement.signature-reminder",
        about subject: String
    ) async throws -> Int {
        let items = try await client.api(.get, "/api/v1/inbox", token: token).json()["items"]
        return (items as? [[String: Any]] ?? []).filter {
            [$0["agreementId"] as? String, $0["interestId"] as? String].contains(subject)
                && $0["kind"] as? String == kind
        }.count
    }

    @Test(arguments: TestDatabase.available)
    func anUnansweredInterestIsRemindedOfThreeDaysBeforeItsReplyByDate(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let fixture = InterestAPITests()
            let waiting = try await fixture.parties(client)
            let unanswered = try await fixture.send(client, waiting)
            let other = try await fixture.parties(client)
            let answered = try await fixture.send(client, other)
            let accepted = try await client.api(.post, "/api/v1/interests/\(answered)/accept", token: other.owner)
            #expect(accepted.status == .ok, "\(accepted.text)")
            let stored = try await TestMailbox.withDatabase {
                try await $0.interests.interest(id: UUID(uuidString: unanswered)!)
            }
            let replyBy = try #require(stored?.replyBy)
            let day: TimeInterval = 86_400
            #expect(try await remind(at: replyBy - 4 * day) == 0)
            // Three days before, only the interest still unanswered; a second round adds nothing.
            #expect(try await remind(at: replyBy - 3 * day + 60) == 1)
            #expect(try await remind(at: replyBy - 2 * day) == 0)
            let kind = "interest.reply-reminder"
            #expect(try await reminders(client, waiting.owner, kind: kind, about: unanswered) == 1)
            // The sender's side waits for the answer and is not asked for it.
            #expect(try await reminders(client, waiting.sender, kind: kind, about: unanswered) == 0)
            #expect(try await reminders(client, other.owner, kind: kind, about: answered) == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPartyThatHasNotSignedIsRemindedOnTheThirdAndSeventhDay(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await parties.draft(client)
            let opened = Date()
            let (message, version) = try await parties.open(client, id)
            let day: TimeInterval = 86_400
            #expect(try await remind(at: opened + 2 * day) == 0)
            // Both parties are yet to sign on the third day; a second round, as another process, adds nothing.
            #expect(try await remind(at: opened + 3 * day + 60) == 2)
            #expect(try await remind(at: opened + 3 * day + 120) == 0)
            #expect(try await reminders(client, parties.china.token, about: id) == 1)
            _ = try await parties.sign(client, id, as: parties.europe, message: message, version: version)
            // On the seventh day only the party that still has not signed is reminded.
            #expect(try await remind(at: opened + 7 * day + 60) == 1)
            #expect(try await reminders(client, parties.china.token, about: id) == 2)
            #expect(try await reminders(client, parties.europe.token, about: id) == 1)
            // Once in force, nothing is left to remind of.
            _ = try await parties.sign(client, id, as: parties.china, message: message, version: version)
            #expect(try await remind(at: opened + 30 * day) == 0)
        }
    }
}
