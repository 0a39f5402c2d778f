import Foundation
import SilkbridgeMail
import Testing

@Suite struct MailMessageTests {
    let from = try! MailAddress("noreply@silkbridge.example", name: "Silkbridge")
    let to = try! MailAddress("buyer@example.com")

    @Test func needsARecipient() {
        #expect(throws: MailError.self) { try MailMessage(from: from, to: [], subject: "Hi", text: "Hello") }
    }

    @Test(arguments: ["Hi\r\nBcc: victim@example.org", "Hi\n", "Hi\r", "Hi\u{0}"])
    func refusesLineBreaksInTheSubject(_ subject: String) {
        #expect(throws: MailError.self) { try MailMessage(from: from, to: [to], subject: subject, text: "Hello") }
    }

    @Test(arguments: [
        ("X Bad", "value"), ("X:Bad", "value"), ("", "value"), ("X-Über", "value"), ("X-Ok", "a\r\nBcc: v@example.org"),
        ("X-Ok", "a\nb"), ("X-Ok", "a\u{0}"), ("X-Ok", "grüße"), ("Bcc", "v@example.org"), ("from", "x@example.org"),
        ("Content-Type", "text/html"), ("X-Ok", String(repeating: "a", count: 1000)),
    ])
    func refusesBadExtraHeaders(_ name: String, _ value: String) {
        #expect(throws: MailError.self) {
            try MailMessage(from: from, to: [to], subject: "Hi", text: "Hello", extraHeaders: [(name, value)])
        }
    }

    @Test(arguments: ["<id@example.com>", "id", "@example.com", "id@", "id with space@example.com", "id@x@y"])
    func refusesBadMessageIDs(_ messageID: String) {
        #expect(throws: MailError.self) {
            try MailMessage(from: from, to: [to], subject: "Hi", text: "Hello", messageID: messageID)
        }
    }

    @Test func makesAMessageIDInTheSendersDomain() throws {
        let first = try MailMessage(from: from, to: [to], subject: "Hi", text: "Hello")
        let second = try MailMessage(from: from, to: [to], subject: "Hi", text: "Hello")
        #expect(first.messageID.hasSuffix("@silkbridge.example"))
        #expect(first.messageID != second.messageID)
    }

    @Test func knowsWhenSMTPUTF8IsNeeded() throws {
        let plain = try MailMessage(from: from, to: [to], subject: "你好", text: "Hello")
        let utf8 = try MailMessage(from: from, to: [to, MailAddress("用户@example.com")], subject: "Hi", text: "Hello")
        #expect(!plain.requiresSMTPUTF8)
        #expect(utf8.requiresSMTPUTF8)
    }

    @Test func refusesAttachmentsWithBadNamesOrTypes() {
        #expect(throws: MailError.self) { try MailAttachment(filename: "", contentType: "text/plain", data: Data()) }
        #expect(throws: MailError.self) {
            try MailAttachment(filename: "a\r\n.ics", contentType: "text/calendar", data: Data())
        }
        #expect(throws: MailError.self) { try MailAttachment(filename: "a.ics", contentType: "calendar", data: Data()) }
        #expect(throws: MailError.self) {
            try MailAttachment(filename: "a.ics", contentType: "text/calendar\r\nX-Evil: 1", data: Data())
        }
    }
}
