/// Where and how to reach a mail server, usually read from one URL:
///
/// - `smtp://[user:password@]host[:port]` — port 587 by default. With credentials, STARTTLS is required, so that
///   the password never crosses the network in clear text; without them it is used when the server offers it.
///   `?starttls=always` requires it without credentials too; `?starttls=never` talks plain text, for a relay on
///   the same machine or network (port 25) that takes mail without a log-in.
/// - `smtps://[user:password@]host[:port]` — TLS from the first byte, port 465 by default.
///
/// User and password are percent-decoded, so a password holding `@` or `:` is written `%40` or `%3A`.
public struct SMTPConfiguration: Sendable, Hashable, CustomStringConvertible {
    public enum Security: Sendable, Hashable {
        /// TLS from the first byte (`smtps://`).
        case implicitTLS
        /// STARTTLS, and no mail at all if the server does not offer it.
        case startTLSRequired
        /// STARTTLS when offered, plain text otherwise.
        case startTLSWhenOffered
        /// Plain text throughout.
        case plain
    }

    public struct Credentials: Sendable, Hashable, CustomStringConvertible {
        public let username: String
        public let password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        public var description: String { "\(username):***" }
    }

    public let host: String
    public let port: Int
    public let security: Security
    public let credentials: Credentials?
    /// The name given in EHLO; a server may check it against the client's address.
    public let heloName: String
    /// The longest wait for each reply of the server, and for the connection itself.
    public let timeout: Duration
    /// A PEM file of CA certificates trusted besides the system's, e.g. a test server's own CA.
    public let trustRootsPEMFile: String?

    /// The name the server's certificate has to carry.
    public var tlsServerName: String { host }

    public init(
        host: String,
        port: Int,
        security: Security,
        credentials: Credentials? = nil,
        heloName: String = "localhost",
        timeout: Duration = .seconds(30),
        trustRootsPEMFile: String? = nil
    ) throws(MailError) {
        guard !host.isEmpty, !TextChecks.containsControlCharacter(host), !host.contains(" ") else {
            throw MailError("the SMTP server's host name is missing or invalid")
        }
        guard (1...65535).contains(port) else {
            throw MailError("the SMTP port \(port) is not between 1 and 65535")
        }
        if credentials != nil, security == .plain || security == .startTLSWhenOffered {
            throw MailError(
                "SMTP credentials need TLS (smtps://, or smtp:// without ?starttls=never),"
                    + " so that the password is never sent in clear text")
        }
        let heloIsValid =
            !heloName.isEmpty
            && heloName.utf8.allSatisfy { (0x21...0x7E).contains($0) }
        guard heloIsValid else {
            throw MailError("the EHLO name '\(heloName)' must be a host name or an address literal")
        }
        guard timeout > .zero else {
            throw MailError("the SMTP timeout must be longer than zero")
        }
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.heloName = heloName
        self.timeout = timeout
        self.trustRootsPEMFile = trustRootsPEMFile
    }

    public init(
        url: String,
        heloName: String = "localhost",
        timeout: Duration = .seconds(30),
        trustRootsPEMFile: String? = nil
    ) throws(MailError) {
        let parsed = try SMTPURL(url)
        try self.init(
            host: parsed.host,
            port: parsed.port,
            security: parsed.security,
            credentials: parsed.credentials,
            heloName: heloName,
            timeout: timeout,
            trustRootsPEMFile: trustRootsPEMFile
        )
    }

    /// Safe to log: the password is left out.
    public var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let user = credentials.map { "\($0.username):***@" } ?? ""
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let mode =
            switch security {
            case .implicitTLS: "implicit TLS"
            case .startTLSRequired: "STARTTLS required"
            case .startTLSWhenOffered: "STARTTLS when offered"
            case .plain: "plain text"
            }
        return "\(scheme)://\(user)\(shownHost):\(port) (\(mode))"
    }
}
