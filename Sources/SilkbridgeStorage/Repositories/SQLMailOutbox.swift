import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// The mail outbox in the SQL database; of several processes, one takes each mail (`LeaseClaim`).
struct SQLMailOutbox: MailOutbox {
    let database: any Database

    func due(at now: Date, limit: Int) async throws -> [OutgoingMail] {
        try await MailRecord.query(on: database)
            .filter(\.$state == MailState.queued.rawValue)
            .filter(\.$nextAttemptAt <= AuditRecord.micros(now))
            .sort(\.$nextAttemptAt).sort(\.$id).limit(limit).all()
            .map { try $0.mail }
    }

    func claim(_ mail: OutgoingMail, until lease: Date) async throws -> Bool {
        guard let current = mail.nextAttemptAt else { return false }
        return try await LeaseClaim.take(
            MailRecord.schema, id: mail.id, state: MailState.queued.rawValue, nextAttemptAt: current, until: lease,
            on: database as! any SQLDatabase)
    }

    func record(_ mail: OutgoingMail) async throws {
        guard let record = try await MailRecord.find(mail.id, on: database) else { return }
        record.apply(mail)
        try await record.update(on: database)
    }

    func recent(state: MailState?, limit: Int) async throws -> [OutgoingMail] {
        var query = MailRecord.query(on: database)
        if let state { query = query.filter(\.$state == state.rawValue) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id).limit(limit).all().map { try $0.mail }
    }
}
