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
            .map(\.fundId)
        let managed = try await FundRecord.query(on: database).filter(\.$managerOrganizationId ~~ ids).all()
            .compactMap(\.id)
        let fundIds = Array(Set(contributing + managed))
        guard !fundIds.isEmpty else { return [] }
        return try await FundRecord.query(on: database).filter(\.$id ~~ fundIds)
            .sort(\.$updatedAt, .descending).sort(\.$id).all().map { try $0.fund }
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
            for contributor in change.contributors { try await ContributorRecord(contributor).create(on: database) }
            for project in change.projects {
                // Updated in place: commitments refer to the row, so it is never deleted and inserted again.
                let record = try FundProjectRecord(project)
                let replaced = try await sql.update(FundProjectRecord.schema)
                    .set("stage", to: record.stage)
                    .set("requested_minor", to: record.requestedMinor)
                    .set("requested_currency", to: record.requestedCurrency)
                    .set("updated_at", to: record.updatedAt)
                    .set("document", to: record.document)
                    .where("id", .equal, project.id)
                    .returning("id")
                    .all()
                if replaced.isEmpty { try await record.create(on: database) }
            }
            for commitment in change.commitments { try await CommitmentRecord(commitment).create(on: database) }
            for flow in change.cashFlows { try await CashFlowRecord(flow).create(on: database) }
            for event in audit { try await AuditRecord(event).create(on: database) }
            return true
        }
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
