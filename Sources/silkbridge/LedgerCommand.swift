import ArgumentParser
import Configuration
import Foundation
import Logging
import SilkbridgeLedgerClient
import SilkbridgeServer
import TrustLedger

struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Check a Silkbridge trust ledger from outside, trusting nothing it says, or in its own database.",
        subcommands: [Verify.self, Prove.self, Check.self])

    /// How the client decides whom to trust: keys given on the command line, else those pinned on first use.
    struct TrustOptions: ParsableArguments {
        @Option(help: "The server's base URL, e.g. http://127.0.0.1:8080.") var url: String
        @Option(help: "The log's verifier key (default: pinned from the server on first use).") var logKey: String?
        @Option(help: "Cosignatures required per side, e.g. eu:1,cn:1 (default: the server's policy).")
        var witnessPolicy: String?
        @Option(help: "A witness as '<side> <cosignature verifier key>'; repeat (default: the server's list).")
        var witnessKey: [String] = []

        func verifier(pinned: LedgerAudit.State?) async throws -> (LedgerVerifier, LedgerAudit.State?) {
            let ledger = RemoteLedger(url: url)
            let description = try await ledger.description()
            let logKeyText = logKey ?? pinned?.logKey ?? description.verifierKey
            if let pinned, logKey == nil, pinned.logKey != description.verifierKey {
                print("warning: the server now names log key \(description.verifierKey), not the pinned one")
            }
            let keyLines =
                witnessKey.isEmpty ? description.witnesses.map { "\($0.side) \($0.verifierKey)" } : witnessKey
            let verifier = try TrustAnchors.verifier(
                logKey: logKeyText, policy: witnessPolicy ?? description.policy, witnessKeys: keyLines,
                origin: description.origin)
            return (verifier, pinned)
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch the checkpoint and every tile, rebuild the tree, and check it extends the last "
                + "checkpoint this client saw.")

        @OptionGroup var trust: TrustOptions
        @Option(help: "Where the last checkpoint seen is kept (default: ~/.silkbridge/ledger-<host>.json).")
        var state: String?

        func run() async throws {
            let statePath = state ?? Self.defaultState(for: trust.url)
            let pinned = try? JSONDecoder().decode(
                LedgerAudit.State.self, from: Data(contentsOf: URL(fileURLWithPath: statePath)))
            let (verifier, _) = try await trust.verifier(pinned: pinned)
            guard let logVerifier = verifier.logVerifier as? Ed25519NoteVerifier else { throw ExitCode.failure }
            let audit = LedgerAudit(
                ledger: RemoteLedger(url: trust.url), logVerifier: logVerifier, policy: verifier.policy,
                origin: verifier.origin)
            let (steps, newState) = try await audit.run(previous: pinned)
            steps.forEach { print($0) }
            guard let newState else {
                print("FAILED: the ledger at \(trust.url) does not verify")
                throw ExitCode.failure
            }
            let folder = URL(fileURLWithPath: statePath).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(newState).write(to: URL(fileURLWithPath: statePath), options: .atomic)
            print("OK: \(newState.size) entries verified; checkpoint remembered in \(statePath)")
        }

        static func defaultState(for url: String) -> String {
            let host = URL(string: url).map { "\($0.host ?? "ledger")-\($0.port ?? 0)" } ?? "ledger"
            return FileManager.default.homeDirectoryForCurrentUser
                .appendingPathComponent(".silkbridge/ledger-\(host).json").path
        }
    }

    struct Prove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an offline proof (c2sp.org/tlog-proof style) that entry N is in the ledger, and check it.")

        @OptionGroup var trust: TrustOptions
        @Option(help: "The entry's index.") var index: UInt64

        func run() async throws {
            let (verifier, _) = try await trust.verifier(pinned: nil)
            let bundle = try await LedgerProofBundle.fetch(index: index, from: RemoteLedger(url: trust.url))
            print("entry \(bundle.entry.base64EncodedString())")
            if let text = String(data: bundle.entry, encoding: .utf8) { print("# \(text)") }
            print(bundle.text)
            let report = bundle.verify(with: verifier)
            report.reasons.forEach { print($0) }
            guard report.isValid else { throw ExitCode.failure }
        }
    }
}
