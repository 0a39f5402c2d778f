import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat
import Prometheus
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeStorage
import TrustLedger

/// What operators and client generators read (health, metrics and the API contract), and what mail programs
/// post to: none of it has a session or cookies.
struct OperationsRoutes {
    let database: SilkbridgeDatabase
    let ledger: LedgerHost
    let metrics: PrometheusCollectorRegistry
    let openAPIDocument: Data
    let notifications: NotificationService

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
                return Self.plainText(.serviceUnavailable, "database unavailable\n\(ledgerLine)\n")
            }
            if case .halted? = health {
                return Self.plainText(.serviceUnavailable, "\(ledgerLine)\n")
            }
            if let finding = await ledger.integrity.last, !finding.problems.isEmpty {
                let problems = finding.problems.map { "  \($0)" }.joined(separator: "\n")
                return Self.plainText(
                    .serviceUnavailable,
                    "\(ledgerLine)\nledger integrity: damaged, withheld until repaired:\n\(problems)\n")
            }
            return Self.plainText(.ok, "ok\n\(ledgerLine)\n")
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
        addUnsubscribeRoute(to: router)
    }

    /// RFC 8058's one-click unsubscribe: a mail program posts `List-Unsubscribe=One-Click` to the link in the
    /// mail's `List-Unsubscribe` header, with no cookies and no page; the key in the link is the credential.
    private func addUnsubscribeRoute(to router: some RouterMethods<AppRequestContext>) {
        router.post(SitePaths.oneClickUnsubscribe) { request, _ in
            let query = request.uri.queryParameters
            let scope = try UnsubscribeScope(parsing: query.get("scope") ?? "")
            try await notifications.unsubscribe(key: query.get("key") ?? "", from: scope)
            return Self.plainText(.ok, "unsubscribed from \(scope.rawValue)\n")
        }
    }

    private static func plainText(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
