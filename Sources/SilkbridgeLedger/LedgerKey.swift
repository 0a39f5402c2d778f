import Foundation
import Logging
import SilkbridgeStorage
import TrustLedger

/// The log's signing key: given by configuration, or read from the key file, or generated into it on first start.
package enum LedgerKey {
    package struct Mismatch: Error, CustomStringConvertible {
        package let description: String
    }

    package static func load(_ configuration: LedgerConfiguration, database: DatabaseLocation, logger: Logger) throws
        -> Ed25519NoteSigner
    {
        let signer: Ed25519NoteSigner
        if let text = configuration.signingKey {
            signer = try Ed25519NoteSigner(privateKeyString: text)
        } else {
            let path = keyFile(configuration, database: database)
            if let text = try SecretFile.read(path) {
                signer = try Ed25519NoteSigner(privateKeyString: text)
            } else {
                signer = try Ed25519NoteSigner.generate(
                    name: configuration.origin ?? LedgerConfiguration.defaultOrigin)
                try SecretFile.create(path, text: signer.privateKeyString)
                logger.notice("generated the ledger signing key", metadata: ["file": "\(path)"])
            }
        }
        // The key's name is the origin, so a changed origin would orphan every checkpoint already published.
        if let origin = configuration.origin, origin != signer.name {
            throw Mismatch(
                description: "the ledger key is named \(signer.name) but the configured origin is \(origin)")
        }
        return signer
    }

    package static func keyFile(_ configuration: LedgerConfiguration, database: DatabaseLocation) -> String {
        if let path = configuration.keyFile { return path }
        switch database {
        case .sqlite(let path):
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("ledger.key").path
        case .postgres:
            return "silkbridge-data/ledger.key"
        }
    }
}
