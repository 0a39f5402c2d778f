import FluentKit
import Foundation
import SilkbridgeCore

/// Organisation keys in the SQL database, each change stored with its audit event.
struct SQLOrganizationKeyRepository: OrganizationKeyRepository {
    let database: any Database

    func insertPending(_ registration: PendingKeyRegistration, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await OrganizationKeyRecord(registration).create(on: database)
            try await AuditRecord(audit).create(on: database)
        }
    }

    func recordRegistration(of keyId: UUID, at index: UInt64) async throws {
        try await OrganizationKeyRecord.query(on: database).filter(\.$id == keyId)
            .set(\.$registrationIndex, to: Int64(index))
            .set(\.$registrationEntry, to: nil)
            .update()
    }

    func pendingRegistrations(of organizationId: UUID?) async throws -> [PendingKeyRegistration] {
        let query = OrganizationKeyRecord.query(on: database).filter(\.$registrationEntry != nil)
        if let organizationId { query.filter(\.$organizationId == organizationId) }
        return try await query.sort(\.$createdAt).all().compactMap(\.pending)
    }

    func keys(of organizationId: UUID) async throws -> [OrganizationKey] {
        try await OrganizationKeyRecord.query(on: database).filter(\.$organizationId == organizationId)
            .filter(\.$registrationEntry == nil)
            .sort(\.$createdAt).sort(\.$id).all().map(\.key)
    }

    func key(id: UUID, of organizationId: UUID) async throws -> OrganizationKey? {
        try await OrganizationKeyRecord.query(on: database).filter(\.$id == id)
            .filter(\.$organizationId == organizationId).filter(\.$registrationEntry == nil).first()?.key
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
