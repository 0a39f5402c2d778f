import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SilkbridgeLedger
import SilkbridgeServer

struct WitnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness", abstract: "Run a C2SP transparency-log witness.", subcommands: [Serve.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve POST /add-checkpoint (c2sp.org/tlog-witness): cosign checkpoints consistent with what "
                + "this witness saw before, refuse the others.")

        @Option(help: "File with the witness's private key (silkbridge keys generate --witness).") var key: String
        @Option(help: "The log's verifier key (GET /api/v1/ledger shows it).") var logKey: String
        @Option(help: "The log's origin (default: the log key's name).") var origin: String?
        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on.") var port = 8091
        @Option(help: "The state file: the latest tree head cosigned (default: <key>.state.json).") var state: String?

        func run() async throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535.") }
            guard let secret = try SecretFile.read(key) else { throw ValidationError("--key: no file at \(key).") }
            let configuration = WitnessConfiguration(
                host: host, port: port, key: secret, logKey: logKey, origin: origin,
                statePath: state ?? key + ".state.json")
            let app = try WitnessServer.build(configuration, logger: Logger(label: "silkbridge.witness"))
            try await app.runService()
        }
    }
}
