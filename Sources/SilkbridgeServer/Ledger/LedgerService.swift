import Logging
import ServiceLifecycle

/// Runs beside the web server: a process that does not sequence keeps trying to take over, so the ledger goes
/// on when the sequencing process stops; on shutdown the lease is given back.
struct LedgerService: Service {
    let appender: LedgerAppender
    let logger: Logger
    var retryInterval: Duration = .seconds(2)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if await !appender.isSequencing {
                    do {
                        try await appender.tryToSequence()
                    } catch {
                        logger.error("cannot take over sequencing the ledger", metadata: ["error": "\(error)"])
                    }
                }
                try await Task.sleep(for: retryInterval)
            }
        }
        await appender.stop()
    }
}
