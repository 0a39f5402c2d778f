import Foundation
import Logging
import ServiceLifecycle

/// A background job that sends notices now and then: expiry reminders, alerts on new partners. Every process
/// runs it; the storage lets only one of them send each notice, so nothing is told twice.
struct NoticeJob: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let send: @Sendable () async throws -> Int

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let sent = try await send()
                    if sent > 0 { logger.info("sent \(name)", metadata: ["count": "\(sent)"]) }
                } catch {
                    logger.error("\(name) failed: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
