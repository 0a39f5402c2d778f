import Foundation
import Logging
import ServiceLifecycle

/// A background job that every process runs now and then: the notices (expiry reminders, alerts on new partners,
/// where the storage lets only one process send each, so nothing is told twice) and the ledger's full check.
struct RepeatingJob: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let work: @Sendable () async throws -> Void

    /// A job that sends notices and says how many it sent.
    static func notices(
        _ name: String, interval: Duration, logger: Logger, send: @escaping @Sendable () async throws -> Int
    ) -> RepeatingJob {
        RepeatingJob(name: name, interval: interval, logger: logger) {
            let sent = try await send()
            if sent > 0 { logger.info("sent \(name)", metadata: ["count": "\(sent)"]) }
        }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await work()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("\(name) failed: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
