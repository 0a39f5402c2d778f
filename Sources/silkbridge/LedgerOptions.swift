import ArgumentParser
import Configuration
import Foundation
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeServer
import TrustLedger

/// The trust ledger's settings for `serve`: key, origin, witnesses and policy.
struct LedgerOptions: ParsableArguments {
    @Option(help: "The ledger's origin, also its key name (env SILKBRIDGE_LEDGER_ORIGIN).")
    var ledgerOrigin: String?

    @Option(help: "The ledger's private key file; generated on first start (env SILKBRIDGE_LEDGER_KEY_FILE).")
    var ledgerKeyFile: String?

    @Option(
        help: ArgumentHelp(
            "A witness as '<eu|cn> <url> <cosignature verifier key>'; repeat for several.",
            discussion: "Env SILKBRIDGE_LEDGER_WITNESSES: the same, one witness a line or separated by ';'."))
    var witness: [String] = []

    @Option(help: "Cosignatures required per side, e.g. eu:1,cn:1 (env SILKBRIDGE_LEDGER_WITNESS_POLICY).")
    var witnessPolicy: String?

    func configuration(_ config: ConfigReader) throws -> LedgerConfiguration {
        let lines =
            witness.isEmpty
            ? (config.string(forKey: "silkbridge.ledger.witnesses") ?? "")
                .split(whereSeparator: { $0 == "\n" || $0 == ";" }).map(String.init)
            : witness
        return LedgerConfiguration(
            origin: ledgerOrigin ?? config.string(forKey: "silkbridge.ledger.origin"),
            keyFile: ledgerKeyFile ?? config.string(forKey: "silkbridge.ledger.key.file"),
            witnesses: try lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(Self.witness),
            policy: witnessPolicy ?? config.string(forKey: "silkbridge.ledger.witness.policy"))
    }

    static func witness(_ line: String) throws -> LedgerWitness {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3, let side = Side(rawValue: parts[0]),
            parts[1].hasPrefix("http://") || parts[1].hasPrefix("https://")
        else {
            throw ValidationError("--witness must be '<eu|cn> <http(s) url> <verifier key>', not '\(line)'.")
        }
        let verifier: CosignatureVerifier
        do {
            verifier = try CosignatureVerifier(verifierKey: parts[2])
        } catch {
            throw ValidationError("--witness: '\(parts[2])' is not a cosignature/v1 verifier key (\(error)).")
        }
        return LedgerWitness(side: side, verifier: verifier, client: HTTPWitnessClient(url: parts[1]), url: parts[1])
    }
}
