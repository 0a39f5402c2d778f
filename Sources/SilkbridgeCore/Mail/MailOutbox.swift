import Foundation

/// The stored mails waiting to be sent, shared by every server process. Mails are added by the repositories
/// whose changes cause them, inside those changes' transactions; this port only sends them on.
public protocol MailOutbox: Sendable {
    /// Queued mails whose next try is due at `now`, oldest first.
    func due(at now: Date, limit: Int) async throws -> [OutgoingMail]
    /// Takes the mail for this process until `lease`; false if another process took it first.
    func claim(_ mail: OutgoingMail, until lease: Date) async throws -> Bool
    /// Stores the mail's state after a try.
    func record(_ mail: OutgoingMail) async throws
    /// The newest mails, for the operators' view; `state` narrows them.
    func recent(state: MailState?, limit: Int) async throws -> [OutgoingMail]
}

/// Hands a mail to whatever carries it on: an SMTP server, or files on a laptop.
public protocol MailSender: Sendable {
    func send(_ mail: OutgoingMail) async -> MailOutcome
}

/// Sends the due mails of the outbox, each by exactly one process: a process claims a mail for `lease` before
/// sending it, so one that dies while sending leaves the mail to be sent again only once the lease is over.
/// `sendDue(now:)` is one round, so tests drive the schedule without waiting.
public struct MailDelivery: Sendable {
    /// Longer than any try can take (the SMTP client gives up on a silent server well before).
    public static let lease: TimeInterval = 10 * 60

    let outbox: any MailOutbox
    let sender: any MailSender

    public init(outbox: any MailOutbox, sender: any MailSender) {
        self.outbox = outbox
        self.sender = sender
    }

    /// Tries every mail due at `now` (at most `limit`); returns how many were tried.
    @discardableResult
    public func sendDue(now: Date, limit: Int = 20) async throws -> Int {
        var tried = 0
        for mail in try await outbox.due(at: now, limit: limit) {
            guard try await outbox.claim(mail, until: now.addingTimeInterval(Self.lease)) else { continue }
            let outcome = await sender.send(mail)
            try await outbox.record(mail.after(outcome, at: now))
            tried += 1
        }
        return tried
    }
}
