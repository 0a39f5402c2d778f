import Logging
import ServiceLifecycle

/// Runs beside the web server: a process that does not sequence keeps trying to take over, so the ledger goes
/// on when the sequencing process stops; on shutdown the lease is given back.
package struct LedgerService: Service {
    let appender: LedgerAppender
    let logger: Logger
    /// Whether the server's start-up work succeeded, once it has ended: the first take-over is part of it.
    let startedUp: @Sendable () async -> Bool
    var retryInterval: Duration = .seconds(2)

    package init(appender: LedgerAppender, logger: Logger, startedUp: @escaping @Sendable () async -> Bool) {
        self.appender = appender
        self.logger = logger
        self.startedUp = startedUp
    }

    package func run() async throws {
        guard await startedUp() else {
            // The start-up may have taken the lease before a later step failed.
            await appender.stop()
            return
        }
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
