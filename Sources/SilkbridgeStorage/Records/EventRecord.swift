import FluentKit
import Foundation
import SilkbridgeCore

/// An event: the columns it is listed by, and the whole event as JSON.
final class EventRecord: Model, @unchecked Sendable {
    static let schema = "events"

    @ID(key: .id) var id: UUID?
    @Field(key: "organizer_id") var organizerId: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "document") var document: String

    init() {}

    init(_ event: Event) throws {
        id = event.id
        organizerId = event.organizerId
        startsAt = event.start ?? event.createdAt
        updatedAt = event.updatedAt
        document = try JSONDocument.encode(event)
    }

    var event: Event { get throws { try JSONDocument.decode(Event.self, from: document) } }
}

final class RegistrationRecord: Model, @unchecked Sendable {
    static let schema = "event_registrations"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventId: UUID
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "account_id") var accountId: UUID
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "document") var document: String

    init() {}

    init(_ registration: Registration) throws {
        id = registration.id
        eventId = registration.eventId
        organizationId = registration.organizationId
        accountId = registration.accountId
        status = registration.status.rawValue
        createdAt = registration.createdAt
        document = try JSONDocument.encode(registration)
    }

    var registration: Registration { get throws { try JSONDocument.decode(Registration.self, from: document) } }
}

final class MeetingRequestRecord: Model, @unchecked Sendable {
    static let schema = "meeting_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventId: UUID
    @Field(key: "requester_id") var requesterId: UUID
    @Field(key: "invitee_id") var inviteeId: UUID
    @Field(key: "state") var state: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "document") var document: String

    init() {}

    init(_ request: MeetingRequest) throws {
        id = request.id
        eventId = request.eventId
        requesterId = request.requesterId
        inviteeId = request.inviteeId
        state = request.state.rawValue
        createdAt = request.createdAt
        document = try JSONDocument.encode(request)
    }

    var request: MeetingRequest { get throws { try JSONDocument.decode(MeetingRequest.self, from: document) } }
}

/// An event's schedule, keyed by the event's id.
final class ScheduleRecord: Model, @unchecked Sendable {
    static let schema = "event_schedules"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "document") var document: String

    init() {}

    init(_ schedule: EventSchedule) throws {
        id = schedule.eventId
        createdAt = schedule.createdAt
        document = try JSONDocument.encode(schedule)
    }

    var schedule: EventSchedule { get throws { try JSONDocument.decode(EventSchedule.self, from: document) } }
}

/// JSON as stored in a text column; Foundation's default dates (seconds as a shortest round-tripping number) come back exact.
enum JSONDocument {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
