import Foundation
import Logging
import SilkbridgeCore
import SilkbridgeMail

/// Sends the outbox's mails through a mail transport: SMTP, or `.eml` files where there is no mail server.
struct TransportMailSender: MailSender {
    let transport: any MailTransport
    let from: MailAddress
    /// The right-hand side of every Message-ID, the deployment's host, so that IDs are unique across deployments.
    let messageDomain: String

    func send(_ mail: OutgoingMail) async -> MailOutcome {
        let message: MailMessage
        do {
            message = try MailMessage(
                from: from, to: [try MailAddress(mail.recipient, name: mail.recipientName.map(Self.oneLine))],
                subject: Self.oneLine(mail.subject),
                text: mail.text, html: mail.html ?? MailHTML.page(mail.text, language: mail.language),
                extraHeaders: Self.unsubscribeHeaders(mail.unsubscribeURL),
                messageID: "\(mail.id.uuidString.lowercased())@\(messageDomain)", date: mail.createdAt)
        } catch {
            return .permanentFailure("the mail cannot be written: \(error.message)")
        }
        do {
            try await transport.deliver(message)
            return .sent
        } catch {
            return error.isPermanent ? .permanentFailure(error.reason) : .temporaryFailure(error.reason)
        }
    }
}

extension TransportMailSender {
    /// RFC 8058: the link a mail program's own unsubscribe button posts `List-Unsubscribe=One-Click` to, at once
    /// and without a page, so the person is not asked to log in or find the setting.
    static func unsubscribeHeaders(_ url: String?) -> [(name: String, value: String)] {
        guard let url else { return [] }
        return [("List-Unsubscribe", "<\(url)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]
    }

    /// A header's text on one line: names and subjects carry what people typed (an organisation's name may have
    /// a line break), and a header may not, so every run of control characters becomes one space.
    static func oneLine(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: { $0.properties.generalCategory == .control })
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }
}

extension MailConfiguration {
    /// The sender this configuration describes; a configuration that cannot work fails here, before the server
    /// starts, with what is wrong.
    public func sender(publicURL: String, logger: Logger) throws -> any MailSender {
        let from: MailAddress
        do {
            from = try Self.address(self.from)
        } catch {
            throw MailConfigurationError("--mail-from \"\(self.from)\" is not a usable address: \(error.message)")
        }
        let transport: any MailTransport
        switch self.transport {
        case .smtp(let url, let caFile):
            do {
                transport = SMTPClient(
                    configuration: try SMTPConfiguration(url: url, trustRootsPEMFile: caFile), logger: logger)
            } catch {
                throw MailConfigurationError("--smtp-url: \(error.message)")
            }
        case .files(let directory):
            transport = FileMailTransport(directory: URL(fileURLWithPath: directory))
        }
        let domain = URLComponents(string: publicURL)?.host ?? "silkbridge.localhost"
        return TransportMailSender(transport: transport, from: from, messageDomain: domain)
    }

    /// `Name <address>` or a bare address.
    static func address(_ text: String) throws(MailError) -> MailAddress {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else { return try MailAddress(text) }
        let name = text[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(["\""]))
        let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        return try MailAddress(address, name: name.isEmpty ? nil : name)
    }
}

/// A mail setting that cannot work, said the way the command line would.
struct MailConfigurationError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
