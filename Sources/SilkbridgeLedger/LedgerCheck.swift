import Foundation
import Logging
import SilkbridgeStorage
import TrustLedger

/// The full integrity check of the ledger in a database, for `silkbridge ledger check`: every entry, tile and
/// bundle against the checkpoint, where start-up reads only the right edge of the tree.
public enum LedgerCheck {
    public static func run(_ configuration: LedgerConfiguration, database location: DatabaseLocation, logger: Logger)
        async throws -> IntegrityReport
    {
        let signer = try LedgerKey.load(configuration, database: location, logger: logger)
        let database = try SilkbridgeDatabase(location: location, logger: logger)
        do {
            let report = try await LedgerIntegrityChecker(
                storage: database.ledger, logVerifier: signer.verifier, origin: signer.name
            ).check()
            await database.shutdown()
            return report
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
