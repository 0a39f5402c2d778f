import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Events, registrations, meeting requests and schedules in the SQL database.
struct SQLEventRepository: EventRepository {
    let database: any Database

    func insert(_ event: Event, audit: [AuditEvent]) async throws {
        try await database.transaction { database in
            try await EventRecord(event).create(on: database)
            for entry in audit { try await AuditRecord(entry).create(on: database) }
        }
    }

    func update(_ event: Event, audit: [AuditEvent]) async throws {
        try await database.transaction { database in
            let record = try EventRecord(event)
            try await EventRecord.query(on: database).filter(\.$id == event.id)
                .set(\.$startsAt, to: record.startsAt).set(\.$updatedAt, to: record.updatedAt)
                .set(\.$document, to: record.document).update()
            for entry in audit { try await AuditRecord(entry).create(on: database) }
        }
    }

    func event(id: UUID) async throws -> Event? {
        try await EventRecord.find(id, on: database)?.event
    }

    func events(startingFrom date: Date, limit: Int) async throws -> [Event] {
        try await EventRecord.query(on: database).filter(\.$startsAt >= date).sort(\.$startsAt).sort(\.$id)
            .limit(limit).all().map { try $0.event }
    }

    func events(organizedBy organizationId: UUID) async throws -> [Event] {
        try await EventRecord.query(on: database).filter(\.$organizerId == organizationId).sort(\.$startsAt)
            .sort(\.$id).all().map { try $0.event }
    }

    func insert(_ registration: Registration) async throws -> Bool {
        try await database.transaction { database in
            let existing = try await RegistrationRecord.query(on: database)
                .filter(\.$eventId == registration.eventId).filter(\.$accountId == registration.accountId).count()
            guard existing == 0 else { return false }
            try await RegistrationRecord(registration).create(on: database)
            return true
        }
    }

    func update(_ registration: Registration) async throws {
        let record = try RegistrationRecord(registration)
        try await RegistrationRecord.query(on: database).filter(\.$id == registration.id)
            .set(\.$status, to: record.status).set(\.$document, to: record.document).update()
    }

    func registration(id: UUID) async throws -> Registration? {
        try await RegistrationRecord.find(id, on: database)?.registration
    }

    func registrations(of eventId: UUID) async throws -> [Registration] {
        try await RegistrationRecord.query(on: database).filter(\.$eventId == eventId).sort(\.$createdAt)
            .sort(\.$id).all().map { try $0.registration }
    }

    func registration(of eventId: UUID, account accountId: UUID) async throws -> Registration? {
        try await RegistrationRecord.query(on: database).filter(\.$eventId == eventId)
            .filter(\.$accountId == accountId).first()?.registration
    }

    func approvedCount(of eventId: UUID) async throws -> Int {
        try await RegistrationRecord.query(on: database).filter(\.$eventId == eventId)
            .filter(\.$status == RegistrationStatus.approved.rawValue).count()
    }

    func insert(_ request: MeetingRequest) async throws {
        try await MeetingRequestRecord(request).create(on: database)
    }

    func update(_ request: MeetingRequest) async throws {
        let record = try MeetingRequestRecord(request)
        try await MeetingRequestRecord.query(on: database).filter(\.$id == request.id)
            .set(\.$state, to: record.state).set(\.$document, to: record.document).update()
    }

    func request(id: UUID) async throws -> MeetingRequest? {
        try await MeetingRequestRecord.find(id, on: database)?.request
    }

    func requests(of eventId: UUID) async throws -> [MeetingRequest] {
        try await MeetingRequestRecord.query(on: database).filter(\.$eventId == eventId).sort(\.$createdAt)
            .sort(\.$id).all().map { try $0.request }
    }

    func requests(of eventId: UUID, involving registrations: Set<UUID>) async throws -> [MeetingRequest] {
        let ids = Array(registrations)
        return try await MeetingRequestRecord.query(on: database).filter(\.$eventId == eventId)
            .group(.or) { $0.filter(\.$requesterId ~~ ids).filter(\.$inviteeId ~~ ids) }
            .sort(\.$createdAt).sort(\.$id).all().map { try $0.request }
    }

    func exclusively<T: Sendable>(
        _ eventId: UUID, _ work: @escaping @Sendable (any EventRepository) async throws -> T
    ) async throws -> T {
        // An SQLite file is one server's, whose `EventGate` already lets one change through at a time; several
        // servers share a PostgreSQL database, where the event's row stays locked until the change commits.
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            return try await work(self)
        }
        return try await database.transaction { database in
            try await (database as! any SQLDatabase).raw("SELECT id FROM events WHERE id = \(bind: eventId) FOR UPDATE")
                .run()
            return try await work(SQLEventRepository(database: database))
        }
    }

    func save(_ schedule: EventSchedule, audit: [AuditEvent]) async throws {
        try await database.transaction { database in
            try await ScheduleRecord.query(on: database).filter(\.$id == schedule.eventId).delete()
            try await ScheduleRecord(schedule).create(on: database)
            for entry in audit { try await AuditRecord(entry).create(on: database) }
        }
    }

    func schedule(of eventId: UUID) async throws -> EventSchedule? {
        try await ScheduleRecord.find(eventId, on: database)?.schedule
    }
}
