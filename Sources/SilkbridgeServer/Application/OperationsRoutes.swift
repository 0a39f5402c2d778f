import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat
import Prometheus
import SilkbridgeLedger
import SilkbridgeStorage
import TrustLedger

/// What operators and client generators read: health, metrics and the API contract.
struct OperationsRoutes {
    let database: SilkbridgeDatabase
    let ledger: LedgerHost
    let metrics: PrometheusCollectorRegistry
    let openAPIDocument: Data

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        // 200 while the database answers, the ledger takes entries (also while it retries a batch) and its last
        // full check found it whole; the body says how the ledger is doing, and why it halted or what is damaged.
        router.get("/healthz") { _, context in
            let health = await ledger.appender.health
            let ledgerLine = ledger.healthLine(health)
            do {
                try await database.ping()
            } catch {
                context.logger.error("health check failed", metadata: ["error": "\(error)"])
                return Self.health(.serviceUnavailable, "database unavailable\n\(ledgerLine)\n")
            }
            if case .halted? = health {
                return Self.health(.serviceUnavailable, "\(ledgerLine)\n")
            }
            if let finding = await ledger.integrity.last, !finding.problems.isEmpty {
                let problems = finding.problems.map { "  \($0)" }.joined(separator: "\n")
                return Self.health(
                    .serviceUnavailable,
                    "\(ledgerLine)\nledger integrity: damaged, withheld until repaired:\n\(problems)\n")
            }
            return Self.health(.ok, "ok\n\(ledgerLine)\n")
        }
        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            metrics.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        router.get(RouterPath(SitePaths.openAPI)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(data: openAPIDocument)))
        }
    }

    private static func health(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
