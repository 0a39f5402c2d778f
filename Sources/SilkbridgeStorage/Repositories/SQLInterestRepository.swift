import FluentKit
import Foundation
import SilkbridgeCore

/// Expressions of interest and their threads in the SQL database.
struct SQLInterestRepository: InterestRepository {
    let database: any Database

    func create(_ interest: Interest, audit: [AuditEvent], notices: [Notice]) async throws {
        try await database.transaction { database in
            try await InterestRecord(interest).create(on: database)
            for event in audit { try await AuditRecord(event).create(on: database) }
            try await WebhookDeliveryRecord.store(notices, on: database)
        }
    }

    func update(_ interest: Interest, audit: [AuditEvent], notices: [Notice]) async throws {
        try await database.transaction { database in
            guard let record = try await InterestRecord.find(interest.id, on: database) else {
                throw InterestError.interestNotFound
            }
            record.apply(interest)
            try await record.update(on: database)
            for event in audit { try await AuditRecord(event).create(on: database) }
            try await WebhookDeliveryRecord.store(notices, on: database)
        }
    }

    func interest(id: UUID) async throws -> Interest? {
        try await InterestRecord.find(id, on: database)?.interest
    }

    func interests(inOpportunity opportunityId: UUID, sentBy senders: Set<UUID>?) async throws -> [Interest] {
        let query = InterestRecord.query(on: database).filter(\.$opportunityId == opportunityId)
        if let senders { query.filter(\.$senderOrganizationId ~~ Array(senders)) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id).all().map { try $0.interest }
    }

    func interests(involving organizations: Set<UUID>) async throws -> [Interest] {
        try await InterestRecord.query(on: database)
            .group(.or) { either in
                either.filter(\.$ownerOrganizationId ~~ Array(organizations))
                either.filter(\.$senderOrganizationId ~~ Array(organizations))
            }
            .sort(\.$updatedAt, .descending).sort(\.$id).all().map { try $0.interest }
    }

    func interests(changedSince date: Date?) async throws -> [Interest] {
        var query = InterestRecord.query(on: database)
        if let date { query = query.filter(\.$updatedAt >= AuditRecord.micros(date)) }
        return try await query.sort(\.$updatedAt).sort(\.$id).all().map { try $0.interest }
    }

    func pendingInterests(replyBy range: Range<Date>) async throws -> [Interest] {
        try await InterestRecord.query(on: database).filter(\.$state == InterestStatus.pending.rawValue)
            .filter(\.$replyBy >= AuditRecord.micros(range.lowerBound))
            .filter(\.$replyBy < AuditRecord.micros(range.upperBound))
            .sort(\.$replyBy).sort(\.$id).all().map { try $0.interest }
    }

    func add(_ message: InterestMessage, notices: [Notice]) async throws {
        try await database.transaction { database in
            try await InterestMessageRecord(message).create(on: database)
            try await WebhookDeliveryRecord.store(notices, on: database)
        }
    }

    func messages(of interestId: UUID) async throws -> [InterestMessage] {
        try await InterestMessageRecord.query(on: database).filter(\.$interestId == interestId)
            .sort(\.$at).sort(\.$id).all().map(\.message)
    }
}
