import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ServiceLifecycle
import SilkbridgeCore

/// Runs the webhook deliveries in the background: makes the HTTP client, looks for due deliveries every few
/// seconds, and shuts the client down when the application stops.
public struct WebhookDeliveryService: Service {
    let repository: any WebhookRepository
    let interval: Duration
    let reachesLoopback: Bool
    let logger: Logger

    public init(
        repository: any WebhookRepository, interval: Duration = .seconds(5), reachesLoopback: Bool = false,
        logger: Logger
    ) {
        self.repository = repository
        self.interval = interval
        self.reachesLoopback = reachesLoopback
        self.logger = logger
    }

    public func run() async throws {
        let client = WebhookDeliveryWorker.makeClient()
        let worker = WebhookDeliveryWorker(
            repository: repository, client: client, reachesLoopback: reachesLoopback, logger: logger)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    while try await worker.runDueDeliveries(now: Date()) > 0, !Task.isCancelled {}
                } catch {
                    logger.error("webhook deliveries failed: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
        try await client.shutdown()
    }
}

/// Sends the due webhook deliveries: one signed JSON POST each, never following redirects, to public addresses
/// only (and loopback where the deployment allows it). A failed try is recorded and the delivery waits `WebhookDelivery.retryDelays` before the next.
/// `runDueDeliveries(now:)` does one round, so tests drive the schedule without waiting.
public struct WebhookDeliveryWorker: Sendable {
    let repository: any WebhookRepository
    let client: HTTPClient
    let addressPolicy: WebhookAddressPolicy
    let logger: Logger

    public init(repository: any WebhookRepository, client: HTTPClient, reachesLoopback: Bool, logger: Logger) {
        self.repository = repository
        self.client = client
        self.addressPolicy = WebhookAddressPolicy(allowsLoopback: reachesLoopback)
        self.logger = logger
    }

    /// What the delivery log says of a try that got no HTTP answer. One class for every such failure: telling a
    /// refused connection from a timeout or a TLS error would let a webhook map which ports of a host are open,
    /// and the raw error text names the server's own files.
    static let noAnswer = "no HTTP answer from the receiver (refused, closed, timed out or failed TLS)"

    /// How long a delivery being sent is kept from other processes; longer than any try can take.
    static let lease: TimeInterval = 120

    /// A client that never follows redirects; the caller shuts it down.
    public static func makeClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(10)))
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Tries every delivery due at `now` (at most `limit`); returns how many were tried.
    @discardableResult
    public func runDueDeliveries(now: Date, limit: Int = 20) async throws -> Int {
        let due = try await repository.dueDeliveries(at: now, limit: limit)
        var tried = 0
        for (delivery, webhook) in due {
            guard try await repository.claim(delivery, until: now.addingTimeInterval(Self.lease)) else { continue }
            tried += 1
            let attempt = await send(delivery, to: webhook, now: now)
            try await repository.record(attempt, of: delivery.recording(attempt))
            if !attempt.succeeded {
                logger.info(
                    "webhook delivery \(delivery.id) to \(webhook.url) failed: \(attempt.statusCode.map(String.init) ?? attempt.error ?? "")"
                )
            }
        }
        return tried
    }

    func send(_ delivery: WebhookDelivery, to webhook: Webhook, now: Date) async -> DeliveryAttempt {
        do {
            guard let host = URLComponents(string: webhook.url)?.host else {
                return DeliveryAttempt(at: now, statusCode: nil, error: "the URL has no host")
            }
            try addressPolicy.check(host: host)
            let timestamp = Int(now.timeIntervalSince1970)
            var request = HTTPClientRequest(url: webhook.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "Silkbridge-Webhooks/1")
            request.headers.add(name: "Silkbridge-Event", value: delivery.kind.rawValue)
            request.headers.add(name: "Silkbridge-Delivery", value: delivery.id.uuidString.lowercased())
            request.headers.add(
                name: "Silkbridge-Signature",
                value: WebhookSignature.header(secret: webhook.secret, timestamp: timestamp, body: delivery.body))
            request.body = .bytes(ByteBuffer(data: delivery.body))
            let response = try await client.execute(request, timeout: .seconds(15))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return DeliveryAttempt(at: now, statusCode: Int(response.status.code), error: nil)
        } catch let refusal as WebhookAddressPolicy.Refusal {
            return DeliveryAttempt(at: now, statusCode: nil, error: refusal.description)
        } catch {
            // The operator's log keeps the detail; the webhook's owner reads only the class.
            logger.info("webhook delivery \(delivery.id) got no answer: \(String(reflecting: error))")
            return DeliveryAttempt(at: now, statusCode: nil, error: Self.noAnswer)
        }
    }
}
