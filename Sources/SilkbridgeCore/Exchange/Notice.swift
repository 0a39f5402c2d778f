import Foundation

/// What happened that an organisation's members should know of.
public enum NoticeKind: String, Sendable, CaseIterable, Codable {
    case interestReceived = "interest.received"
    /// An interest is three days from its reply-by date unanswered (`ReminderService`).
    case replyReminder = "interest.reply-reminder"
    case interestAccepted = "interest.accepted"
    case interestDeclined = "interest.declined"
    case messageReceived = "message.received"
    case stageChanged = "stage.changed"
    case opportunityExpiring = "opportunity.expiring"
    case agreementAwaitingSignature = "agreement.awaiting-signature"
    /// An agreement has waited days for the organisation's signature (`ReminderService`).
    case signatureReminder = "agreement.signature-reminder"
    case agreementSigned = "agreement.signed"
    case agreementInForce = "agreement.in-force"
    case agreementDeclined = "agreement.declined"
    case agreementTerminated = "agreement.terminated"
    case matchFound = "match.found"

    public var label: Message {
        switch self {
        case .interestReceived: Message("New expression of interest", "收到新的合作意向")
        case .replyReminder: Message("An expression of interest awaits your reply", "有合作意向等待您回复")
        case .interestAccepted: Message("Your interest was accepted", "您的合作意向已被接受")
        case .interestDeclined: Message("Your interest was declined", "您的合作意向已被拒绝")
        case .messageReceived: Message("New message", "新消息")
        case .stageChanged: Message("The pipeline moved forward", "合作进程已推进")
        case .opportunityExpiring: Message("Your opportunity expires in two weeks", "您的合作机会将在两周后到期")
        case .agreementAwaitingSignature: Message("An agreement awaits your signature", "有协议等待您签署")
        case .signatureReminder: Message("An agreement still awaits your signature", "仍有协议等待您签署")
        case .agreementSigned: Message("A party signed an agreement", "有协议方已签署协议")
        case .agreementInForce: Message("An agreement is in force", "协议已生效")
        case .agreementDeclined: Message("A party declined to sign an agreement", "有协议方拒绝签署协议")
        case .agreementTerminated: Message("An agreement was terminated", "协议已被终止")
        case .matchFound: Message("A new suggested partner", "有新的推荐合作伙伴")
        }
    }
}

/// One entry of an organisation's inbox: about an expression of interest, an opportunity or an agreement.
public struct Notice: Sendable, Hashable, Identifiable {
    public let id: UUID
    /// The organisation told; every member sees it.
    public let organizationId: UUID
    public let kind: NoticeKind
    public let interestId: UUID?
    public let opportunityId: UUID?
    public let agreementId: UUID?
    public let actorName: String
    public let at: Date

    public init(
        id: UUID = UUID(), organizationId: UUID, kind: NoticeKind, interestId: UUID? = nil, opportunityId: UUID? = nil,
        agreementId: UUID? = nil, actorName: String, at: Date
    ) {
        self.id = id
        self.organizationId = organizationId
        self.kind = kind
        self.interestId = interestId
        self.opportunityId = opportunityId
        self.agreementId = agreementId
        self.actorName = actorName
        self.at = at
    }
}

/// Where notices and each person's reading position live.
public protocol InboxRepository: Sendable {
    func add(_ notices: [Notice]) async throws
    /// The newest notices of the organisations, at most `limit`.
    func notices(for organizations: Set<UUID>, limit: Int) async throws -> [Notice]
    func count(for organizations: Set<UUID>, after: Date?) async throws -> Int
    func readUntil(accountId: UUID) async throws -> Date?
    func markRead(accountId: UUID, until: Date) async throws
    /// Stores the notice unless one was stored for `occasion` before (a reminder's agreement, version, party and
    /// day); false if it was. Of two processes, one stores it.
    func add(_ notice: Notice, once occasion: String) async throws -> Bool
}

/// The inbox: what happened to the interests of a person's organisations, and how much of it is unread.
public struct InboxService: Sendable {
    let repository: any InboxRepository
    let directory: any DirectoryRepository

    public init(repository: any InboxRepository, directory: any DirectoryRepository) {
        self.repository = repository
        self.directory = directory
    }

    /// The newest notices, each with whether it is unread, and the unread count.
    public func inbox(of account: Account, limit: Int = 50) async throws -> (
        notices: [(Notice, unread: Bool)], unread: Int
    ) {
        let organizations = try await organizations(of: account)
        guard !organizations.isEmpty else { return ([], 0) }
        let readUntil = try await repository.readUntil(accountId: account.id)
        let notices = try await repository.notices(for: organizations, limit: limit)
        let unread = try await repository.count(for: organizations, after: readUntil)
        return (notices.map { notice in (notice, readUntil.map { notice.at > $0 } ?? true) }, unread)
    }

    public func unreadCount(of account: Account) async throws -> Int {
        let organizations = try await organizations(of: account)
        guard !organizations.isEmpty else { return 0 }
        return try await repository.count(
            for: organizations, after: try await repository.readUntil(accountId: account.id))
    }

    public func markRead(by account: Account, now: Date = Date()) async throws {
        try await repository.markRead(accountId: account.id, until: now)
    }

    private func organizations(of account: Account) async throws -> Set<UUID> {
        Set(try await directory.memberships(of: account.id).filter { !$0.isPending }.map(\.organizationId))
    }
}
