import Foundation

/// The kinds of agreement organisations sign on the platform.
public enum AgreementKind: String, Sendable, CaseIterable, Codable {
    case letterOfIntent = "letter-of-intent"
    case memorandumOfUnderstanding = "memorandum-of-understanding"
    case cooperationAgreement = "cooperation-agreement"
    case coInvestmentTermSheet = "co-investment-term-sheet"

    public var label: Message {
        switch self {
        case .letterOfIntent: Message("Letter of intent", "合作意向书")
        case .memorandumOfUnderstanding: Message("Memorandum of understanding", "谅解备忘录")
        case .cooperationAgreement: Message("Cooperation agreement", "合作协议")
        case .coInvestmentTermSheet: Message("Co-investment term sheet", "联合投资条款清单")
        }
    }
}

/// Where an agreement stands. `expired` is never stored: an agreement in force past its term reads as expired.
public enum AgreementStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case openForSignature = "open-for-signature"
    case inForce = "in-force"
    case declined
    case withdrawn
    case terminated
    case expired

    /// Statuses the public register shows: the parties have made the agreement, or did and ended it.
    public static let registered: [AgreementStatus] = [.inForce, .terminated, .expired]

    public var label: Message {
        switch self {
        case .draft: Message("Draft", "草稿")
        case .openForSignature: Message("Open for signature", "待签署")
        case .inForce: Message("In force", "已生效")
        case .declined: Message("Declined", "已拒签")
        case .withdrawn: Message("Withdrawn", "已撤回")
        case .terminated: Message("Terminated", "已终止")
        case .expired: Message("Expired", "已到期")
        }
    }
}

/// Whether the public sees an agreement's text, or only its digest (the parties always see the text).
public enum AgreementVisibility: String, Sendable, CaseIterable, Codable {
    case publicText = "public-text"
    case digestOnly = "digest-only"
}

/// How long an agreement runs once in force.
public struct AgreementTerm: Sendable, Hashable, Codable {
    public var start: Date
    public var durationMonths: Int

    public init(start: Date, durationMonths: Int) {
        self.start = start
        self.durationMonths = durationMonths
    }

    /// The first instant the agreement no longer runs.
    public var end: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: durationMonths, to: start) ?? start
    }
}

/// One organisation bound by an agreement, and what it did about it.
public struct AgreementParty: Sendable, Hashable, Codable {
    public let organizationId: UUID
    /// The organisation's name when it joined, so the agreement reads the same if the directory changes.
    public var name: LocalizedText
    public var side: Side
    public var declineReason: String?

    public init(organizationId: UUID, name: LocalizedText, side: Side, declineReason: String? = nil) {
        self.organizationId = organizationId
        self.name = name
        self.side = side
        self.declineReason = declineReason
    }
}

/// A letter of intent, memorandum or other agreement between two or more organisations: its versions, who
/// signed which frozen version with which key, and where each of those facts sits in the trust ledger.
public struct Agreement: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var kind: AgreementKind
    /// The stored state; see `status(at:)`.
    public var state: AgreementStatus
    public var visibility: AgreementVisibility
    public var parties: [AgreementParty]
    /// The organisation whose member drafted the agreement.
    public let initiatorId: UUID
    /// The expression of interest the agreement grew out of, if any.
    public var interestId: UUID?
    /// Every version, oldest first; none is ever changed once written.
    public var versions: [AgreementVersion]
    /// The version the parties sign, once opened for signature.
    public var frozenVersion: Int?
    /// When that version was opened for signature; reminders to sign count from it. Agreements opened before
    /// this was kept have none, and count from their last change.
    public var openedAt: Date?
    public var signatures: [AgreementSignature]
    /// Where the record that the agreement is in force sits in the ledger.
    public var inForceIndex: UInt64?
    public var termination: AgreementTermination?
    public let createdAt: Date
    public var updatedAt: Date
    /// Bumped on every stored change, so that two concurrent changes cannot overwrite each other.
    public var revision: Int

    public init(
        id: UUID, kind: AgreementKind, visibility: AgreementVisibility, parties: [AgreementParty], initiatorId: UUID,
        interestId: UUID?, firstVersion: AgreementVersion, createdAt: Date
    ) {
        self.id = id
        self.kind = kind
        state = .draft
        self.visibility = visibility
        self.parties = parties
        self.initiatorId = initiatorId
        self.interestId = interestId
        versions = [firstVersion]
        frozenVersion = nil
        signatures = []
        inForceIndex = nil
        termination = nil
        self.createdAt = createdAt
        updatedAt = createdAt
        revision = 0
    }

    public var latest: AgreementVersion { versions[versions.count - 1] }

    /// The version the parties sign or signed, or the latest draft.
    public var current: AgreementVersion {
        frozenVersion.flatMap { number in versions.first { $0.number == number } } ?? latest
    }

    public func status(at now: Date) -> AgreementStatus {
        state == .inForce && now >= current.content.term.end ? .expired : state
    }

    public func isParty(_ organizationId: UUID) -> Bool {
        parties.contains { $0.organizationId == organizationId }
    }

    public func signature(of organizationId: UUID) -> AgreementSignature? {
        signatures.first { $0.organizationId == organizationId }
    }
}

/// How and why an agreement in force was ended early.
public struct AgreementTermination: Sendable, Hashable, Codable {
    public let organizationId: UUID
    public let reason: String
    public let at: Date
    public let ledgerIndex: UInt64

    public init(organizationId: UUID, reason: String, at: Date, ledgerIndex: UInt64) {
        self.organizationId = organizationId
        self.reason = reason
        self.at = at
        self.ledgerIndex = ledgerIndex
    }
}
