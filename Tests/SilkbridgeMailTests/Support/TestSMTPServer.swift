import Foundation
import Logging
import SilkbridgeMail
import Testing

/// The real SMTP server of `.ci/smtp-server.py`, when the environment names it (CI does):
/// `SILKBRIDGE_TEST_SMTP_URL` (its STARTTLS port, with the user and password it accepts), `SILKBRIDGE_TEST_SMTP_CA`
/// (the CA its certificate is signed by), `SILKBRIDGE_TEST_SMTP_MAILDIR` (where it stores what it receives), and
/// optionally `SILKBRIDGE_TEST_SMTPS_URL` (implicit TLS) and `SILKBRIDGE_TEST_SMTP_PLAIN_URL` (no TLS, no AUTH).
enum TestSMTPServer {
    struct Envelope: Decodable {
        var mailFrom: String
        var rcptTos: [String]
        var mailOptions: [String]
        var tls: Bool
        var authUser: String?
    }

    struct Delivery {
        var envelope: Envelope
        var raw: Data
        var message: ParsedEntity
    }

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var url: String? { environment("SILKBRIDGE_TEST_SMTP_URL") }
    static var implicitTLSURL: String? { environment("SILKBRIDGE_TEST_SMTPS_URL") }
    static var plainURL: String? { environment("SILKBRIDGE_TEST_SMTP_PLAIN_URL") }
    static var caFile: String? { environment("SILKBRIDGE_TEST_SMTP_CA") }
    static var maildir: String? { environment("SILKBRIDGE_TEST_SMTP_MAILDIR") }

    static var available: Bool { url != nil && caFile != nil && maildir != nil }
    static var implicitTLSAvailable: Bool { available && implicitTLSURL != nil }
    static var plainAvailable: Bool { available && plainURL != nil }

    static let sender = try! MailAddress("noreply@silkbridge.example", name: "Silkbridge")

    /// Unique per call, so that tests running side by side each find only their own mail. `kind` picks how the
    /// server treats it: reject, busy, drop, slow, or anything else for plain acceptance.
    static func recipient(_ kind: String = "buyer", name: String? = nil) -> MailAddress {
        try! MailAddress("\(kind)+\(UUID().uuidString.lowercased())@example.com", name: name)
    }

    static func configuration(
        _ url: String? = url,
        timeout: Duration = .seconds(10),
        trusted: Bool = true
    ) throws -> SMTPConfiguration {
        try SMTPConfiguration(url: url!, timeout: timeout, trustRootsPEMFile: trusted ? caFile : nil)
    }

    static func client(_ configuration: SMTPConfiguration) -> SMTPClient {
        SMTPClient(configuration: configuration, logger: Logger(label: "silkbridge.mail.test"))
    }

    static func client(_ url: String? = url, timeout: Duration = .seconds(10), trusted: Bool = true) throws
        -> SMTPClient
    {
        client(try configuration(url, timeout: timeout, trusted: trusted))
    }

    static func message(
        to recipients: [MailAddress],
        subject: String = "Test",
        text: String = "Hello",
        html: String? = nil,
        attachments: [MailAttachment] = [],
        extraHeaders: [(name: String, value: String)] = []
    ) throws -> MailMessage {
        try MailMessage(
            from: sender, to: recipients, subject: subject, text: text, html: html, attachments: attachments,
            extraHeaders: extraHeaders)
    }

    /// Every stored message whose envelope names `recipient`.
    static func deliveries(to recipient: MailAddress) throws -> [Delivery] {
        let folder = URL(fileURLWithPath: maildir!)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var found: [Delivery] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            let envelope = try decoder.decode(
                Envelope.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            guard envelope.rcptTos.contains(recipient.address) else { continue }
            let raw = try Data(contentsOf: folder.appendingPathComponent(name.dropLast(5) + ".eml"))
            found.append(Delivery(envelope: envelope, raw: raw, message: try ParsedEntity(raw)))
        }
        return found
    }

    static func delivery(to recipient: MailAddress) throws -> Delivery {
        let found = try deliveries(to: recipient)
        try #require(found.count == 1, "expected one message to \(recipient.address), found \(found.count)")
        return found[0]
    }
}
