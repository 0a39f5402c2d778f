import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore

/// Mail settings and the mailing rounds' bookkeeping in the SQL database. Each claim is one conditional UPDATE
/// (a notice's `mailed_at` still empty, an account's digest day still earlier): of two processes, one changes
/// the row and stores the mails, the other changes nothing and stores none.
struct SQLNotificationRepository: NotificationRepository {
    let database: any Database

    func settings(of accountId: UUID) async throws -> NotificationSettings? {
        try await NotificationSettingsRecord.find(accountId, on: database)?.settings
    }

    func settings(storingIfMissing defaults: NotificationSettings) async throws -> NotificationSettings {
        let record = NotificationSettingsRecord(defaults)
        try await (database as! any SQLDatabase).insert(into: NotificationSettingsRecord.schema)
            .columns("account_id", "choices", "time_zone", "unsubscribe_key")
            .values(
                SQLBind(defaults.accountId), SQLBind(record.choices), SQLBind(record.timeZone),
                SQLBind(record.unsubscribeKey)
            )
            .ignoringConflicts(with: ["account_id"])
            .run()
        return try await settings(of: defaults.accountId) ?? defaults
    }

    func save(_ settings: NotificationSettings) async throws {
        try await database.transaction { database in
            if let record = try await NotificationSettingsRecord.find(settings.accountId, on: database) {
                record.apply(settings)
                try await record.update(on: database)
            } else {
                try await NotificationSettingsRecord(settings).create(on: database)
            }
        }
    }

    func settings(unsubscribeKey: String) async throws -> NotificationSettings? {
        try await NotificationSettingsRecord.query(on: database).filter(\.$unsubscribeKey == unsubscribeKey).first()?
            .settings
    }

    func unmailedNotices(limit: Int) async throws -> [Notice] {
        try await NoticeRecord.query(on: database).filter(\.$mailedAt == nil).sort(\.$at).sort(\.$id).limit(limit)
            .all().compactMap(\.notice)
    }

    func recipients(of organizationId: UUID) async throws -> [Account] {
        let members = try await MembershipRecord.query(on: database).filter(\.$organizationId == organizationId)
            .filter(\.$accountId != nil).all().compactMap(\.accountId)
        guard !members.isEmpty else { return [] }
        return try await AccountRecord.query(on: database).filter(\.$id ~~ members).filter(\.$emailVerifiedAt != nil)
            .sort(\.$id).all().map { try $0.account }
    }

    func take(_ notice: Notice, mails: [OutgoingMail], digestAccounts: [UUID], at now: Date) async throws -> Bool {
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            let taken = try await sql.update(NoticeRecord.schema)
                .set("mailed_at", to: SQLBind(AuditRecord.micros(now)))
                .where("id", .equal, notice.id).where("mailed_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !taken.isEmpty else { return false }
            for mail in mails { try await MailRecord(mail).create(on: database) }
            for accountId in digestAccounts {
                try await sql.insert(into: "digest_items").columns("account_id", "notice_id", "at")
                    .values(SQLBind(accountId), SQLBind(notice.id), SQLBind(AuditRecord.micros(notice.at)))
                    .ignoringConflicts().run()
            }
            return true
        }
    }

    private struct DigestItem: Decodable {
        let account_id: UUID
        let notice_id: UUID
    }

    func digestAccounts() async throws -> [UUID] {
        try await (database as! any SQLDatabase).select().distinct().column("account_id").from("digest_items")
            .orderBy("account_id").all(decodingColumn: "account_id", as: UUID.self)
    }

    func takeDigest(
        of accountId: UUID, day: String, compose: @escaping @Sendable ([Notice]) throws -> OutgoingMail?
    ) async throws -> Bool {
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            let taken = try await sql.update(NotificationSettingsRecord.schema)
                .set("last_digest_day", to: SQLBind(day))
                .where("account_id", .equal, accountId)
                .where { $0.where("last_digest_day", .is, SQLLiteral.null).orWhere("last_digest_day", .lessThan, day) }
                .returning("account_id").all()
            guard !taken.isEmpty else { return false }
            let waiting = try await sql.select().column("notice_id").from("digest_items")
                .where("account_id", .equal, accountId).all(decodingColumn: "notice_id", as: UUID.self)
            try await sql.delete(from: "digest_items").where("account_id", .equal, accountId)
                .where("notice_id", .in, waiting).run()
            let notices = try await NoticeRecord.query(on: database).filter(\.$id ~~ waiting).sort(\.$at).all()
                .compactMap(\.notice)
            if let mail = try compose(notices) { try await MailRecord(mail).create(on: database) }
            return true
        }
    }
}
