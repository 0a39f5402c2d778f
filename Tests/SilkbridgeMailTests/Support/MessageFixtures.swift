import Foundation
import SilkbridgeMail
import Synchronization
import Testing

/// Boundaries handed out in order, then `fallback` for good.
final class BoundarySequence: Sendable {
    private let remaining: Mutex<[String]>
    private let fallback: String

    init(_ boundaries: [String], then fallback: String = "fallback-boundary") {
        self.remaining = Mutex(boundaries)
        self.fallback = fallback
    }

    func next() -> String {
        remaining.withLock { $0.isEmpty ? fallback : $0.removeFirst() }
    }
}

enum MessageFixtures {
    static let date = Date(timeIntervalSince1970: 1_767_225_600)

    static func writer(_ boundaries: [String] = ["outer-boundary", "inner-boundary"]) -> MIMEWriter {
        let sequence = BoundarySequence(boundaries)
        return MIMEWriter { sequence.next() }
    }

    static func message(
        subject: String = "Your order",
        text: String = "Hello",
        html: String? = nil,
        attachments: [MailAttachment] = [],
        to: [MailAddress]? = nil,
        extraHeaders: [(name: String, value: String)] = []
    ) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("noreply@silkbridge.example", name: "Silkbridge"),
            to: to ?? [MailAddress("buyer@example.com", name: "Buyer")],
            subject: subject,
            text: text,
            html: html,
            attachments: attachments,
            extraHeaders: extraHeaders,
            messageID: "0001@silkbridge.example",
            date: date
        )
    }

    /// The message's lines without their CRLF, after checking that every line ends in CRLF and nothing else.
    static func lines(of data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        for line in lines {
            #expect(!line.contains("\n") && !line.contains("\r"), "a bare line break in \(line.debugDescription)")
        }
        return Array(lines)
    }

    static func headerLines(of data: Data) -> [String] {
        Array(lines(of: data).prefix { !$0.isEmpty })
    }
}
