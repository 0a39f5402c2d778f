import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Notices and reading positions in the SQL database.
struct SQLInboxRepository: InboxRepository {
    let database: any Database

    func add(_ notices: [Notice]) async throws {
        try await database.transaction { database in
            try await WebhookDeliveryRecord.store(notices, on: database)
        }
    }

    func notices(for organizations: Set<UUID>, limit: Int) async throws -> [Notice] {
        try await NoticeRecord.query(on: database).filter(\.$organizationId ~~ Array(organizations))
            .sort(\.$at, .descending).sort(\.$id, .descending).limit(limit).all().compactMap(\.notice)
    }

    func count(for organizations: Set<UUID>, after: Date?) async throws -> Int {
        let query = NoticeRecord.query(on: database).filter(\.$organizationId ~~ Array(organizations))
        if let after { query.filter(\.$at > AuditRecord.micros(after)) }
        return try await query.count()
    }

    func add(_ notice: Notice, once occasion: String) async throws -> Bool {
        try await database.transaction { database in
            let claimed = try await (database as! any SQLDatabase).insert(into: "reminders")
                .columns("occasion", "at").values(SQLBind(occasion), SQLBind(AuditRecord.micros(notice.at)))
                .ignoringConflicts().returning("occasion").all()
            guard !claimed.isEmpty else { return false }
            try await WebhookDeliveryRecord.store([notice], on: database)
            return true
        }
    }

    func readUntil(accountId: UUID) async throws -> Date? {
        try await InboxReadRecord.find(accountId, on: database).map { OpportunityRecord.date($0.readUntil) }
    }

    func markRead(accountId: UUID, until: Date) async throws {
        let micros = AuditRecord.micros(until)
        try await database.transaction { database in
            if let record = try await InboxReadRecord.find(accountId, on: database) {
                record.readUntil = max(record.readUntil, micros)
                try await record.update(on: database)
            } else {
                try await InboxReadRecord(accountId: accountId, readUntil: micros).create(on: database)
            }
        }
    }
}
