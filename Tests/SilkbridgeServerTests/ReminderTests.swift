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
            try await ReminderService(agreements: database.agreements, inbox: database.inbox).sendReminders(now: now)
        }
    }

    func reminders(_ client: any TestClientProtocol, _ party: AgreementFixture.Party, agreement: String)
        async throws -> Int
    {
        let items = try await client.api(.get, "/api/v1/inbox", token: party.token).json()["items"]
        return (items as? [[String: Any]] ?? []).filter {
            $0["agreementId"] as? String == agreement && $0["kind"] as? String == "agreement.signature-reminder"
        }.count
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
            #expect(try await reminders(client, parties.china, agreement: id) == 1)
            _ = try await parties.sign(client, id, as: parties.europe, message: message, version: version)
            // On the seventh day only the party that still has not signed is reminded.
            #expect(try await remind(at: opened + 7 * day + 60) == 1)
            #expect(try await reminders(client, parties.china, agreement: id) == 2)
            #expect(try await reminders(client, parties.europe, agreement: id) == 1)
            // Once in force, nothing is left to remind of.
            _ = try await parties.sign(client, id, as: parties.china, message: message, version: version)
            #expect(try await remind(at: opened + 30 * day) == 0)
        }
    }
}
