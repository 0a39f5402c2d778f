import Foundation

/// Where an expression of interest stands. `expired` is never stored: a pending interest past its reply
/// deadline reads as expired.
public enum InterestStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case accepted
    case declined
    case expired

    public var label: Message {
        switch self {
        case .pending: Message("Awaiting reply", "待回复")
        case .accepted: Message("Accepted", "已接受")
        case .declined: Message("Declined", "已拒绝")
        case .expired: Message("Expired unanswered", "逾期未回复")
        }
    }
}

/// How far two organisations have come since an interest was accepted.
public enum PipelineStage: String, Sendable, CaseIterable, Codable, Comparable {
    case contact
    case meeting
    case letterOfIntent = "letter-of-intent"
    case agreement

    public static func < (lhs: PipelineStage, rhs: PipelineStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var label: Message {
        switch self {
        case .contact: Message("Contact", "初步联系")
        case .meeting: Message("Meeting", "会谈")
        case .letterOfIntent: Message("Letter of intent", "意向书")
        case .agreement: Message("Agreement", "协议")
        }
    }
}

/// A member of one organisation telling the owner of an opportunity that they would like to cooperate.
public struct Interest: Sendable, Hashable, Identifiable {
    /// How long the owner has to answer, unless a deadline is given.
    public static let defaultReplyPeriod: TimeInterval = 14 * 24 * 3600

    public let id: UUID
    public let opportunityId: UUID
    /// The organisation that owns the opportunity and answers.
    public let ownerOrganizationId: UUID
    /// The organisation that expressed the interest.
    public let senderOrganizationId: UUID
    public let senderAccountId: UUID
    public let message: String
    /// The stored state: `pending`, `accepted` or `declined`.
    public var state: InterestStatus
    public let replyBy: Date
    public var stage: PipelineStage?
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, opportunityId: UUID, ownerOrganizationId: UUID, senderOrganizationId: UUID, senderAccountId: UUID,
        message: String, state: InterestStatus, replyBy: Date, stage: PipelineStage?, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.opportunityId = opportunityId
        self.ownerOrganizationId = ownerOrganizationId
        self.senderOrganizationId = senderOrganizationId
        self.senderAccountId = senderAccountId
        self.message = message
        self.state = state
        self.replyBy = replyBy
        self.stage = stage
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public func status(at now: Date) -> InterestStatus {
        state == .pending && replyBy <= now ? .expired : state
    }

    /// The two organisations party to the interest.
    public var parties: Set<UUID> { [ownerOrganizationId, senderOrganizationId] }
}

/// One message of the private thread an accepted interest opens.
public struct InterestMessage: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let interestId: UUID
    public let organizationId: UUID
    public let authorId: UUID
    public let authorName: String
    public let body: String
    public let at: Date

    public init(
        id: UUID, interestId: UUID, organizationId: UUID, authorId: UUID, authorName: String, body: String, at: Date
    ) {
        self.id = id
        self.interestId = interestId
        self.organizationId = organizationId
        self.authorId = authorId
        self.authorName = authorName
        self.body = body
        self.at = at
    }
}

/// Failures of expressions of interest.
public enum InterestError: DomainError, Equatable {
    case interestNotFound
    case notPublished
    case ownOpportunity
    case alreadyInterested
    case notPending(InterestStatus)
    case notAccepted
    case stageNotForward(PipelineStage)

    public var kind: FailureKind {
        switch self {
        case .interestNotFound: .notFound
        case .ownOpportunity: .forbidden
        case .notPublished, .alreadyInterested, .notPending, .notAccepted, .stageNotForward: .conflict
        }
    }

    public var message: Message {
        switch self {
        case .interestNotFound:
            Message("No expression of interest with this id.", "没有此编号的合作意向。")
        case .notPublished:
            Message("Interest can only be expressed in a published opportunity.", "只能对已发布的合作机会表达意向。")
        case .ownOpportunity:
            Message(
                "An organisation cannot express interest in its own opportunity.", "机构不能对自己的合作机会表达意向。")
        case .alreadyInterested:
            Message(
                "This organisation has already expressed interest in this opportunity.", "该机构已对此合作机会表达过意向。")
        case .notPending(let status):
            Message(
                "Only an interest awaiting reply can be answered; this one is \(status.rawValue).",
                "只能回复待回复的意向；此意向为“\(status.label.chinese)”。")
        case .notAccepted:
            Message("This needs an accepted interest.", "此操作需要已接受的意向。")
        case .stageNotForward(let stage):
            Message(
                "The pipeline only moves forward; it is already at \(stage.rawValue).",
                "合作进程只能向前推进；当前已处于“\(stage.label.chinese)”阶段。")
        }
    }
}
