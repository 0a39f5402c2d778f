import FluentKit
import Foundation
import SilkbridgeCore

/// Organisation keys in the SQL database, each change stored with its audit event.
struct SQLOrganizationKeyRepository: OrganizationKeyRepository {
    let database: any Database

    func insert(_ key: OrganizationKey, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await OrganizationKeyRecord(key).create(on: database)
            try await AuditRecord(audit).create(on: database)
        }
    }

    func keys(of organizationId: UUID) async throws -> [OrganizationKey] {
        try await OrganizationKeyRecord.query(on: database).filter(\.$organizationId == organizationId)
            .sort(\.$createdAt).sort(\.$id).all().map(\.key)
    }

    func key(id: UUID, of organizationId: UUID) async throws -> OrganizationKey? {
        try await OrganizationKeyRecord.query(on: database).filter(\.$id == id)
            .filter(\.$organizationId == organizationId).first()?.key
    }

    func markRevoked(_ key: OrganizationKey, audit: AuditEvent) async throws {
        // Writes first, without reading: on SQLite a transaction that reads before writing can lose its snapshot.
        try await database.transaction { database in
            try await OrganizationKeyRecord.query(on: database).filter(\.$id == key.id)
                .set(\.$revokedAt, to: key.revokedAt)
                .set(\.$revocationIndex, to: key.revocationIndex.map(Int64.init))
                .update()
            try await AuditRecord(audit).create(on: database)
        }
    }
}
