import Foundation
import SilkbridgeMail
import Testing

/// Sends through a real SMTP server (`.ci/smtp-server.py`) and reads back what it stored.
@Suite(.enabled(if: TestSMTPServer.available, "SILKBRIDGE_TEST_SMTP_URL names a test SMTP server"))
struct SMTPDeliveryTests {
    @Test func aPlainTextMailArrivesIntactOverSTARTTLSWithAuth() async throws {
        let recipient = TestSMTPServer.recipient(name: "Buyer")
        let message = try TestSMTPServer.message(
            to: [recipient], subject: "Your order has shipped", text: "Hello,\n\nyour order is on its way.\n")
        try await TestSMTPServer.client().send(message)

        let delivery = try TestSMTPServer.delivery(to: recipient)
        #expect(delivery.envelope.tls)
        #expect(delivery.envelope.authUser == "silkbridge")
        #expect(delivery.envelope.mailFrom == "noreply@silkbridge.example")
        #expect(delivery.envelope.rcptTos == [recipient.address])
        #expect(delivery.envelope.mailOptions == ["SIZE=\(message.rendered().count)"])
        #expect(try delivery.message.decodedHeader("Subject") == "Your order has shipped")
        #expect(delivery.message.header("From") == "Silkbridge <noreply@silkbridge.example>")
        #expect(delivery.message.header("To") == "Buyer <\(recipient.address)>")
        #expect(delivery.message.header("Message-ID") == "<\(message.messageID)>")
        #expect(try delivery.message.decodedText == "Hello,\r\n\r\nyour order is on its way.\r\n")
    }

    @Test func aMultipartMailWithAChineseSubjectAndAnInvitationArrivesIntact() async throws {
        let recipient = TestSMTPServer.recipient(name: "张伟")
        let subject = "丝路桥合作伙伴大会邀请：2026年3月18日（星期三）上午九点，西安国际会议中心三号厅"
        let ics = Data(
            """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Silkbridge//Events//ZH\r
            METHOD:PUBLISH\r
            BEGIN:VEVENT\r
            UID:2026-partners@silkbridge.example\r
            DTSTART:20260318T010000Z\r
            SUMMARY:丝路桥合作伙伴大会\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.utf8)
        let message = try TestSMTPServer.message(
            to: [recipient], subject: subject, text: "您好，\n\n诚邀您参加大会。\n.\n",
            html: "<p>您好，</p><p>诚邀您参加大会。</p>",
            attachments: [
                MailAttachment(
                    filename: "大会邀请.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", data: ics)
            ],
            extraHeaders: [
                ("List-Unsubscribe", "<https://silkbridge.example/u/\(UUID().uuidString)>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ])
        try await TestSMTPServer.client().send(message)

        let received = try TestSMTPServer.delivery(to: recipient).message
        #expect(try received.decodedHeader("Subject") == subject)
        #expect(try received.decodedHeader("To") == "张伟 <\(recipient.address)>")
        #expect(received.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        #expect(received.header("List-Unsubscribe") == message.extraHeaders[0].value)
        #expect(received.mediaType == "multipart/mixed")
        let parts = try received.parts
        #expect(parts.map(\.mediaType) == ["multipart/alternative", "text/calendar"])
        let alternatives = try parts[0].parts
        #expect(try alternatives[0].decodedText == "您好，\r\n\r\n诚邀您参加大会。\r\n.\r\n")
        #expect(try alternatives[1].decodedText == "<p>您好，</p><p>诚邀您参加大会。</p>")
        #expect(parts[1].filename == "大会邀请.ics")
        #expect(parts[1].contentTypeParameter("method") == "PUBLISH")
        #expect(try parts[1].decodedBody == ics)
    }

    @Test func linesStartingWithADotArriveUnchanged() async throws {
        let recipient = TestSMTPServer.recipient()
        let text = ".leading dot\n..two dots\n.\nmiddle\n. spaced\n"
        try await TestSMTPServer.client().send(try TestSMTPServer.message(to: [recipient], text: text))
        let delivery = try TestSMTPServer.delivery(to: recipient)
        #expect(try delivery.message.decodedText == text.replacingOccurrences(of: "\n", with: "\r\n"))
        let lines = String(decoding: delivery.message.body, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.starts(with: [".leading dot", "..two dots", ".", "middle", ". spaced"]))
    }

    @Test func aTwoMegabyteAttachmentArrives() async throws {
        let recipient = TestSMTPServer.recipient()
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<2 * 1024 * 1024).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let attachment = try MailAttachment(filename: "catalogue.pdf", contentType: "application/pdf", data: data)
        try await TestSMTPServer.client().send(try TestSMTPServer.message(to: [recipient], attachments: [attachment]))
        let parts = try TestSMTPServer.delivery(to: recipient).message.parts
        #expect(parts[1].filename == "catalogue.pdf")
        #expect(try parts[1].decodedBody == data)
    }

    @Test func oneMessageReachesSeveralRecipients() async throws {
        let first = TestSMTPServer.recipient()
        let second = TestSMTPServer.recipient()
        try await TestSMTPServer.client().send(try TestSMTPServer.message(to: [first, second]))
        let delivery = try TestSMTPServer.delivery(to: first)
        #expect(delivery.envelope.rcptTos == [first.address, second.address])
        #expect(delivery.message.header("To") == "\(first.address), \(second.address)")
    }

    @Test func withoutCredentialsSTARTTLSIsStillUsedWhenOffered() async throws {
        let withCredentials = try TestSMTPServer.configuration()
        let configuration = try SMTPConfiguration(
            host: withCredentials.host, port: withCredentials.port, security: .startTLSWhenOffered,
            trustRootsPEMFile: TestSMTPServer.caFile)
        let recipient = TestSMTPServer.recipient()
        try await TestSMTPServer.client(configuration).send(try TestSMTPServer.message(to: [recipient]))
        let envelope = try TestSMTPServer.delivery(to: recipient).envelope
        #expect(envelope.tls)
        #expect(envelope.authUser == nil)
    }

    @Test(.enabled(if: TestSMTPServer.implicitTLSAvailable, "SILKBRIDGE_TEST_SMTPS_URL names the implicit-TLS port"))
    func implicitTLSWithAuthLogin() async throws {
        let recipient = TestSMTPServer.recipient()
        let client = try TestSMTPServer.client(TestSMTPServer.implicitTLSURL)
        try await client.send(try TestSMTPServer.message(to: [recipient], subject: "Über TLS"))
        let delivery = try TestSMTPServer.delivery(to: recipient)
        #expect(delivery.envelope.tls)
        #expect(delivery.envelope.authUser == "silkbridge")
        #expect(try delivery.message.decodedHeader("Subject") == "Über TLS")
    }

    @Test func aUTF8AddressArrivesThroughSMTPUTF8() async throws {
        let recipient = try MailAddress("采购+\(UUID().uuidString.lowercased())@example.com", name: "采购部")
        try await TestSMTPServer.client().send(try TestSMTPServer.message(to: [recipient]))
        let delivery = try TestSMTPServer.delivery(to: recipient)
        #expect(delivery.envelope.mailOptions.contains("SMTPUTF8"))
        #expect(delivery.envelope.mailOptions.contains("BODY=8BITMIME"))
        #expect(try delivery.message.decodedHeader("To") == "采购部 <\(recipient.address)>")
    }

    @Test func aWrongPasswordIsPermanentAndNotRepeated() async throws {
        let right = try TestSMTPServer.configuration()
        let wrongPassword = "not-the-password-\(UUID().uuidString)"
        let configuration = try SMTPConfiguration(
            host: right.host, port: right.port, security: right.security,
            credentials: .init(username: right.credentials!.username, password: wrongPassword),
            trustRootsPEMFile: TestSMTPServer.caFile)
        let recipient = TestSMTPServer.recipient()
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client(configuration).send(try TestSMTPServer.message(to: [recipient]))
        }
        #expect(error?.isPermanent == true)
        #expect(error?.reason.contains("AUTH PLAIN: 535") == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains(wrongPassword) == false)
        #expect("\(String(describing: error))".contains(wrongPassword) == false)
        #expect(try TestSMTPServer.deliveries(to: recipient).isEmpty)
    }

    @Test func aRejectedRecipientIsPermanent() async throws {
        let accepted = TestSMTPServer.recipient()
        let rejected = TestSMTPServer.recipient("reject")
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client().send(try TestSMTPServer.message(to: [accepted, rejected]))
        }
        #expect(error?.isPermanent == true)
        #expect(error?.reason.contains("RCPT TO:<\(rejected.address)>: 550 5.1.1") == true, "\(error?.reason ?? "")")
        #expect(try TestSMTPServer.deliveries(to: accepted).isEmpty)
    }

    @Test func aBusyMailboxIsTemporary() async throws {
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client().send(try TestSMTPServer.message(to: [TestSMTPServer.recipient("busy")]))
        }
        #expect(error?.isPermanent == false)
        #expect(error?.reason.contains("451 4.3.0") == true, "\(error?.reason ?? "")")
    }

    @Test func aConnectionDroppedDuringDataIsTemporary() async throws {
        let recipient = TestSMTPServer.recipient("drop")
        let text = String(repeating: "Some text that keeps the message going.\n", count: 2000)
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client().send(try TestSMTPServer.message(to: [recipient], text: text))
        }
        #expect(error?.isPermanent == false)
        #expect(
            error?.reason.contains("closed the connection during the message data") == true, "\(error?.reason ?? "")")
        #expect(try TestSMTPServer.deliveries(to: recipient).isEmpty)
    }

    @Test func aServerTooSlowToAnswerIsTemporary() async throws {
        let recipient = TestSMTPServer.recipient("slow")
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client(timeout: .seconds(2)).send(try TestSMTPServer.message(to: [recipient]))
        }
        #expect(error?.isPermanent == false)
        #expect(
            error?.reason.contains("did not answer RCPT TO:<\(recipient.address)> within 2 s") == true,
            "\(error?.reason ?? "")")
    }

    @Test func aCertificateFromAnUnknownCAIsATemporaryTLSFailure() async throws {
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client(trusted: false).send(
                try TestSMTPServer.message(to: [TestSMTPServer.recipient()]))
        }
        #expect(error?.isPermanent == false)
        #expect(
            error?.reason.contains("TLS handshake failed: certificate verify failed") == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains("/") == false, "no source paths: \(error?.reason ?? "")")
    }

    @Test func aMessageLargerThanTheServerTakesIsPermanent() async throws {
        let data = Data(repeating: 0x41, count: 8 * 1024 * 1024)
        let attachment = try MailAttachment(filename: "huge.bin", contentType: "application/octet-stream", data: data)
        let recipient = TestSMTPServer.recipient()
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client().send(
                try TestSMTPServer.message(to: [recipient], attachments: [attachment]))
        }
        #expect(error?.isPermanent == true)
        #expect(error?.reason.contains("more than the 10485760 bytes") == true, "\(error?.reason ?? "")")
    }

    @Test(.enabled(if: TestSMTPServer.plainAvailable, "SILKBRIDGE_TEST_SMTP_PLAIN_URL names a port without TLS"))
    func aLocalRelayTakesPlainTextWithoutLogIn() async throws {
        let recipient = TestSMTPServer.recipient()
        try await TestSMTPServer.client(TestSMTPServer.plainURL).send(try TestSMTPServer.message(to: [recipient]))
        let envelope = try TestSMTPServer.delivery(to: recipient).envelope
        #expect(!envelope.tls)
        #expect(envelope.authUser == nil)
    }

    @Test(.enabled(if: TestSMTPServer.plainAvailable, "SILKBRIDGE_TEST_SMTP_PLAIN_URL names a port without TLS"))
    func aServerWithoutSMTPUTF8CannotTakeAUTF8Address() async throws {
        let recipient = try MailAddress("采购@example.com")
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client(TestSMTPServer.plainURL).send(try TestSMTPServer.message(to: [recipient]))
        }
        #expect(error?.isPermanent == true)
        #expect(error?.reason.contains("does not support SMTPUTF8") == true, "\(error?.reason ?? "")")
    }

    @Test(.enabled(if: TestSMTPServer.plainAvailable, "SILKBRIDGE_TEST_SMTP_PLAIN_URL names a port without TLS"))
    func aPasswordIsNeverSentWhereSTARTTLSIsMissing() async throws {
        let plain = try TestSMTPServer.configuration(TestSMTPServer.plainURL)
        let configuration = try SMTPConfiguration(
            url: "smtp://silkbridge:hunter2@\(plain.host):\(plain.port)", trustRootsPEMFile: TestSMTPServer.caFile)
        let error = await #expect(throws: MailDeliveryError.self) {
            try await TestSMTPServer.client(configuration).send(
                try TestSMTPServer.message(to: [TestSMTPServer.recipient()]))
        }
        #expect(error?.isPermanent == true)
        #expect(error?.reason.contains("does not offer STARTTLS") == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains("hunter2") == false)
    }
}
