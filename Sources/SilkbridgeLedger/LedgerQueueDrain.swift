import Logging
import SilkbridgeStorage
import TrustLedger

/// While this process sequences, hands the submissions other processes queued to its sequencer, each once.
package actor LedgerQueueDrain {
    private let queue: SQLLedgerQueue
    private let sequencer: Sequencer
    private let logger: Logger
    // Submissions handed to the sequencer and not yet stored. One withdrawn at its deadline is handed over again;
    // one that failed otherwise stays here: the sequencer has halted or stopped, and the next one picks it up from
    // the queue.
    private var inFlight: Set<Int64> = []
    // Stored submissions, by the number of queue reads started before they were stored: a read started earlier may
    // still list them as waiting, one started later cannot.
    private var stored: [Int64: Int] = [:]
    private var reads = 0

    package init(queue: SQLLedgerQueue, sequencer: Sequencer, logger: Logger) {
        self.queue = queue
        self.sequencer = sequencer
        self.logger = logger
    }

    /// Polls the queue until cancelled, backing off while it is empty.
    package func run() async {
        let backOff = BackOff(from: .milliseconds(2), to: .milliseconds(100))
        var pause = backOff.first
        while !Task.isCancelled {
            do {
                let handed = try await handOver()
                pause = handed ? backOff.first : backOff.next(after: pause)
            } catch {
                logger.error("cannot read the ledger queue", metadata: ["error": "\(error)"])
                pause = backOff.last
            }
            try? await Task.sleep(for: pause)
        }
    }

    /// Hands the waiting submissions not yet handed over to the sequencer; true if there were any.
    private func handOver() async throws -> Bool {
        let read = reads
        reads += 1
        let submissions = try await queue.waiting(limit: 1000).filter {
            !inFlight.contains($0.id) && stored[$0.id] == nil
        }
        stored = stored.filter { $0.value > read }
        for submission in submissions {
            inFlight.insert(submission.id)
            Task { await self.append(submission) }
        }
        return !submissions.isEmpty
    }

    private func append(_ submission: SQLLedgerQueue.Submission) async {
        do {
            _ = try await sequencer.append(submission.entry, submissionID: submission.id)
            inFlight.remove(submission.id)
            stored[submission.id] = reads
        } catch SequencerError.timedOut {
            inFlight.remove(submission.id)
        } catch {
            logger.error(
                "a queued ledger entry was not appended",
                metadata: ["submission": "\(submission.id)", "error": "\(error)"])
        }
    }
}
