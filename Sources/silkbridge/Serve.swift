import ArgumentParser
import Configuration
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import SilkbridgeServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server (pages, JSON API, metrics).")

    @Option(help: "Address to listen on (env SILKBRIDGE_HOST).") var host: String?
    @Option(help: "Port to listen on (env SILKBRIDGE_PORT).") var port: Int?
    @Flag(help: "Load the demo directory into an empty database (env SILKBRIDGE_DEMO=true).") var demo = false
    @Flag(
        help:
            "Let webhooks reach this machine's loopback addresses, to try them out locally; never in a deployment (env SILKBRIDGE_WEBHOOKS_TO_LOOPBACK=true)."
    ) var webhooksToLoopback = false
    @Option(
        help: ArgumentHelp(
            "Address of a reverse proxy in front of the server, whose X-Forwarded-For names the client; repeat for several (env SILKBRIDGE_TRUSTED_PROXIES, comma-separated)."
        )) var trustedProxy: [String] = []
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var mail: MailOptions

    func run() async throws {
        let config = ConfigReader.environment
        let logLevel = config.string(forKey: "silkbridge.log.level").flatMap { Logger.Level(rawValue: $0) } ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let port = port ?? config.int(forKey: "silkbridge.port") ?? 8080
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535.") }
        var serverConfiguration = ServerConfiguration(
            host: host ?? config.string(forKey: "silkbridge.host") ?? "127.0.0.1", port: port,
            database: try database.location(config),
            demo: demo || config.bool(forKey: "silkbridge.demo", default: false),
            secureCookies: config.bool(forKey: "silkbridge.secure.cookies"),
            ledger: try ledger.configuration(config))
        serverConfiguration.loadRatesAtStart = true
        serverConfiguration.trustedProxies = Set(
            trustedProxy
                + (config.string(forKey: "silkbridge.trusted.proxies") ?? "").split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
        ).subtracting([""])
        serverConfiguration.webhooksReachLoopback =
            webhooksToLoopback || config.bool(forKey: "silkbridge.webhooks.to.loopback", default: false)
        try mail.configure(&serverConfiguration, dataFolder: database.folder(config), config)
        let app = try await buildApplication(configuration: serverConfiguration, metrics: registry)
        try await app.runService()
    }
}
