import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Agreements and signatory roles in the SQL database, each change stored with its audit events.
struct SQLAgreementRepository: AgreementRepository {
    let database: any Database

    func insert(_ agreement: Agreement, audit: [AuditEvent]) async throws {
        try await database.transaction { database in
            try await AgreementRecord(agreement).create(on: database)
            for party in agreement.parties {
                try await AgreementPartyRecord(agreementId: agreement.id, organizationId: party.organizationId)
                    .create(on: database)
            }
            for event in audit { try await AuditRecord(event).create(on: database) }
        }
    }

    func update(_ agreement: Agreement, audit: [AuditEvent], notices: [Notice]) async throws -> Bool {
        try await database.transaction { database in
            // Compare-and-set on the revision, writing before any read so SQLite never upgrades a read snapshot.
            let sql = database as! any SQLDatabase
            let updated = try await sql.update(AgreementRecord.schema)
                .set("state", to: agreement.state.rawValue)
                .set("revision", to: Int64(agreement.revision))
                .set("updated_at", to: agreement.updatedAt)
                .set("document", to: try AgreementRecord.encode(agreement))
                .where("id", .equal, agreement.id)
                .where("revision", .equal, Int64(agreement.revision - 1))
                .returning("id")
                .all()
            guard !updated.isEmpty else { return false }
            for event in audit { try await AuditRecord(event).create(on: database) }
            try await WebhookDeliveryRecord.store(notices, on: database)
            return true
        }
    }

    func agreement(id: UUID) async throws -> Agreement? {
        try await AgreementRecord.find(id, on: database)?.agreement
    }

    func agreements(involving organizations: Set<UUID>) async throws -> [Agreement] {
        let ids = try await AgreementPartyRecord.query(on: database)
            .filter(\.$organizationId ~~ Array(organizations)).all().map(\.agreementId)
        guard !ids.isEmpty else { return [] }
        return try await AgreementRecord.query(on: database).filter(\.$id ~~ Array(Set(ids)))
            .sort(\.$updatedAt, .descending).sort(\.$id).all().map { try $0.agreement }
    }

    func agreements(in states: Set<AgreementStatus>) async throws -> [Agreement] {
        try await AgreementRecord.query(on: database).filter(\.$state ~~ states.map(\.rawValue))
            .sort(\.$updatedAt, .descending).sort(\.$id).all().map { try $0.agreement }
    }

    func signatories(of organizationId: UUID) async throws -> Set<UUID> {
        Set(
            try await SignatoryRecord.query(on: database).filter(\.$organizationId == organizationId).all()
                .map(\.accountId))
    }

    func setSignatory(_ accountId: UUID, of organizationId: UUID, granted: Bool, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await SignatoryRecord.query(on: database).filter(\.$organizationId == organizationId)
                .filter(\.$accountId == accountId).delete()
            if granted {
                try await SignatoryRecord(organizationId: organizationId, accountId: accountId).create(on: database)
            }
            try await AuditRecord(audit).create(on: database)
        }
    }
}
