import Foundation

/// What came of a bilateral meeting, in the words of one of its participants.
public enum MeetingOutcome: String, Sendable, CaseIterable, Codable {
    case noFurtherContact = "no-further-contact"
    case followUpPlanned = "follow-up-planned"
    case negotiating
    case agreementReached = "agreement-reached"

    public var label: Message {
        switch self {
        case .noFurtherContact: Message("No further contact", "不再联系")
        case .followUpPlanned: Message("Follow-up planned", "已计划后续联系")
        case .negotiating: Message("Negotiating", "正在洽谈")
        case .agreementReached: Message("Agreement reached", "已达成协议")
        }
    }

    /// Whether the two organisations went on talking, which is what the exchange pipeline's meeting stage records.
    public var continuesCooperation: Bool { self != .noFurtherContact }
}

/// When a rating is given: right after the meeting, or in the survey once the event is over.
public enum OutcomePhase: String, Sendable, CaseIterable, Codable {
    case meeting
    case followUp = "follow-up"

    public var label: Message {
        switch self {
        case .meeting: Message("Right after the meeting", "会谈结束后")
        case .followUp: Message("Follow-up survey", "后续回访")
        }
    }
}
