import Foundation
import Logging
import SilkbridgeStorage
import TrustLedger

/// Appends to the ledger. The process holding the sequencer lease appends through its sequencer and drains the
/// queue; on PostgreSQL every other process queues its entries and waits for their indices, so that two processes
/// never sign two different trees and yet every process accepts appends.
package actor LedgerAppender {
    private let database: SilkbridgeDatabase
    private let makeSequencer: @Sendable () -> Sequencer
    private let logger: Logger
    /// How long a queued entry waits before this process tries to take the lease itself, in case the sequencer
    /// died.
    private let takeOverAfter: Duration
    /// How long an append waits for its index, through the sequencer or the queue.
    private let appendTimeout: Duration
    private var lease: SequencerLease?
    private var sequencer: Sequencer?
    private var drain: Task<Void, Never>?

    package init(
        database: SilkbridgeDatabase, logger: Logger, takeOverAfter: Duration = .seconds(1),
        appendTimeout: Duration, makeSequencer: @escaping @Sendable () -> Sequencer
    ) {
        self.database = database
        self.logger = logger
        self.takeOverAfter = takeOverAfter
        self.appendTimeout = appendTimeout
        self.makeSequencer = makeSequencer
    }

    package var isSequencing: Bool {
        sequencer != nil
    }

    /// The sequencer's health, or nil when another process sequences.
    package var health: SequencerHealth? {
        get async { await sequencer?.health }
    }

    /// Takes the lease if it is free and starts the sequencer, whose start-up check refuses a damaged log, then
    /// drains the queue.
    @discardableResult
    package func tryToSequence() async throws -> Bool {
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
        if let queue = database.ledgerQueue {
            let drain = LedgerQueueDrain(queue: queue, sequencer: sequencer, logger: logger)
            self.drain = Task { await drain.run() }
        }
        return true
    }

    package func append(_ entry: Data) async throws -> UInt64 {
        if let sequencer { return try await append(entry, through: sequencer) }
        guard let queue = database.ledgerQueue else { throw LedgerError.notSequencing }
        guard entry.count <= EntryBundle.maxEntrySize else { throw SequencerError.entryTooLarge(entry.count) }
        let id = try await queue.submit(entry)
        guard let index = try await waitForIndex(of: id, in: queue, until: .now + appendTimeout) else {
            throw LedgerQueueError.submissionNotWaiting([id])
        }
        try await queue.remove(id)
        return index
    }

    /// The index of an entry in the log or, once it is stored, of one waiting in the queue. The queue is read
    /// first: a submission stored in between is then found in the log.
    package func index(of entry: Data) async throws -> UInt64? {
        if let queue = database.ledgerQueue, let id = try await queue.submission(of: entry),
            let index = try await waitForIndex(of: id, in: queue, until: .now + appendTimeout)
        {
            return index
        }
        return try await database.ledger.index(of: entry)
    }

    private func append(_ entry: Data, through sequencer: Sequencer) async throws -> UInt64 {
        do {
            return try await sequencer.append(entry)
        } catch let error as SequencerError {
            switch error {
            case .halted(let reason):
                logger.critical("the ledger halted", metadata: ["reason": "\(reason)"])
                throw LedgerError.halted(reason: reason)
            case .timedOut:
                logger.warning("a ledger entry waited past its deadline and was withdrawn")
                throw LedgerError.timedOut
            case .unconfirmed:
                logger.warning("a ledger entry's batch was still being stored at its deadline")
                throw LedgerError.unconfirmed
            case .stopped, .notStarted: throw LedgerError.notSequencing
            case .alreadyStarted, .integrityCheckFailed, .entryTooLarge: throw error
            }
        }
    }

    /// Polls until the sequencer has stored the submission, nil if its submitter removed it meanwhile. If the wait
    /// drags on, this process tries to take the lease, and once it sequences, its own drain stores the submission.
    /// Cancelling the wait, or its deadline, leaves the entry queued: it is appended all the same.
    private func waitForIndex(of id: Int64, in queue: SQLLedgerQueue, until deadline: ContinuousClock.Instant)
        async throws -> UInt64?
    {
        let backOff = BackOff(from: .milliseconds(2), to: .milliseconds(50))
        var pause = backOff.first
        var lastAttempt = ContinuousClock.now
        while true {
            switch try await queue.state(of: id) {
            case .stored(let index): return index
            case .removed: return nil
            case .waiting: break
            }
            guard ContinuousClock.now < deadline else { throw LedgerError.unconfirmed }
            if sequencer == nil, ContinuousClock.now - lastAttempt >= takeOverAfter {
                lastAttempt = .now
                do {
                    try await tryToSequence()
                } catch {
                    logger.error("cannot take over sequencing the ledger", metadata: ["error": "\(error)"])
                }
            }
            try await Task.sleep(for: pause)
            pause = backOff.next(after: pause)
        }
    }

    package func stop() async {
        drain?.cancel()
        drain = nil
        await sequencer?.stop()
        sequencer = nil
        await lease?.release()
        lease = nil
    }
}
