import FluentKit
import Foundation
import SilkbridgeCore

extension SQLWebhookRepository {
    func replaceSecret(of webhook: Webhook, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await WebhookRecord.query(on: database).filter(\.$id == webhook.id)
                .set(\.$secret, to: webhook.secret).update()
            try await AuditRecord(audit).create(on: database)
        }
    }

    func delivery(id: UUID, of webhookId: UUID) async throws -> WebhookDelivery? {
        let records = try await WebhookDeliveryRecord.query(on: database).filter(\.$id == id)
            .filter(\.$webhookId == webhookId).all()
        return try await withAttempts(records).first
    }

    func insert(_ delivery: WebhookDelivery, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await WebhookDeliveryRecord(delivery).create(on: database)
            try await AuditRecord(audit).create(on: database)
        }
    }
}
