import SilkbridgeMail
import Testing

@Suite struct SMTPConfigurationTests {
    @Test func requiresSTARTTLSWhenThereAreCredentials() throws {
        let configuration = try SMTPConfiguration(url: "smtp://mailer%40silkbridge:p%40ss%3Aw%C3%B6rd@mail.example.com")
        #expect(configuration.host == "mail.example.com")
        #expect(configuration.port == 587)
        #expect(configuration.security == .startTLSRequired)
        #expect(configuration.credentials == .init(username: "mailer@silkbridge", password: "p@ss:wörd"))
        #expect(configuration.tlsServerName == "mail.example.com")
        #expect(configuration.heloName == "localhost")
        #expect(configuration.timeout == .seconds(30))
        #expect(configuration.trustRootsPEMFile == nil)
    }

    @Test func usesSTARTTLSWhenOfferedWithoutCredentials() throws {
        let configuration = try SMTPConfiguration(url: "smtp://mail.example.com:2525")
        #expect(configuration.port == 2525)
        #expect(configuration.security == .startTLSWhenOffered)
        #expect(configuration.credentials == nil)
    }

    @Test func readsTheSTARTTLSOption() throws {
        #expect(try SMTPConfiguration(url: "smtp://relay.internal:25?starttls=never").security == .plain)
        #expect(try SMTPConfiguration(url: "SMTP://relay.internal:25/?STARTTLS=always").security == .startTLSRequired)
        #expect(try SMTPConfiguration(url: "smtp://u:p@relay.internal?starttls=always").security == .startTLSRequired)
    }

    @Test func usesImplicitTLSForSMTPS() throws {
        let configuration = try SMTPConfiguration(url: "smtps://user:secret@smtp.example.com")
        #expect(configuration.port == 465)
        #expect(configuration.security == .implicitTLS)
        #expect(configuration.credentials?.password == "secret")
    }

    @Test func readsIPv6Hosts() throws {
        let configuration = try SMTPConfiguration(url: "smtp://[::1]:2525")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 2525)
    }

    @Test func takesTheOtherSettings() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://mail.example.com", heloName: "app.silkbridge.example", timeout: .milliseconds(1500),
            trustRootsPEMFile: "/etc/ssl/extra.pem")
        #expect(configuration.heloName == "app.silkbridge.example")
        #expect(configuration.timeout == .milliseconds(1500))
        #expect(configuration.trustRootsPEMFile == "/etc/ssl/extra.pem")
    }

    @Test(arguments: [
        ("http://mail.example.com", "scheme"),
        ("mail.example.com", "smtp://"),
        ("smtp://", "no host"),
        ("smtp://:25", "no host"),
        ("smtp://user:hunter2@:25", "no host"),
        ("smtp://mail.example.com:0", "port"),
        ("smtp://mail.example.com:65536", "port"),
        ("smtp://mail.example.com:25x", "port"),
        ("smtp://mail.example.com:", "port"),
        ("smtp://user:hunter2@mail.example.com:smtp", "port"),
        ("smtp://user:hunter2@mail.example.com?starttls=never", "clear text"),
        ("smtps://mail.example.com?starttls=always", "smtps"),
        ("smtp://mail.example.com?starttls=sometimes", "starttls"),
        ("smtp://mail.example.com?tls=1", "option"),
        ("smtp://mail.example.com/inbox", "path"),
        ("smtp://user:hunter2%zz@mail.example.com", "percent"),
        ("smtp://:hunter2@mail.example.com", "user name"),
        ("smtp://mail example.com", "host"),
        ("smtp://[::1", "IPv6"),
    ])
    func explainsBadURLs(_ url: String, _ expected: String) {
        let error = #expect(throws: MailError.self) { try SMTPConfiguration(url: url) }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("hunter2") == false)
    }

    @Test func refusesABadEHLOName() {
        #expect(throws: MailError.self) { try SMTPConfiguration(url: "smtp://mail.example.com", heloName: "my host") }
        #expect(throws: MailError.self) { try SMTPConfiguration(url: "smtp://mail.example.com", heloName: "") }
    }

    @Test func refusesCredentialsWithoutTLS() {
        let credentials = SMTPConfiguration.Credentials(username: "u", password: "hunter2")
        for security in [SMTPConfiguration.Security.plain, .startTLSWhenOffered] {
            #expect(throws: MailError.self) {
                try SMTPConfiguration(host: "mail.example.com", port: 587, security: security, credentials: credentials)
            }
        }
    }

    @Test func leavesThePasswordOutOfItsDescription() throws {
        let configuration = try SMTPConfiguration(url: "smtp://user:hunter2@mail.example.com")
        #expect("\(configuration)" == "smtp://user:***@mail.example.com:587 (STARTTLS required)")
        #expect(!"\(configuration.credentials!)".contains("hunter2"))
    }
}
