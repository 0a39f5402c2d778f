import Foundation
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(10))) struct MailOutboxTests {
    /// Answers each try with the next outcome it was given, and counts what it was handed.
    final class ScriptedSender: MailSender {
        let outcomes: Mutex<[MailOutcome]>
        let sent = Mutex<[UUID]>([])

        init(_ outcomes: [MailOutcome]) { self.outcomes = Mutex(outcomes) }

        func send(_ mail: OutgoingMail) async -> MailOutcome {
            sent.withLock { $0.append(mail.id) }
            return outcomes.withLock { $0.isEmpty ? .sent : $0.removeFirst() }
        }
    }

    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Queues a mail the way every mail is queued: with the change that causes it, here a verification link.
    func queueMail(_ db: SilkbridgeDatabase) async throws -> OutgoingMail {
        let account = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
        try await db.accounts.issue(
            LinkRequest(
                accountId: account.id, purpose: .verifyEmail, email: account.email, createdAt: Self.start,
                expiresAt: Self.start + 3600
            ) { secret in
                OutgoingMail(
                    kind: .emailVerification, recipient: account.email, recipientName: "Anna", language: .english,
                    subject: "Confirm", text: "token=\(secret)", createdAt: Self.start)
            })
        return try #require(try await db.mailOutbox.recent(state: .queued, limit: 1).first)
    }

    @Test(arguments: TestDatabase.available)
    func aTemporaryFailureIsRetriedLaterAndAPermanentOneGivesUp(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let mail = try await queueMail(db)
            let sender = ScriptedSender([
                .temporaryFailure("451 4.3.0 try later"), .permanentFailure("550 no such user"),
            ])
            let delivery = MailDelivery(outbox: db.mailOutbox, sender: sender)

            #expect(try await delivery.sendDue(now: Self.start) == 1)
            var stored = try #require(try await db.mailOutbox.recent(state: .queued, limit: 1).first)
            #expect(stored.attempts == 1)
            #expect(stored.lastError == "451 4.3.0 try later")
            #expect(stored.nextAttemptAt == Self.start + OutgoingMail.retryDelays[0])
            // Not due again before its delay.
            #expect(try await delivery.sendDue(now: Self.start + 30) == 0)

            #expect(try await delivery.sendDue(now: Self.start + OutgoingMail.retryDelays[0]) == 1)
            stored = try #require(try await db.mailOutbox.recent(state: .failed, limit: 1).first)
            #expect(stored.id == mail.id)
            #expect(stored.lastError == "550 no such user")
            #expect(try await delivery.sendDue(now: Self.start + 86_400 * 30) == 0)
            #expect(sender.sent.withLock { $0 } == [mail.id, mail.id])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aMailIsSentOnceByOneOfSeveralWorkers(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            for _ in 0..<6 { _ = try await queueMail(db) }
            let sender = ScriptedSender([])
            let workers = (0..<4).map { _ in MailDelivery(outbox: db.mailOutbox, sender: sender) }
            let tried = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in workers { group.addTask { try await worker.sendDue(now: Self.start) } }
                return try await group.reduce(0, +)
            }
            #expect(tried == 6)
            let sent = sender.sent.withLock { $0 }
            #expect(sent.count == 6 && Set(sent).count == 6)
            #expect(try await db.mailOutbox.recent(state: .sent, limit: 10).count == 6)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aMailTakenByAProcessThatDiedIsSentAgainOnlyAfterTheLease(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let mail = try await queueMail(db)
            // A process claimed the mail and was killed before recording the try.
            #expect(try await db.mailOutbox.claim(mail, until: Self.start + MailDelivery.lease))
            let sender = ScriptedSender([])
            let delivery = MailDelivery(outbox: db.mailOutbox, sender: sender)
            #expect(try await delivery.sendDue(now: Self.start + MailDelivery.lease - 1) == 0)
            #expect(try await delivery.sendDue(now: Self.start + MailDelivery.lease) == 1)
            #expect(sender.sent.withLock { $0 } == [mail.id])
        }
    }
}
