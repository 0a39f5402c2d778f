import FluentKit
import FluentSQL
import Foundation
import SQLKit
import SilkbridgeCore

extension SQLExchangeRepository {
    /// `expiry_notice_for` holds the expiry the owners were told of; a renewal moves `expires_at` past it.
    static let notToldOfThisExpiry: DatabaseQuery.Filter = .sql(
        embed: "(\(ident: "expiry_notice_for") IS NULL OR \(ident: "expiry_notice_for") <> \(ident: "expires_at"))")

    func unnoticedExpiries(until horizon: Date, now: Date, limit: Int) async throws -> [Opportunity] {
        try await OpportunityRecord.query(on: database)
            .filter(\.$state == OpportunityStatus.published.rawValue)
            .filter(\.$expiresAt > AuditRecord.micros(now))
            .filter(\.$expiresAt <= AuditRecord.micros(horizon))
            .filter(Self.notToldOfThisExpiry)
            .sort(\.$expiresAt).sort(\.$id).limit(limit).all().map { try $0.opportunity }
    }

    func recordExpiryNotice(_ notice: Notice, for opportunity: Opportunity) async throws -> Bool {
        guard let expiresAt = opportunity.expiresAt else { return false }
        return try await database.transaction { database in
            // The conditional update is the claim: of two processes telling of the same expiry, one updates the row.
            let sql = database as! any SQLDatabase
            let claimed = try await sql.update(OpportunityRecord.schema)
                .set("expiry_notice_for", to: AuditRecord.micros(expiresAt))
                .where("id", .equal, opportunity.id)
                .where("state", .equal, OpportunityStatus.published.rawValue)
                .where("expires_at", .equal, AuditRecord.micros(expiresAt))
                .where(group: {
                    $0.where(SQLColumn("expiry_notice_for"), .is, SQLLiteral.null)
                        .orWhere("expiry_notice_for", .notEqual, column: "expires_at")
                })
                .returning("id").all()
            guard !claimed.isEmpty else { return false }
            try await WebhookDeliveryRecord.store([notice], on: database)
            return true
        }
    }
}
