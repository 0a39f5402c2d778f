import Foundation
import Logging
import ServiceLifecycle
import SilkbridgeCore

/// The background job of opportunity expiry. Expiry itself needs no job (a publication past its date reads as
/// expired), but the notice two weeks before does; every process runs this, and the storage lets only one of
/// them tell of each expiry.
struct ExpiryNoticeService: Service {
    let exchange: ExchangeService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let sent = try await exchange.sendExpiryNotices(now: Date())
                    if sent > 0 { logger.info("sent expiry notices", metadata: ["count": "\(sent)"]) }
                } catch {
                    logger.error("expiry notices failed: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
