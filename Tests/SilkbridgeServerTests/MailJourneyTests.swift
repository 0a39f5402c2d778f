import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SilkbridgeCore
import SilkbridgeServer
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

/// A new person signs up and confirms the address from the mail as it arrives: written to a file where there
/// is no mail server, and through the real SMTP server that CI starts (`SILKBRIDGE_TEST_SMTP_*`).
@Suite(.timeLimit(.minutes(10))) struct MailJourneyTests {
    static let environment = ProcessInfo.processInfo.environment
    static let smtpURL = environment["SILKBRIDGE_TEST_SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Runs the outbox worker's round once on the test server's database, as the server's job does.
    func deliver(_ configuration: MailConfiguration) async throws -> Int {
        let sender = try configuration.sender(publicURL: "http://127.0.0.1:8080", logger: Logger(label: "test"))
        return try await TestMailbox.withDatabase { database in
            try await MailDelivery(outbox: database.mailOutbox, sender: sender).sendDue(now: Date())
        }
    }

    /// Signs up, sends the mail, finds it with `read`, follows its link, and checks the account is verified.
    func signUpAndConfirm(
        _ client: any TestClientProtocol, email: String, transport: MailConfiguration.Transport,
        read: (String) throws -> String?
    ) async throws {
        let token = try await client.api(
            .post, "/api/v1/accounts",
            json:
                #"{"email":"\#(email)","password":"correct horse battery","displayName":"李伟","preferredLanguage":"zh-Hans"}"#
        )
        #expect(token.status == .created)
        #expect(
            try await deliver(MailConfiguration(transport: transport, from: "Silkbridge <no-reply@silkbridge.test>"))
                == 1)
        let message = try #require(try read(email), "no mail to \(email) arrived")
        #expect(message.contains("\r\nMessage-ID: <"))
        #expect(message.contains("\r\nSubject: =?UTF-8?"))
        // The text part is quoted-printable: soft line breaks joined, the link's "=" is "=3D".
        let body = message.replacingOccurrences(of: "=\r\n", with: "")
        let link = try #require(body.firstMatch(of: /verify-email\?token=3D(sb_[A-Za-z0-9_-]+)/))
        let verified = try await client.api(
            .post, "/api/v1/email-verifications", json: #"{"token":"\#(String(link.1))"}"#)
        #expect(verified.status == .ok)
        #expect(try verified.json()["emailVerified"] as? Bool == true)
        let stored = try await TestMailbox.mails(to: email)
        #expect(stored.map(\.state) == [.sent])
    }

    @Test func aMailWrittenToTheOutboxFolderConfirmsTheAddress() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-outbox-\(UUID())")
        try await withApp { client in
            try await signUpAndConfirm(client, email: "li.wei@example.cn", transport: .files(directory: folder.path)) {
                _ in
                let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                    .filter { $0.hasSuffix(".eml") }
                #expect(files.count == 1)
                return try files.first.map {
                    try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
                }
            }
        }
    }

    /// What people typed reaches headers: an organisation's name with a line break is sent on one line, not
    /// refused (a refused mail would be an invitation nobody receives) and never a header of its own.
    @Test func aLineBreakInANameBecomesASpaceInTheSubject() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-outbox-\(UUID())")
        try await withApp { client in
            let owner = try await client.signUp("owner@example.eu")
            let created = try await client.api(
                .post, "/api/v1/organizations", token: owner,
                json:
                    #"{"name":{"en":"Isar\nBcc: all@example.eu"},"type":"startup","country":"DE","size":"micro","areas":["iot"]}"#
            )
            let id = try #require(try created.json()["id"] as? String)
            _ = try await client.api(
                .post, "/api/v1/organizations/\(id)/members", token: owner,
                json: #"{"email":"new@example.eu","role":"member"}"#)
            let sent = try await deliver(
                MailConfiguration(
                    transport: .files(directory: folder.path), from: "Silkbridge <no-reply@silkbridge.test>"))
            #expect(sent == 2)
            #expect(try await TestMailbox.mails(to: "new@example.eu").map(\.state) == [.sent])
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let headers = try #require(text.components(separatedBy: "\r\n\r\n").first)
                #expect(!headers.contains("\r\nBcc:"), "the name became a header")
                #expect(headers.contains("\r\nSubject: "))
            }
        }
    }

    @Test(.enabled(if: smtpURL != nil)) func aMailSentThroughSMTPConfirmsTheAddress() async throws {
        let email = "journey-\(UUID().uuidString.prefix(8).lowercased())@example.cn"
        try await withApp { client in
            try await signUpAndConfirm(client, email: email, transport: try Self.smtpTransport()) { email in
                try Self.received(by: email).first
            }
        }
    }

    /// The SMTP server CI starts, with the certificate authority of its test certificate.
    static func smtpTransport() throws -> MailConfiguration.Transport {
        .smtp(url: try #require(smtpURL), caFile: environment["SILKBRIDGE_TEST_SMTP_CA"])
    }

    /// Every mail the SMTP server CI starts received for the address, as it arrived.
    static func received(by email: String) throws -> [String] {
        let maildir = URL(fileURLWithPath: try #require(environment["SILKBRIDGE_TEST_SMTP_MAILDIR"]))
        // The server writes the envelope beside each mail once the mail is complete.
        return try FileManager.default.contentsOfDirectory(atPath: maildir.path).filter { $0.hasSuffix(".json") }
            .filter { name in
                try String(contentsOf: maildir.appendingPathComponent(name), encoding: .utf8).contains("\"\(email)\"")
            }
            .map { name in
                let eml = maildir.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml"))
                return try String(contentsOf: eml, encoding: .utf8)
            }
    }
}
