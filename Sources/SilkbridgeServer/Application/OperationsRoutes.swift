import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat
import Prometheus
import SilkbridgeStorage

/// What operators and client generators read: health, metrics and the API contract.
struct OperationsRoutes {
    let database: SilkbridgeDatabase
    let metrics: PrometheusCollectorRegistry
    let openAPIDocument: Data

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/healthz") { _, context in
            do {
                try await database.ping()
                return Response(
                    status: .ok, headers: [.contentType: "text/plain"],
                    body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
            } catch {
                context.logger.error("health check failed", metadata: ["error": "\(error)"])
                return Response(
                    status: .serviceUnavailable, headers: [.contentType: "text/plain"],
                    body: .init(byteBuffer: ByteBuffer(string: "database unavailable\n")))
            }
        }
        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            metrics.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        router.get("/api/v1/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(data: openAPIDocument)))
        }
    }
}
