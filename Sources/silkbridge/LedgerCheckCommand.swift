import ArgumentParser
import Configuration
import Logging
import SilkbridgeLedger
import SilkbridgeServer
import SilkbridgeStorage
import TrustLedger

extension LedgerCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the ledger in this server's database: every entry, tile and bundle against the "
                + "checkpoint (start-up checks only the right edge of the tree).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The ledger's private key file (env SILKBRIDGE_LEDGER_KEY_FILE; default beside the SQLite file).")
        var ledgerKeyFile: String?

        func run() async throws {
            let config = ConfigReader.environment
            let location = try database.location(config)
            let ledger = LedgerConfiguration(
                keyFile: ledgerKeyFile ?? config.string(forKey: "silkbridge.ledger.key.file"))
            let report = try await LedgerCheck.run(
                ledger, database: location, logger: Logger(label: "silkbridge.ledger.check"))
            for problem in report.problems { print(problem) }
            guard report.isHealthy else {
                print("FAILED: \(report.problems.count) problems in the ledger at \(location.redacted)")
                throw ExitCode.failure
            }
            print("OK: \(report.checkpoint?.size ?? 0) entries, their tiles and bundles match the checkpoint")
        }
    }
}
