import Foundation

/// Why a mail is sent; the operators' view of the outbox groups by it.
public enum MailKind: String, Sendable, Codable, CaseIterable {
    case emailVerification = "email-verification"
    case passwordReset = "password-reset"
    case invitation
    case emailChange = "email-change"
    case emailChangeNotice = "email-change-notice"
    /// One notice of an organisation's inbox, to a member who wants such notices at once.
    case notice
    /// The day's notices, to a member who wants them once a day.
    case digest
}

/// Where a mail stands in the outbox.
public enum MailState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its first try or for the next one after a temporary failure.
    case queued
    case sent
    /// Given up: the server refused it for good, or every retry failed.
    case failed
}

/// One mail to one person, stored in the same transaction as the change that causes it and sent later by the
/// outbox worker. What it says is fixed when it is stored, so every try sends the same message (and Message-ID).
public struct OutgoingMail: Sendable, Hashable, Identifiable {
    /// Waits after the first, second, … temporary failure; after the last, the mail is given up (about a day and
    /// a half in all, longer than a mail server's usual maintenance).
    public static let retryDelays: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 24 * 3600]

    public let id: UUID
    public let kind: MailKind
    public let recipient: String
    public let recipientName: String?
    public let language: Language
    public let subject: String
    public let text: String
    public let html: String?
    public let createdAt: Date
    /// Where a mail program's unsubscribe button posts (RFC 8058), for mails a person may choose not to get.
    public let unsubscribeURL: String?
    public var state: MailState
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var sentAt: Date?

    public init(
        id: UUID = UUID(), kind: MailKind, recipient: String, recipientName: String?, language: Language,
        subject: String, text: String, html: String? = nil, createdAt: Date, unsubscribeURL: String? = nil,
        state: MailState = .queued,
        attempts: Int = 0, nextAttemptAt: Date? = nil, lastError: String? = nil, sentAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.recipient = recipient
        self.recipientName = recipientName
        self.language = language
        self.subject = subject
        self.text = text
        self.html = html
        self.createdAt = createdAt
        self.unsubscribeURL = unsubscribeURL
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = state == .queued ? (nextAttemptAt ?? createdAt) : nextAttemptAt
        self.lastError = lastError
        self.sentAt = sentAt
    }

    /// The mail after one try with this outcome.
    public func after(_ outcome: MailOutcome, at now: Date) -> OutgoingMail {
        var next = self
        next.attempts += 1
        switch outcome {
        case .sent:
            next.state = .sent
            next.sentAt = now
            next.nextAttemptAt = nil
            next.lastError = nil
        case .temporaryFailure(let reason) where next.attempts <= Self.retryDelays.count:
            next.lastError = reason
            next.nextAttemptAt = now.addingTimeInterval(Self.retryDelays[next.attempts - 1])
        case .temporaryFailure(let reason), .permanentFailure(let reason):
            next.state = .failed
            next.lastError = reason
            next.nextAttemptAt = nil
        }
        return next
    }
}

/// What came of one try to send a mail.
public enum MailOutcome: Sendable, Hashable {
    case sent
    /// Worth trying again later: the server answered 4xx, went away or did not answer in time.
    case temporaryFailure(String)
    /// Trying again would fail the same way: the server answered 5xx, or the mail cannot be sent as it is.
    case permanentFailure(String)
}
