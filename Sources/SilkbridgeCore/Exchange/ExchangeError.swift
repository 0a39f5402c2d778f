import Foundation

/// Failures of the cooperation exchange.
public enum ExchangeError: DomainError, Equatable {
    case opportunityNotFound
    case notEditable(OpportunityStatus)
    case cannotPublish(OpportunityStatus)
    case cannotRenew(OpportunityStatus)
    case alreadyClosed

    public var kind: FailureKind {
        switch self {
        case .opportunityNotFound: .notFound
        case .notEditable, .cannotPublish, .cannotRenew, .alreadyClosed: .conflict
        }
    }

    public var message: Message {
        switch self {
        case .opportunityNotFound:
            Message("No opportunity with this id.", "没有此编号的合作机会。")
        case .notEditable(let status):
            Message(
                "An opportunity that is \(status.rawValue) can no longer be edited.",
                "\(status.label.chinese)的合作机会不能再编辑。")
        case .cannotPublish(let status):
            Message(
                "Only a draft can be published; this opportunity is \(status.rawValue).",
                "只有草稿才能发布；此合作机会为\(status.label.chinese)状态。")
        case .cannotRenew(let status):
            Message(
                "Only a published or expired opportunity can be renewed; this one is \(status.rawValue).",
                "只有已发布或已过期的合作机会才能续期；此合作机会为\(status.label.chinese)状态。")
        case .alreadyClosed:
            Message("This opportunity is already closed.", "此合作机会已关闭。")
        }
    }
}
