import Foundation
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeStorage

/// Everything `buildApplication` needs to know, gathered by the command line from flags, environment and defaults.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// The database's connections and how long a request waits for one.
    public var databasePool = DatabasePool()
    /// Load the demo directory when the database is empty.
    public var demo: Bool
    /// bcrypt cost; tests lower it because every hash at the default cost takes a quarter of a second.
    public var passwordCost: UInt8
    /// Mark cookies `Secure`; off only for plain-HTTP use on loopback.
    public var secureCookies: Bool
    /// Addresses of the reverse proxies in front of the server, whose `X-Forwarded-For` names the client.
    public var trustedProxies: Set<String> = []
    /// The trust ledger's key, origin, witnesses and policy.
    public var ledger: LedgerConfiguration
    /// How often the webhook worker looks for due deliveries; nil runs no worker (tests drive it themselves).
    public var webhookDeliveryInterval: Duration? = .seconds(5)
    /// Let webhooks reach this machine's loopback addresses: for trying webhooks out on a laptop, never for a
    /// deployment, where a receiver on loopback is how a webhook reaches what the network keeps from outside.
    public var webhooksReachLoopback = false
    /// How often the expiry job looks for opportunities two weeks from expiry; nil runs no job.
    public var expiryNoticeInterval: Duration? = .seconds(15 * 60)
    /// How often the alert job looks for new suggested partners; nil runs no job (tests drive it themselves).
    public var matchAlertInterval: Duration? = .seconds(60)
    /// How often the reminder job looks for agreements left unsigned for days; nil runs no job.
    public var reminderInterval: Duration? = .seconds(15 * 60)
    /// The address people reach the site at, for the links in mails; by default the address the server listens on.
    public var publicURL: String?
    /// How mail leaves; nil runs no mail worker, and mails wait in the outbox (tests read them there).
    public var mail: MailConfiguration?
    /// Fill an empty rate table from the shipped ECB file while starting, rather than on the fund's first
    /// conversion; the server does, tests leave it to the first conversion.
    public var loadRatesAtStart = false

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation, demo: Bool = false,
        passwordCost: UInt8 = 12, secureCookies: Bool? = nil, ledger: LedgerConfiguration = LedgerConfiguration()
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.demo = demo
        self.passwordCost = passwordCost
        self.secureCookies = secureCookies ?? !["127.0.0.1", "localhost", "::1"].contains(host)
        self.ledger = ledger
    }

    /// Where the links in mails lead.
    var mailLinks: MailLinks {
        MailLinks(
            publicURL: publicURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)",
            noticePath: ExchangePaths.notice)
    }
}

/// How mail leaves the server, and who it is from.
public struct MailConfiguration: Sendable {
    public enum Transport: Sendable {
        /// `smtp://user:password@host:587` (STARTTLS) or `smtps://…:465` (TLS from the start); `caFile` trusts
        /// one more certificate authority, for a relay with a private certificate.
        case smtp(url: String, caFile: String?)
        /// Each mail as an `.eml` file in the folder: for the demo and a laptop, with no mail server.
        case files(directory: String)
    }

    public var transport: Transport
    /// The `From` address, `Name <address>` or a bare address.
    public var from: String
    /// How often the worker looks for mails queued by other processes; a mail this process queues waits at most
    /// this long too.
    public var interval: Duration = .seconds(2)

    public init(transport: Transport, from: String) {
        self.transport = transport
        self.from = from
    }
}
