import Foundation

/// Mails people what their organisations' inboxes receive, as each person chose: a mail at once, a daily
/// digest, or nothing. Notices are stored first (with the change that causes them) and mailed by rounds that
/// every process runs; the storage lets one process take each notice and each day's digest, so nobody gets a
/// mail twice. Each round takes `now`, so tests drive the schedule without waiting.
public struct NotificationService: Sendable {
    let repository: any NotificationRepository
    let accounts: any AccountRepository
    let directory: any DirectoryRepository
    let links: MailLinks

    public init(
        repository: any NotificationRepository, accounts: any AccountRepository, directory: any DirectoryRepository,
        links: MailLinks
    ) {
        self.repository = repository
        self.accounts = accounts
        self.directory = directory
        self.links = links
    }

    /// The person's settings, the defaults until they choose.
    public func settings(of account: Account) async throws -> NotificationSettings {
        if let stored = try await repository.settings(of: account.id) { return stored }
        return try await repository.settings(storingIfMissing: .defaults(for: account))
    }

    /// Replaces the person's choices (kinds left out follow their defaults) and time zone.
    public func update(_ account: Account, choices: [NoticeKind: NoticeMailing], timeZone identifier: String)
        async throws -> NotificationSettings
    {
        guard identifier.count <= 64, let zone = TimeZone(identifier: identifier) else {
            throw ValidationError([
                FieldIssue(
                    "timeZone",
                    Message(
                        "is not a known time zone; use a name such as Europe/Berlin or Asia/Shanghai.",
                        "不是可识别的时区；请使用 Europe/Berlin 或 Asia/Shanghai 这样的名称。"))
            ])
        }
        var settings = try await settings(of: account)
        settings.choices = choices
        settings.timeZone = zone
        try await repository.save(settings)
        return settings
    }

    /// Checks an unsubscribe link's key before its page offers to switch anything off.
    public func checkUnsubscribeKey(_ key: String) async throws {
        guard try await repository.settings(unsubscribeKey: key) != nil else {
            throw NotificationError.unknownUnsubscribeKey
        }
    }

    /// Switches off what the link names, at once: later rounds read the settings afresh.
    public func unsubscribe(key: String, from scope: UnsubscribeScope) async throws {
        guard var settings = try await repository.settings(unsubscribeKey: key) else {
            throw NotificationError.unknownUnsubscribeKey
        }
        switch scope {
        case .kind(let kind):
            settings.choices[kind] = .off
        case .digest:
            for kind in NoticeKind.allCases where settings.mailing(for: kind) == .daily {
                settings.choices[kind] = .off
            }
        }
        try await repository.save(settings)
    }

    /// One round: takes the notices not mailed yet (at most `limit`), queues a mail at once to each member who
    /// wants one and keeps the notice for the digests of those who want it daily. Returns the mails queued.
    @discardableResult
    public func mailNotices(now: Date, limit: Int = 100) async throws -> Int {
        var queued = 0
        var recipients: [UUID: [Account]] = [:]
        var organizations: [UUID: Organization?] = [:]
        for notice in try await repository.unmailedNotices(limit: limit) {
            let organizationId = notice.organizationId
            if recipients[organizationId] == nil {
                recipients[organizationId] = try await repository.recipients(of: organizationId)
                organizations[organizationId] = try await directory.organization(id: organizationId)
            }
            var mails: [OutgoingMail] = []
            var digest: [UUID] = []
            if let organization = organizations[organizationId] ?? nil {
                for account in recipients[organizationId] ?? [] {
                    let settings = try await settings(of: account)
                    switch settings.mailing(for: notice.kind) {
                    case .atOnce:
                        mails.append(
                            NotificationMails.notice(
                                notice, for: organization, to: account, settings: settings, links: links, now: now))
                    case .daily: digest.append(account.id)
                    case .off: break
                    }
                }
            }
            if try await repository.take(notice, mails: mails, digestAccounts: digest, at: now) {
                queued += mails.count
            }
        }
        return queued
    }

    /// One round: sends the day's digest to everyone past their digest hour who has notices waiting and had no
    /// digest yet today. Returns the digests sent.
    @discardableResult
    public func sendDigests(now: Date) async throws -> Int {
        var sent = 0
        for accountId in try await repository.digestAccounts() {
            guard let account = try await accounts.find(id: accountId) else { continue }
            let settings = try await settings(of: account)
            guard settings.digestDue(at: now) else { continue }
            // Only what the person may still read: a notice of an organisation they left stays out.
            let memberOf = Set(
                try await directory.memberships(of: accountId).filter { !$0.isPending }.map(\.organizationId))
            let names = Dictionary(
                uniqueKeysWithValues: try await directory.organizations(ids: memberOf).map { ($0.id, $0.name) })
            let links = links
            let taken = try await repository.takeDigest(of: accountId, day: settings.day(of: now)) { notices in
                let shown = notices.filter { names[$0.organizationId] != nil && settings.mailing(for: $0.kind) != .off }
                guard account.emailVerified, !shown.isEmpty else { return nil }
                return NotificationMails.digest(
                    shown, names: names, to: account, settings: settings, links: links, now: now)
            }
            if taken { sent += 1 }
        }
        return sent
    }
}
