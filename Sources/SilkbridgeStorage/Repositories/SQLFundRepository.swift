import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Funds and everything in them in the SQL database, each change stored with its audit events and the fund's
/// new revision, or not at all.
struct SQLFundRepository: FundRepository {
    let database: any Database

    func insert(_ fund: Fund, audit: [AuditEvent]) async throws {
        try await database.transaction { database in
            try await FundRecord(fund).create(on: database)
            for event in audit { try await AuditRecord(event).create(on: database) }
        }
    }

    func fund(id: UUID) async throws -> Fund? {
        try await FundRecord.find(id, on: database)?.fund
    }

    func funds(involving organizations: Set<UUID>) async throws -> [Fund] {
        let ids = Array(organizations)
        let contributing = try await ContributorRecord.query(on: database).filter(\.$organizationId ~~ ids).all()
            .filter { try $0.contributor.isConfirmed }.map(\.fundId)
        let managed = try await FundRecord.query(on: database).filter(\.$managerOrganizationId ~~ ids).all()
            .compactMap(\.id)
        let fundIds = Array(Set(contributing + managed))
        guard !fundIds.isEmpty else { return [] }
        return try await FundRecord.query(on: database).filter(\.$id ~~ fundIds)
            .sort(\.$updatedAt, .descending).sort(\.$id).all().map { try $0.fund }
    }

    func contributors(of organizations: Set<UUID>, status: ContributorStatus) async throws -> [(Fund, Contributor)] {
        let contributors = try await ContributorRecord.query(on: database)
            .filter(\.$organizationId ~~ Array(organizations)).all()
            .map { try $0.contributor }.filter { $0.status == status }
        guard !contributors.isEmpty else { return [] }
        let funds = try await FundRecord.query(on: database).filter(\.$id ~~ contributors.map(\.fundId)).all()
            .map { try $0.fund }
        let byId = Dictionary(funds.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return contributors.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
            .compactMap { contributor in byId[contributor.fundId].map { ($0, contributor) } }
    }

    func book(of fundId: UUID) async throws -> FundBook? {
        // One transaction, so that the book is one consistent state even while others write.
        try await database.transaction { database in
            guard let fund = try await FundRecord.find(fundId, on: database)?.fund else { return nil }
            let contributors = try await ContributorRecord.query(on: database).filter(\.$fundId == fundId)
                .all().map { try $0.contributor }.sorted {
                    ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString)
                }
            let projects = try await FundProjectRecord.query(on: database).filter(\.$fundId == fundId)
                .all().map { try $0.project }.sorted {
                    ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString)
                }
            let commitments = try await CommitmentRecord.query(on: database).filter(\.$fundId == fundId)
                .all().map { try $0.commitment }
                .sorted { ($0.day, $0.recordedAt, $0.id.uuidString) < ($1.day, $1.recordedAt, $1.id.uuidString) }
            let flows = try await CashFlowRecord.query(on: database).filter(\.$fundId == fundId)
                .all().map { try $0.cashFlow }
                .sorted { ($0.day, $0.recordedAt, $0.id.uuidString) < ($1.day, $1.recordedAt, $1.id.uuidString) }
            return FundBook(
                fund: fund, contributors: contributors, projects: projects, commitments: commitments, cashFlows: flows)
        }
    }

    func apply(_ change: FundChange, to fund: Fund, audit: [AuditEvent]) async throws -> Bool {
        try await database.transaction { database in
            // Compare-and-set on the revision first, writing before any read so SQLite never upgrades a snapshot.
            let sql = database as! any SQLDatabase
            let updated = try await sql.update(FundRecord.schema)
                .set("revision", to: Int64(fund.revision))
                .set("updated_at", to: fund.updatedAt)
                .set("document", to: try FundJSON.encode(fund))
                .where("id", .equal, fund.id)
                .where("revision", .equal, Int64(fund.revision - 1))
                .returning("id")
                .all()
            guard !updated.isEmpty else { return false }
            // Contributors (an answer, an invitation after a refusal) and projects are updated in place:
            // commitments refer to their rows, so they are never deleted and inserted again.
            for contributor in change.contributors {
                let record = try ContributorRecord(contributor)
                try await Self.replaceOrCreate(
                    record, id: contributor.id,
                    columns: [
                        ("pledge_minor", record.pledgeMinor), ("pledge_currency", record.pledgeCurrency),
                        ("document", record.document),
                    ], on: database)
            }
            for project in change.projects {
                let record = try FundProjectRecord(project)
                try await Self.replaceOrCreate(
                    record, id: project.id,
                    columns: [
                        ("stage", record.stage), ("requested_minor", record.requestedMinor),
                        ("requested_currency", record.requestedCurrency), ("updated_at", record.updatedAt),
                        ("document", record.document),
                    ], on: database)
            }
            for commitment in change.commitments { try await CommitmentRecord(commitment).create(on: database) }
            for flow in change.cashFlows { try await CashFlowRecord(flow).create(on: database) }
            for event in audit { try await AuditRecord(event).create(on: database) }
            return true
        }
    }

    private static func replaceOrCreate<Record: Model>(
        _ record: Record, id: UUID, columns: [(String, any Encodable & Sendable)], on database: any Database
    ) async throws {
        var update = (database as! any SQLDatabase).update(Record.schema)
        for (column, value) in columns { update = update.set(column, to: value) }
        let replaced = try await update.where("id", .equal, id).returning("id").all()
        if replaced.isEmpty { try await record.create(on: database) }
    }

    func recordLedgerIndex(_ index: UInt64, ofCommitment id: UUID) async throws {
        try await database.transaction { database in
            guard let record = try await CommitmentRecord.find(id, on: database) else { return }
            var commitment = try record.commitment
            commitment.ledgerIndex = index
            record.ledgerIndex = Int64(index)
            record.document = try FundJSON.encode(commitment)
            try await record.update(on: database)
        }
    }

    func commitmentsAwaitingLedger() async throws -> [Commitment] {
        try await CommitmentRecord.query(on: database).filter(\.$ledgerIndex == nil).all()
            .map { try $0.commitment }.sorted { ($0.recordedAt, $0.id.uuidString) < ($1.recordedAt, $1.id.uuidString) }
    }
}
