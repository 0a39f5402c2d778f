import Foundation
import Logging
import SilkbridgeStorage
import TrustLedger

/// Appends to the ledger while this process holds the sequencer lease; without it, appends are refused so that
/// two processes never sign two different trees.
actor LedgerAppender {
    private let database: SilkbridgeDatabase
    private let makeSequencer: @Sendable () -> Sequencer
    private let logger: Logger
    private var lease: SequencerLease?
    private var sequencer: Sequencer?

    init(database: SilkbridgeDatabase, logger: Logger, makeSequencer: @escaping @Sendable () -> Sequencer) {
        self.database = database
        self.logger = logger
        self.makeSequencer = makeSequencer
    }

    var isSequencing: Bool {
        sequencer != nil
    }

    /// Takes the lease if it is free and starts the sequencer, whose start-up check refuses a damaged log.
    @discardableResult
    func tryToSequence() async throws -> Bool {
        if sequencer != nil { return true }
        guard let lease = try await database.tryAcquireSequencerLease() else { return false }
        let sequencer = makeSequencer()
        do {
            let report = try await sequencer.start()
            logger.notice(
                "sequencing the ledger", metadata: ["size": "\(report.checkpoint?.size ?? 0)"])
        } catch {
            await lease.release()
            throw error
        }
        self.lease = lease
        self.sequencer = sequencer
        return true
    }

    func append(_ entry: Data) async throws -> UInt64 {
        guard let sequencer else { throw LedgerError.notSequencing }
        do {
            return try await sequencer.append(entry)
        } catch let error as SequencerError {
            if case .halted(let reason) = error {
                logger.critical("the ledger halted", metadata: ["reason": "\(reason)"])
                throw LedgerError.halted
            }
            throw error
        }
    }

    func stop() async {
        sequencer = nil
        await lease?.release()
        lease = nil
    }
}
