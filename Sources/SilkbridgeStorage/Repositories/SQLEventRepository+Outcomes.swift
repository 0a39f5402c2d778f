import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Meeting ratings, and the pipeline moves they cause, in the SQL database.
extension SQLEventRepository {
    private struct RatingRow: Decodable {
        let event_id: UUID
        let request_id: UUID
        let registration_id: UUID
        let phase: String
        let outcome: String
        let note: String?
        let agreement_id: UUID?
        let rated_at: Int64

        var rating: MeetingRating? {
            guard let phase = OutcomePhase(rawValue: phase), let outcome = MeetingOutcome(rawValue: outcome) else {
                return nil
            }
            return MeetingRating(
                eventId: event_id, requestId: request_id, registrationId: registration_id, phase: phase,
                outcome: outcome, note: note, agreementId: agreement_id, ratedAt: OpportunityRecord.date(rated_at))
        }
    }

    func save(_ rating: MeetingRating, moving: [PipelineMove], audit: [AuditEvent]) async throws -> [UUID] {
        try await database.transaction { database in
            // Write before any read, so SQLite never has to upgrade a read snapshot.
            let sql = database as! any SQLDatabase
            try await sql.insert(into: "meeting_ratings")
                .columns(
                    "request_id", "registration_id", "phase", "event_id", "outcome", "note", "agreement_id",
                    "rated_at"
                )
                .values(
                    SQLBind(rating.requestId), SQLBind(rating.registrationId), SQLBind(rating.phase.rawValue),
                    SQLBind(rating.eventId), SQLBind(rating.outcome.rawValue), SQLBind(rating.note),
                    SQLBind(rating.agreementId), SQLBind(AuditRecord.micros(rating.ratedAt))
                )
                .onConflict(with: ["request_id", "registration_id", "phase"]) {
                    $0.set(excludedValueOf: "outcome").set(excludedValueOf: "note")
                        .set(excludedValueOf: "agreement_id").set(excludedValueOf: "rated_at")
                }
                .run()
            var moved: [UUID] = []
            var notices: [Notice] = []
            for move in moving where try await Self.advance(move, on: sql) {
                moved.append(move.interestId)
                for entry in move.audit { try await AuditRecord(entry).create(on: database) }
                notices += move.notices
            }
            for entry in audit { try await AuditRecord(entry).create(on: database) }
            try await WebhookDeliveryRecord.store(notices, on: database)
            return moved
        }
    }

    func ratings(of eventId: UUID) async throws -> [MeetingRating] {
        let sql = database as! any SQLDatabase
        return try await sql.select().columns("*").from("meeting_ratings").where("event_id", .equal, eventId)
            .orderBy("rated_at").orderBy("request_id").orderBy("registration_id").orderBy("phase")
            .all(decoding: RatingRow.self).compactMap(\.rating)
    }

    /// Moves an accepted interest to the move's stage if it is still before it; the condition sits in the update
    /// itself, so a stage set meanwhile by someone else is never taken back.
    private static func advance(_ move: PipelineMove, on sql: any SQLDatabase) async throws -> Bool {
        let earlier = PipelineStage.allCases.filter { $0 < move.stage }.map(\.rawValue)
        let updated = try await sql.update(InterestRecord.schema)
            .set("stage", to: move.stage.rawValue)
            .set("updated_at", to: AuditRecord.micros(move.at))
            .where("id", .equal, move.interestId)
            .where("state", .equal, InterestStatus.accepted.rawValue)
            .where {
                earlier.isEmpty
                    ? $0.where("stage", .is, SQLLiteral.null)
                    : $0.where("stage", .is, SQLLiteral.null).orWhere("stage", .in, earlier)
            }
            .returning("id")
            .all()
        return !updated.isEmpty
    }
}
