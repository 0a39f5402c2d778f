import FluentKit
import Foundation
import SilkbridgeCore

/// Opportunities in the SQL database.
struct SQLExchangeRepository: ExchangeRepository {
    let database: any Database

    func create(_ opportunity: Opportunity, audit: AuditEvent) async throws {
        try await database.transaction { database in
            try await OpportunityRecord(opportunity).create(on: database)
            try await AuditRecord(audit).create(on: database)
        }
    }

    func update(_ opportunity: Opportunity, audit: AuditEvent) async throws {
        try await database.transaction { database in
            guard let record = try await OpportunityRecord.find(opportunity.id, on: database) else {
                throw ExchangeError.opportunityNotFound
            }
            record.apply(opportunity)
            try await record.update(on: database)
            try await AuditRecord(audit).create(on: database)
        }
    }

    func opportunity(id: UUID) async throws -> Opportunity? {
        try await OpportunityRecord.find(id, on: database)?.opportunity
    }

    func opportunities(matching filter: OpportunityFilter, draftsOf: Set<UUID>, now: Date, page: Paging)
        async throws -> Paged<Opportunity>
    {
        let query = OpportunityRecord.query(on: database)
        let nowMicros = AuditRecord.micros(now)
        switch filter.status ?? .published {
        case .published:
            query.filter(\.$state == OpportunityStatus.published.rawValue).filter(\.$expiresAt > nowMicros)
        case .expired:
            query.filter(\.$state == OpportunityStatus.published.rawValue).filter(\.$expiresAt <= nowMicros)
        case .closed:
            query.filter(\.$state == OpportunityStatus.closed.rawValue)
        case .draft:
            guard !draftsOf.isEmpty else { return Paged(items: [], nextCursor: nil) }
            query.filter(\.$state == OpportunityStatus.draft.rawValue).filter(\.$organizationId ~~ Array(draftsOf))
        }
        if let organizationId = filter.organizationId { query.filter(\.$organizationId == organizationId) }
        if let type = filter.type { query.filter(\.$type == type.rawValue) }
        if let side = filter.side { query.filter(\.$side == side.rawValue) }
        if let country = filter.country { query.filter(\.$country == country) }
        if let area = filter.area { query.filter(ContainsFilter.column("areas", contains: ",\(area),")) }
        if let cursor = try page.cursor.map(Cursor.init) {
            guard let at = Int64(cursor.key) else { throw DirectoryError.invalidCursor }
            query.group(.or) { before in
                before.filter(\.$createdAt < at)
                before.group(.and) { tie in
                    tie.filter(\.$createdAt == at)
                    tie.filter(\.$id < cursor.id)
                }
            }
        }
        let records = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .limit(page.limit + 1).all()
        let shown = records.prefix(page.limit)
        let next =
            records.count > page.limit
            ? shown.last.map { Cursor(key: String($0.createdAt), id: $0.id!).encoded } : nil
        return Paged(items: try shown.map { try $0.opportunity }, nextCursor: next)
    }
}
