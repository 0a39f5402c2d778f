import FluentKit
import Foundation
import SilkbridgeCore

final class MailRecord: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "recipient") var recipient: String
    @OptionalField(key: "recipient_name") var recipientName: String?
    @Field(key: "language") var language: String
    @Field(key: "subject") var subject: String
    @Field(key: "text_body") var text: String
    @OptionalField(key: "html_body") var html: String?
    @Field(key: "created_at") var createdAt: Int64
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Int64?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "sent_at") var sentAt: Int64?
    @OptionalField(key: "list_unsubscribe") var unsubscribeURL: String?

    init() {}

    init(_ mail: OutgoingMail) {
        id = mail.id
        kind = mail.kind.rawValue
        recipient = mail.recipient
        recipientName = mail.recipientName
        language = mail.language.rawValue
        subject = mail.subject
        text = mail.text
        html = mail.html
        createdAt = AuditRecord.micros(mail.createdAt)
        unsubscribeURL = mail.unsubscribeURL
        apply(mail)
    }

    /// The fields a try changes.
    func apply(_ mail: OutgoingMail) {
        state = mail.state.rawValue
        attempts = mail.attempts
        nextAttemptAt = mail.nextAttemptAt.map(AuditRecord.micros)
        lastError = mail.lastError
        sentAt = mail.sentAt.map(AuditRecord.micros)
    }

    var mail: OutgoingMail {
        get throws {
            try OutgoingMail(
                id: id!, kind: MailKind(stored: kind, column: "mail_outbox.kind"), recipient: recipient,
                recipientName: recipientName, language: Language(stored: language, column: "mail_outbox.language"),
                subject: subject, text: text, html: html, createdAt: OpportunityRecord.date(createdAt),
                unsubscribeURL: unsubscribeURL,
                state: MailState(stored: state, column: "mail_outbox.state"), attempts: attempts,
                nextAttemptAt: nextAttemptAt.map(OpportunityRecord.date), lastError: lastError,
                sentAt: sentAt.map(OpportunityRecord.date))
        }
    }
}

final class EmailLinkRecord: Model, @unchecked Sendable {
    static let schema = "email_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountId: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "email") var email: String
    @Field(key: "digest") var digest: String
    @Field(key: "created_at") var createdAt: Int64
    @Field(key: "expires_at") var expiresAt: Int64
    @OptionalField(key: "used_at") var usedAt: Int64?
    @OptionalField(key: "new_email") var newEmail: String?

    init() {}

    init(_ link: LinkRequest, digest: String) {
        id = UUID()
        accountId = link.accountId
        purpose = link.purpose.rawValue
        email = link.email
        self.digest = digest
        createdAt = AuditRecord.micros(link.createdAt)
        expiresAt = AuditRecord.micros(link.expiresAt)
        newEmail = link.newEmail
    }
}
