import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Webhooks, their deliveries and tries in the SQL database.
struct SQLWebhookRepository: WebhookRepository {
    let database: any Database

    func insert(_ webhook: Webhook, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await WebhookRecord(webhook).create(on: database)
            try await AuditRecord(audit).create(on: database)
        }
    }

    func delete(_ webhookId: UUID, audit: AuditEvent) async throws {
        try await database.transaction { database in
            let deliveries = try await WebhookDeliveryRecord.query(on: database).filter(\.$webhookId == webhookId)
                .all().compactMap(\.id)
            if !deliveries.isEmpty {
                try await WebhookAttemptRecord.query(on: database).filter(\.$deliveryId ~~ deliveries).delete()
            }
            try await WebhookDeliveryRecord.query(on: database).filter(\.$webhookId == webhookId).delete()
            try await WebhookRecord.query(on: database).filter(\.$id == webhookId).delete()
            try await AuditRecord(audit).create(on: database)
        }
    }

    func webhooks(of organizationId: UUID) async throws -> [Webhook] {
        try await WebhookRecord.query(on: database).filter(\.$organizationId == organizationId)
            .sort(\.$createdAt).sort(\.$id).all().map { try $0.webhook }
    }

    func webhook(id: UUID, of organizationId: UUID) async throws -> Webhook? {
        try await WebhookRecord.query(on: database).filter(\.$id == id).filter(\.$organizationId == organizationId)
            .first()?.webhook
    }

    func deliveries(of webhookId: UUID, limit: Int) async throws -> [WebhookDelivery] {
        let records = try await WebhookDeliveryRecord.query(on: database).filter(\.$webhookId == webhookId)
            .sort(\.$createdAt, .descending).sort(\.$id).limit(limit).all()
        return try await withAttempts(records)
    }

    func dueDeliveries(at now: Date, limit: Int) async throws -> [(WebhookDelivery, Webhook)] {
        let records = try await WebhookDeliveryRecord.query(on: database)
            .filter(\.$state == DeliveryState.pending.rawValue)
            .filter(\.$nextAttemptAt <= AuditRecord.micros(now))
            .sort(\.$nextAttemptAt).sort(\.$id).limit(limit).all()
        guard !records.isEmpty else { return [] }
        let webhooks = try await WebhookRecord.query(on: database)
            .filter(\.$id ~~ Array(Set(records.map(\.webhookId)))).all()
        let byId = Dictionary(
            try webhooks.map { ($0.id!, try $0.webhook) }, uniquingKeysWith: { first, _ in first })
        return try await withAttempts(records).compactMap { delivery in
            byId[delivery.webhookId].map { (delivery, $0) }
        }
    }

    func claim(_ delivery: WebhookDelivery, until lease: Date) async throws -> Bool {
        guard let current = delivery.nextAttemptAt else { return false }
        return try await LeaseClaim.take(
            WebhookDeliveryRecord.schema, id: delivery.id, state: DeliveryState.pending.rawValue,
            nextAttemptAt: current, until: lease, on: database as! any SQLDatabase)
    }

    func record(_ attempt: DeliveryAttempt, of delivery: WebhookDelivery) async throws {
        try await database.transaction { database in
            try await WebhookAttemptRecord(attempt, deliveryId: delivery.id).create(on: database)
            guard let record = try await WebhookDeliveryRecord.find(delivery.id, on: database) else { return }
            record.apply(delivery)
            try await record.update(on: database)
        }
    }

    func withAttempts(_ records: [WebhookDeliveryRecord]) async throws -> [WebhookDelivery] {
        guard !records.isEmpty else { return [] }
        let attempts = try await WebhookAttemptRecord.query(on: database)
            .filter(\.$deliveryId ~~ records.compactMap(\.id)).sort(\.$at).sort(\.$id).all()
        let grouped = Dictionary(grouping: attempts, by: \.deliveryId)
        return records.compactMap { $0.delivery(attempts: grouped[$0.id!, default: []].map(\.attempt)) }
    }
}
