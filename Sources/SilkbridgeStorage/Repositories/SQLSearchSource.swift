import FluentKit
import Foundation
import SilkbridgeCore

/// Feeds the in-process search: the rows changed since a time, and how many there are.
struct SQLSearchSource: SearchSource {
    let database: any Database

    func organizations(changedSince: Date?) async throws -> [Organization] {
        let query = OrganizationRecord.query(on: database)
        if let changedSince { query.filter(\.$updatedAt >= changedSince) }
        return try await query.all().map { try $0.organization }
    }

    func opportunities(changedSince: Date?) async throws -> [Opportunity] {
        let query = OpportunityRecord.query(on: database)
        if let changedSince { query.filter(\.$updatedAt >= AuditRecord.micros(changedSince)) }
        return try await query.all().map { try $0.opportunity }
    }

    func indexableCounts() async throws -> (organizations: Int, opportunities: Int) {
        let organizations = try await OrganizationRecord.query(on: database).count()
        let opportunities = try await OpportunityRecord.query(on: database)
            .filter(\.$state != OpportunityStatus.draft.rawValue).count()
        return (organizations, opportunities)
    }
}
