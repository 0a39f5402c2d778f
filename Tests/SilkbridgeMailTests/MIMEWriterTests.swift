import Foundation
import SilkbridgeMail
import Testing

@Suite struct MIMEWriterTests {
    @Test func writesTheStandardHeadersInOrder() throws {
        let message = try MessageFixtures.message(extraHeaders: [
            (
                "List-Unsubscribe",
                "<https://silkbridge.example/unsubscribe/abc>, <mailto:unsubscribe@silkbridge.example>"
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ])
        let headers = MessageFixtures.headerLines(of: MessageFixtures.writer().render(message))
        #expect(
            headers == [
                "Date: Thu, 01 Jan 2026 00:00:00 +0000",
                "From: Silkbridge <noreply@silkbridge.example>",
                "To: Buyer <buyer@example.com>",
                "Subject: Your order",
                "Message-ID: <0001@silkbridge.example>",
                "MIME-Version: 1.0",
                "List-Unsubscribe: <https://silkbridge.example/unsubscribe/abc>,",
                " <mailto:unsubscribe@silkbridge.example>",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
            ])
    }

    @Test func writesTheDateInUTC() throws {
        let message = try MailMessage(
            from: MailAddress("a@silkbridge.example"), to: [MailAddress("b@example.com")], subject: "", text: "",
            messageID: "x@silkbridge.example", date: Date(timeIntervalSince1970: 1_709_251_199))
        let headers = MessageFixtures.headerLines(of: MessageFixtures.writer().render(message))
        #expect(headers.first == "Date: Thu, 29 Feb 2024 23:59:59 +0000")
        #expect(headers.contains("Subject:"))
    }

    @Test func isDeterministicApartFromBoundaries() throws {
        let attachment = try MailAttachment(filename: "a.txt", contentType: "text/plain", data: Data("x".utf8))
        let message = try MessageFixtures.message(subject: "合作通知", html: "<p>Hi</p>", attachments: [attachment])
        #expect(MessageFixtures.writer().render(message) == MessageFixtures.writer().render(message))
        #expect(message.rendered() != message.rendered())
    }

    @Test(arguments: [
        "关于下周三丝路桥合作伙伴会议安排及相关文件的确认通知（请于周五之前回复，谢谢！）",
        "订单 #4711 已发货 — Order #4711 has shipped",
        String(repeating: "👩‍👩‍👧‍👦", count: 12),
        "e\u{301}" + String(repeating: "\u{301}", count: 40) + "combining",
        "An ASCII subject that contains =?UTF-8?B?SGk=?= and must not be decoded by readers",
        "Two  spaces and a trailing one ",
        String(repeating: "x", count: 120),
    ])
    func encodesSubjectsSoTheyDecodeBackWithShortLines(_ subject: String) throws {
        let rendered = MessageFixtures.writer().render(try MessageFixtures.message(subject: subject))
        for line in MessageFixtures.headerLines(of: rendered) {
            #expect(line.utf8.count <= 78, "too long: \(line)")
        }
        let parsed = try ParsedEntity(rendered)
        #expect(try parsed.decodedHeader("Subject") == subject)
        for word in EncodedWords.words(in: parsed.header("Subject")!) {
            #expect(word.count <= 75)
        }
    }

    @Test func leavesPlainASCIISubjectsReadableAndFoldsThemAtSpaces() throws {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let rendered = MessageFixtures.writer().render(try MessageFixtures.message(subject: subject))
        let parsed = try ParsedEntity(rendered)
        #expect(parsed.header("Subject") == subject)
        #expect(MessageFixtures.headerLines(of: rendered).filter { $0.hasPrefix(" word") }.count >= 2)
    }

    @Test func writesDisplayNamesSoTheyReadBack() throws {
        let recipients = try [
            MailAddress("zhang@example.com", name: "张伟（丝路桥采购部门负责人）"),
            MailAddress("doe@example.com", name: "Doe, John"),
            MailAddress("q@example.com", name: "Say \"hi\" \\ bye"),
            MailAddress("plain@example.com", name: "Silkbridge Team"),
            MailAddress("long@example.com", name: String(repeating: "Silkbridge", count: 10)),
            MailAddress("bare@example.com"),
        ]
        let rendered = MessageFixtures.writer().render(try MessageFixtures.message(to: recipients))
        for line in MessageFixtures.headerLines(of: rendered) {
            #expect(line.utf8.count <= 78, "too long: \(line)")
        }
        let to = try #require(try ParsedEntity(rendered).decodedHeader("To"))
        #expect(
            to
                == "张伟（丝路桥采购部门负责人） <zhang@example.com>, \"Doe, John\" <doe@example.com>,"
                + " \"Say \\\"hi\\\" \\\\ bye\" <q@example.com>, Silkbridge Team <plain@example.com>,"
                + " \(String(repeating: "Silkbridge", count: 10)) <long@example.com>, bare@example.com")
    }

    @Test func writesUTF8AddressesAsTheyAre() throws {
        let rendered = MessageFixtures.writer().render(try MessageFixtures.message(to: [MailAddress("用户@example.com")]))
        #expect(try ParsedEntity(rendered).header("To") == "用户@example.com")
    }

    @Test func encodesTheTextAsQuotedPrintableThatDecodesBack() throws {
        let text = [
            "Grüße aus Xi’an — 你好!",
            ".a line starting with a dot",
            "..and one with two",
            ".",
            "trailing spaces   ",
            "trailing tab\t",
            "an = sign and =3D that is not an escape",
            String(repeating: "long line with words ", count: 20),
            String(repeating: "你", count: 60),
            "From the beginning",
            "",
            "last line",
        ].joined(separator: "\n")
        let rendered = MessageFixtures.writer().render(try MessageFixtures.message(text: text))
        let parsed = try ParsedEntity(rendered)
        #expect(parsed.header("Content-Transfer-Encoding") == "quoted-printable")
        let bodyLines = MessageFixtures.lines(of: parsed.body)
        for line in bodyLines {
            #expect(line.utf8.count <= 76, "too long: \(line)")
            #expect(line.last != " " && line.last != "\t", "trailing whitespace: \(line)")
            #expect(line.utf8.allSatisfy { $0 < 0x80 })
        }
        #expect(bodyLines.contains(".a line starting with a dot"))
        #expect(try parsed.decodedText == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
    }

    @Test(arguments: ["one\ntwo\n", "one\rtwo\r", "one\r\ntwo\r\n"])
    func turnsEveryKindOfLineBreakIntoCRLF(_ text: String) throws {
        let parsed = try ParsedEntity(MessageFixtures.writer().render(try MessageFixtures.message(text: text)))
        #expect(try parsed.decodedText == "one\r\ntwo\r\n")
    }

    @Test func putsTextBeforeHTMLInAnAlternative() throws {
        let rendered = MessageFixtures.writer().render(
            try MessageFixtures.message(text: "Plain 你好", html: "<p>HTML 你好</p>"))
        let parsed = try ParsedEntity(rendered)
        #expect(parsed.mediaType == "multipart/alternative")
        #expect(parsed.contentTypeParameter("boundary") == "outer-boundary")
        let parts = try parsed.parts
        #expect(parts.map(\.mediaType) == ["text/plain", "text/html"])
        #expect(parts.map { $0.contentTypeParameter("charset") } == ["utf-8", "utf-8"])
        #expect(try parts.map { try $0.decodedText } == ["Plain 你好", "<p>HTML 你好</p>"])
        for line in MessageFixtures.lines(of: rendered) {
            #expect(line.utf8.count <= 78)
        }
    }

    @Test func wrapsBodyAndAttachmentsInAMixed() throws {
        let ics = Data("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".utf8)
        let pdf = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        let message = try MessageFixtures.message(
            text: "See attached", html: "<p>See attached</p>",
            attachments: [
                MailAttachment(
                    filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", data: ics),
                MailAttachment(filename: "Quote \"Q1\".pdf", contentType: "application/pdf", data: pdf),
            ])
        let rendered = MessageFixtures.writer(["mixed-boundary-unused", "alternative-b"]).render(message)
        let parsed = try ParsedEntity(rendered)
        #expect(parsed.mediaType == "multipart/mixed")
        let parts = try parsed.parts
        #expect(parts.map(\.mediaType) == ["multipart/alternative", "text/calendar", "application/pdf"])
        #expect(try parts[0].parts.map(\.mediaType) == ["text/plain", "text/html"])
        #expect(parts[1].header("Content-Type") == "text/calendar; charset=utf-8; method=PUBLISH")
        #expect(parts[1].contentTypeParameter("method") == "PUBLISH")
        #expect(parts[1].header("Content-Transfer-Encoding") == "base64")
        #expect(parts[1].header("Content-Disposition") == "attachment; filename=\"invite.ics\"")
        #expect(parts[1].filename == "invite.ics")
        #expect(parts[2].filename == "Quote \"Q1\".pdf")
        #expect(try parts[1].decodedBody == ics)
        #expect(try parts[2].decodedBody == pdf)
        let base64Lines = MessageFixtures.lines(of: parts[2].body + Data("\r\n".utf8))
        #expect(base64Lines.count > 1)
        #expect(base64Lines.dropLast().allSatisfy { $0.utf8.count == 76 })
        #expect(base64Lines.last!.utf8.count <= 76)
    }

    @Test(arguments: [
        "会议邀请.ics", String(repeating: "long name ", count: 12) + ".txt", "2026年第一季度丝路桥合作伙伴大会——日程安排与参会须知（最终版）.ics",
        "Ünïcödé résumé.pdf",
    ])
    func writesNonASCIIFileNamesTheRFC2231Way(_ filename: String) throws {
        let attachment = try MailAttachment(filename: filename, contentType: "text/calendar", data: Data("x".utf8))
        let rendered = MessageFixtures.writer().render(try MessageFixtures.message(attachments: [attachment]))
        for line in MessageFixtures.lines(of: rendered) {
            #expect(line.utf8.count <= 78, "too long: \(line)")
            #expect(line.utf8.allSatisfy { $0 < 0x80 })
        }
        let part = try ParsedEntity(rendered).parts[1]
        #expect(part.header("Content-Disposition")!.contains("filename*"))
        #expect(part.filename == filename)
    }

    @Test func drawsAnotherBoundaryWhenOneAppearsInTheContent() throws {
        let message = try MessageFixtures.message(text: "a line with clash-me inside", html: "<p>x</p>")
        let writer = MessageFixtures.writer(["clash-me", "not valid because of spaces", "clean-boundary"])
        let parsed = try ParsedEntity(writer.render(message))
        #expect(parsed.contentTypeParameter("boundary") == "clean-boundary")
        #expect(try parsed.parts[0].decodedText == "a line with clash-me inside")
    }

    @Test func keepsNestedBoundariesApart() throws {
        let attachment = try MailAttachment(filename: "a.txt", contentType: "text/plain", data: Data("x".utf8))
        let message = try MessageFixtures.message(html: "<p>x</p>", attachments: [attachment])
        let writer = MessageFixtures.writer(["inner", "inner", "inner-and-more", "outer"])
        let parsed = try ParsedEntity(writer.render(message))
        #expect(parsed.contentTypeParameter("boundary") == "outer")
        #expect(try parsed.parts[0].contentTypeParameter("boundary") == "inner")
    }

    @Test func fallsBackToRandomBoundariesWhenTheGivenOnesNeverFit() throws {
        let message = try MessageFixtures.message(text: "always-clashes", html: "<p>x</p>")
        let writer = MIMEWriter { "always-clashes" }
        let boundary = try #require(try ParsedEntity(writer.render(message)).contentTypeParameter("boundary"))
        #expect(boundary.hasPrefix("=_"))
    }

    @Test func randomBoundariesDiffer() {
        #expect(MIMEWriter.randomBoundary() != MIMEWriter.randomBoundary())
    }
}
