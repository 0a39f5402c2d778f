import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Organisations, memberships and the audit trail in the SQL database.
struct SQLDirectoryRepository: DirectoryRepository {
    let database: any Database

    func create(_ organization: Organization, owner: Membership, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await OrganizationRecord(organization).create(on: database)
            try await MembershipRecord(owner).create(on: database)
            try await AuditRecord(audit).create(on: database)
        }
    }

    func update(_ organization: Organization, audit: AuditEvent) async throws {
        try await database.transaction { database in
            guard let record = try await OrganizationRecord.find(organization.id, on: database) else {
                throw DirectoryError.organizationNotFound
            }
            record.apply(organization)
            try await record.update(on: database)
            try await AuditRecord(audit).create(on: database)
        }
    }

    func delete(organizationId: UUID, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await MembershipRecord.query(on: database).filter(\.$organizationId == organizationId).delete()
            try await OrganizationRecord.query(on: database).filter(\.$id == organizationId).delete()
            try await AuditRecord(audit).create(on: database)
        }
    }

    func organization(id: UUID) async throws -> Organization? {
        try await OrganizationRecord.find(id, on: database)?.organization
    }

    func organizations(ids: Set<UUID>) async throws -> [Organization] {
        guard !ids.isEmpty else { return [] }
        return try await OrganizationRecord.query(on: database).filter(\.$id ~~ Array(ids)).all()
            .map { try $0.organization }
    }

    func organizations(matching filter: OrganizationFilter, page: Paging) async throws -> Paged<Organization> {
        let query = OrganizationRecord.query(on: database)
        if let side = filter.side { query.filter(\.$side == side.rawValue) }
        if let country = filter.country { query.filter(\.$country == country.uppercased()) }
        if let type = filter.type { query.filter(\.$type == type.rawValue) }
        if let area = filter.area { query.filter(ContainsFilter.column("areas", contains: ",\(area),")) }
        if let text = filter.query { query.filter(ContainsFilter.column("search_names", contains: text.lowercased())) }
        if let cursor = try page.cursor.map(Cursor.init) {
            query.group(.or) { after in
                after.filter(\.$sortName > cursor.key)
                after.group(.and) { tie in
                    tie.filter(\.$sortName == cursor.key)
                    tie.filter(\.$id > cursor.id)
                }
            }
        }
        let records = try await query.sort(\.$sortName).sort(\.$id).limit(page.limit + 1).all()
        let shown = records.prefix(page.limit)
        let next = records.count > page.limit ? shown.last.map { Cursor(key: $0.sortName, id: $0.id!).encoded } : nil
        return Paged(items: try shown.map { try $0.organization }, nextCursor: next)
    }

    func count() async throws -> Int {
        try await OrganizationRecord.query(on: database).count()
    }

    func members(of organizationId: UUID) async throws -> [Membership] {
        let records = try await MembershipRecord.query(on: database)
            .filter(\.$organizationId == organizationId).sort(\.$createdAt).all()
        let accountIds = records.compactMap(\.accountId)
        let names = Dictionary(
            try await AccountRecord.query(on: database).filter(\.$id ~~ accountIds).all()
                .map { ($0.id!, $0.displayName) },
            uniquingKeysWith: { first, _ in first })
        return try records.map { try $0.membership(displayName: $0.accountId.flatMap { names[$0] }) }
    }

    func membership(of accountId: UUID, in organizationId: UUID) async throws -> Membership? {
        try await MembershipRecord.query(on: database)
            .filter(\.$organizationId == organizationId).filter(\.$accountId == accountId).first()?
            .membership(displayName: nil)
    }

    func memberships(of accountId: UUID) async throws -> [Membership] {
        try await MembershipRecord.query(on: database).filter(\.$accountId == accountId).sort(\.$createdAt).all()
            .map { try $0.membership(displayName: nil) }
    }

    func save(_ membership: Membership, audit: AuditEvent, mail: OutgoingMail?) async throws {
        try await changingMembers(of: membership.organizationId) { database in
            if let record = try await MembershipRecord.find(membership.id, on: database) {
                record.apply(membership)
                try await record.update(on: database)
            } else {
                do {
                    try await MembershipRecord(membership).create(on: database)
                } catch let error as any DatabaseError where error.isConstraintFailure {
                    throw DirectoryError.alreadyMember
                }
            }
            try await AuditRecord(audit).create(on: database)
            if let mail { try await MailRecord(mail).create(on: database) }
        }
    }

    func remove(_ membership: Membership, audit: AuditEvent) async throws {
        try await changingMembers(of: membership.organizationId) { database in
            try await MembershipRecord.query(on: database).filter(\.$id == membership.id).delete()
            try await AuditRecord(audit).create(on: database)
        }
    }

    /// Changes an organisation's members in one transaction that keeps it an owner. The use case checks the same
    /// before, on what it read; two owners demoting each other at once would both pass that check, so the
    /// transaction counts again after the change and rolls it back if no owner is left. On PostgreSQL, shared by
    /// several servers, the organisation's row stays locked until the change commits, so the second change waits
    /// and counts after the first. An SQLite file has one writer connection, which runs one transaction at a time.
    private func changingMembers(
        of organizationId: UUID, _ change: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        try await database.transaction { database in
            if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT id FROM organizations WHERE id = \(bind: organizationId) FOR UPDATE").run()
            }
            try await change(database)
            let owners = try await MembershipRecord.query(on: database)
                .filter(\.$organizationId == organizationId).filter(\.$role == Role.owner.rawValue)
                .filter(\.$accountId != nil).count()
            guard owners > 0 else { throw DirectoryError.lastOwner }
        }
    }

    func auditTrail(of organizationId: UUID, page: Paging) async throws -> Paged<AuditEvent> {
        let query = AuditRecord.query(on: database).filter(\.$organizationId == organizationId)
        if let cursor = try page.cursor.map(Cursor.init) {
            guard let at = Int64(cursor.key) else { throw DirectoryError.invalidCursor }
            query.group(.or) { before in
                before.filter(\.$at < at)
                before.group(.and) { tie in
                    tie.filter(\.$at == at)
                    tie.filter(\.$id < cursor.id)
                }
            }
        }
        let records = try await query.sort(\.$at, .descending).sort(\.$id, .descending).limit(page.limit + 1).all()
        let shown = records.prefix(page.limit)
        let next =
            records.count > page.limit
            ? shown.last.map { Cursor(key: String($0.at), id: $0.id!).encoded } : nil
        return Paged(items: shown.map(\.event), nextCursor: next)
    }
}
