import Foundation
import Hummingbird
import SilkbridgeCore
import SilkbridgeStorage
import TrustLedger

/// Two witnesses for `serve --demo`, one for each side, each with its own key and state file in the data folder,
/// so a new user sees cosigned checkpoints at once. They run in the server process and also answer over HTTP at
/// `/demo-witnesses/<side>/add-checkpoint`; real deployments run `silkbridge witness serve` elsewhere.
package struct DemoWitnesses {
    package let witnesses: [(side: Side, witness: Witness)]

    /// Witnesses of the log signed by `logSigner`, whose key the configuration keeps in its key file.
    package init(ledger: LedgerConfiguration, database: DatabaseLocation, logSigner: Ed25519NoteSigner) throws {
        // Beside the log's key and named after it: `ledger.key` → `ledger-demo-witnesses/`.
        let folder = URL(
            fileURLWithPath: URL(fileURLWithPath: LedgerKey.keyFile(ledger, database: database))
                .deletingPathExtension().path + "-demo-witnesses")
        witnesses = try [Side.europe, Side.china].map { side in
            let keyPath = folder.appendingPathComponent("\(side.rawValue).key").path
            let key: String
            if let stored = try SecretFile.read(keyPath) {
                key = stored
            } else {
                key = try CosignatureSigner.generate(name: "silkbridge.localhost/demo-witness-\(side.rawValue)")
                    .privateKeyString
                try SecretFile.create(keyPath, text: key)
            }
            let configuration = WitnessConfiguration(
                key: key, logKey: logSigner.verifier.verifierKey, origin: logSigner.name,
                statePath: folder.appendingPathComponent("\(side.rawValue).state.json").path)
            return (side, try WitnessServer.witness(configuration))
        }
    }

    package static func path(_ side: Side) -> String { "/demo-witnesses/\(side.rawValue)" }

    package var ledgerWitnesses: [LedgerWitness] {
        witnesses.map {
            LedgerWitness(
                side: $0.side, verifier: $0.witness.cosigner.verifier, client: LocalWitnessClient(witness: $0.witness),
                url: Self.path($0.side))
        }
    }

    package func addRoutes<Context: RequestContext>(to router: some RouterMethods<Context>) {
        for (side, witness) in witnesses {
            WitnessServer.addRoutes(for: witness, to: router, under: Self.path(side))
        }
    }
}
