import ArgumentParser
import Foundation
import SilkbridgeLedger
import SilkbridgeServer
import TrustLedger

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage signing keys on this computer; private keys never leave it.",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an Ed25519 key pair: the private key goes into a file only you can read (0600), the "
                + "verifier key is printed for registering with an organisation or configuring a witness.")

        @Option(help: "The key name, e.g. example.eu/signing-2026 (no spaces or +).") var name: String
        @Option(help: "Where to write the private key (default: <name with / as _>.key).") var out: String?
        @Flag(help: "Make a witness cosigning key (tlog-cosignature/v1) instead of a signing key.") var witness = false

        func run() throws {
            let path = out ?? name.replacingOccurrences(of: "/", with: "_") + ".key"
            let (secret, verifierKey): (String, String)
            do {
                if witness {
                    let signer = try CosignatureSigner.generate(name: name)
                    (secret, verifierKey) = (signer.privateKeyString, signer.verifier.verifierKey)
                } else {
                    let signer = try Ed25519NoteSigner.generate(name: name)
                    (secret, verifierKey) = (signer.privateKeyString, signer.verifier.verifierKey)
                }
            } catch {
                throw ValidationError("--name '\(name)' is not a valid key name: no spaces, no +, not empty.")
            }
            try SecretFile.create(path, text: secret)
            FileHandle.standardError.write(Data("Private key written to \(path) (mode 0600); keep it secret.\n".utf8))
            print(verifierKey)
        }
    }
}
