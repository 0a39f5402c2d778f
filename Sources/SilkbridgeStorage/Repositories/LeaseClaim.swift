import Foundation
import SQLKit

/// How a background worker takes a due row (a webhook delivery, a mail) from the workers of every other process:
/// it moves the row's next try to the end of its lease in one conditional UPDATE, which only one of several
/// workers that read the same row can win. A worker that dies leaves the row due again once the lease is over.
enum LeaseClaim {
    static func take(
        _ table: String, id: UUID, state: String, nextAttemptAt current: Date, until lease: Date,
        on database: any SQLDatabase
    ) async throws -> Bool {
        let rows = try await database.update(table)
            .set("next_attempt_at", to: AuditRecord.micros(lease))
            .where("id", .equal, id)
            .where("state", .equal, state)
            .where("next_attempt_at", .equal, AuditRecord.micros(current))
            .returning("id").all()
        return !rows.isEmpty
    }
}
