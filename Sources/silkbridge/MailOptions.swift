import ArgumentParser
import Configuration
import Foundation
import SilkbridgeServer

/// How the server reaches people by mail, and where the links in its mails lead.
struct MailOptions: ParsableArguments {
    @Option(
        help:
            "smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 to send mail; without it, mails are written as .eml files to the data folder's outbox/ (env SILKBRIDGE_SMTP_URL)."
    ) var smtpURL: String?
    @Option(
        help: "A PEM file of one more certificate authority to trust for the SMTP server (env SILKBRIDGE_SMTP_CA_FILE)."
    )
    var smtpCAFile: String?
    @Option(help: "The From address of mails, \"Name <address>\" (env SILKBRIDGE_MAIL_FROM).") var mailFrom: String?
    @Option(
        help:
            "The address people reach the site at, for the links in mails, such as https://silkbridge.example (env SILKBRIDGE_PUBLIC_URL; default the address listened on)."
    ) var publicURL: String?

    func configure(_ server: inout ServerConfiguration, dataFolder: String, _ config: ConfigReader) throws {
        if let url = publicURL ?? config.string(forKey: "silkbridge.public.url") {
            guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme),
                components.host?.isEmpty == false, components.query == nil
            else {
                throw ValidationError(
                    "--public-url must be an http:// or https:// address, such as https://silkbridge.example.")
            }
            server.publicURL = url
        }
        let transport: MailConfiguration.Transport
        if let url = smtpURL ?? config.string(forKey: "silkbridge.smtp.url", isSecret: true) {
            transport = .smtp(url: url, caFile: smtpCAFile ?? config.string(forKey: "silkbridge.smtp.ca.file"))
        } else {
            transport = .files(directory: URL(fileURLWithPath: dataFolder).appendingPathComponent("outbox").path)
        }
        // A mail address needs a domain name: an address like 127.0.0.1 would need brackets, which few accept.
        let host =
            server.publicURL.flatMap { URLComponents(string: $0)?.host }.flatMap {
                $0.contains(where: \.isLetter) && !$0.contains(":") ? $0 : nil
            } ?? "silkbridge.localhost"
        server.mail = MailConfiguration(
            transport: transport,
            from: mailFrom ?? config.string(forKey: "silkbridge.mail.from") ?? "Silkbridge <no-reply@\(host)>")
    }
}
