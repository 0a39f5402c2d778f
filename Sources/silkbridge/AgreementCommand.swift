import ArgumentParser
import Foundation
import SilkbridgeLedger
import SilkbridgeLedgerClient
import SilkbridgeServer
import TrustLedger

struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "Sign agreements with your own key, and verify them offline.",
        subcommands: [Sign.self, Verify.self])

    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign an agreement open for signature with a private key file; only the signature is sent.")

        @Option(help: "The private key file written by `silkbridge keys generate`.") var key: String
        @Option(help: "The agreement's id.") var agreement: String
        @Option(help: "The server's base URL, e.g. http://127.0.0.1:8080.") var url: String
        @Option(help: "An API token of a signatory (or set SILKBRIDGE_TOKEN).") var token: String?

        func run() async throws {
            guard let secret = try SecretFile.read(key) else { throw ValidationError("--key: no file at \(key)") }
            let signer: Ed25519NoteSigner
            do {
                signer = try Ed25519NoteSigner(privateKeyString: secret)
            } catch {
                throw ValidationError("--key: \(key) does not hold an Ed25519 private key (\(error))")
            }
            guard let token = token ?? ProcessInfo.processInfo.environment["SILKBRIDGE_TOKEN"] else {
                throw ValidationError("--token (or SILKBRIDGE_TOKEN) is required")
            }
            do {
                let receipt = try await RemoteAgreementSigner(url: url, token: token)
                    .sign(agreementId: agreement, with: signer)
                print("signed version \(receipt.version) (sha256 \(receipt.sha256)) for \(receipt.organizationId)")
                print(
                    "logged at ledger index \(receipt.ledgerIndex.map(String.init) ?? "?"); agreement is \(receipt.status)"
                )
            } catch let failure as RemoteAgreementSigner.Failure {
                FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
                throw ExitCode.failure
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify an agreement bundle (GET /api/v1/agreements/ID/bundle) with no network, step by step.")

        @Argument(help: "The bundle file.") var bundle: String
        @Option(help: "The log's verifier key you trust (default: the one in the bundle, with a warning).")
        var logKey: String?
        @Option(help: "Cosignatures required per side, e.g. eu:1,cn:1 (default: the bundle's policy).")
        var witnessPolicy: String?
        @Option(help: "A witness as '<side> <cosignature verifier key>'; repeat (default: the bundle's list).")
        var witnessKey: [String] = []

        func run() throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: bundle))
            } catch {
                throw ValidationError("cannot read \(bundle): \(error.localizedDescription)")
            }
            let parsed: AgreementBundle
            do {
                parsed = try JSONDecoder().decode(AgreementBundle.self, from: data)
            } catch {
                throw ValidationError("\(bundle) is not an agreement bundle (\(error))")
            }
            if logKey == nil { print("warning: trusting the log key named in the bundle; pass --log-key to pin it") }
            let ledger: LedgerVerifier
            do {
                ledger = try TrustAnchors.verifier(
                    logKey: logKey ?? parsed.log.verifierKey, policy: witnessPolicy ?? parsed.log.policy,
                    witnessKeys: witnessKey.isEmpty ? parsed.log.witnessKeys : witnessKey, origin: parsed.log.origin)
            } catch {
                throw ValidationError("the log key or witness policy is not valid: \(error)")
            }
            let steps = AgreementBundleVerifier(ledger: ledger).verify(parsed)
            steps.forEach { print($0) }
            guard !steps.isEmpty, steps.allSatisfy(\.passed) else {
                print("FAILED: the agreement bundle does not verify")
                throw ExitCode.failure
            }
            print("OK: agreement \(parsed.agreementId) (\(parsed.status)) verifies")
        }
    }
}
