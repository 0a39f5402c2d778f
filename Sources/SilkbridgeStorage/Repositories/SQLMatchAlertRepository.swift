import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Match alerts and the partners announced, in the SQL database. The primary key on (organisation, partner) is
/// the claim: of two processes announcing the same partner, one inserts the row and sends the notice.
struct SQLMatchAlertRepository: MatchAlertRepository {
    let database: any Database

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    private struct Row: Decodable {
        let organization_id: UUID
        let minimum_score: Double
        let created_by: UUID
        let created_at: Int64

        var alert: MatchAlert {
            MatchAlert(
                organizationId: organization_id, minimumScore: minimum_score, createdBy: created_by,
                createdAt: OpportunityRecord.date(created_at))
        }
    }

    func alert(for organizationId: UUID) async throws -> MatchAlert? {
        try await sql.select().columns("*").from("match_alerts").where("organization_id", .equal, organizationId)
            .first(decoding: Row.self)?.alert
    }

    func alerts() async throws -> [MatchAlert] {
        try await sql.select().columns("*").from("match_alerts").orderBy("created_at").all(decoding: Row.self)
            .map(\.alert)
    }

    func save(_ alert: MatchAlert, known: [UUID]) async throws {
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            try await sql.insert(into: "match_alerts")
                .columns("organization_id", "minimum_score", "created_by", "created_at")
                .values(
                    SQLBind(alert.organizationId), SQLBind(alert.minimumScore), SQLBind(alert.createdBy),
                    SQLBind(AuditRecord.micros(alert.createdAt))
                )
                .onConflict(with: ["organization_id"]) { $0.set(excludedValueOf: "minimum_score") }
                .run()
            for partner in known {
                try await Self.claim(partner, for: alert.organizationId, at: alert.createdAt, on: sql)
            }
        }
    }

    func delete(organizationId: UUID) async throws {
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            try await sql.delete(from: "match_alerts").where("organization_id", .equal, organizationId).run()
            try await sql.delete(from: "match_alert_partners").where("organization_id", .equal, organizationId).run()
        }
    }

    func announce(_ partners: [(partner: UUID, notice: Notice)], to organizationId: UUID) async throws -> Int {
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            var news: [Notice] = []
            for (partner, notice) in partners
            where try await Self.claim(partner, for: organizationId, at: notice.at, on: sql) {
                news.append(notice)
            }
            try await WebhookDeliveryRecord.store(news, on: database)
            return news.count
        }
    }

    /// Inserts the (organisation, partner) row unless it exists; true when this call inserted it.
    @discardableResult
    private static func claim(_ partner: UUID, for organizationId: UUID, at: Date, on sql: any SQLDatabase)
        async throws -> Bool
    {
        let inserted = try await sql.insert(into: "match_alert_partners")
            .columns("organization_id", "partner_id", "at")
            .values(SQLBind(organizationId), SQLBind(partner), SQLBind(AuditRecord.micros(at)))
            .ignoringConflicts()
            .returning("partner_id")
            .all()
        return !inserted.isEmpty
    }
}
