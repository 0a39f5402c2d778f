import Foundation

/// Failures of the organisation directory.
public enum DirectoryError: DomainError, Equatable {
    case organizationNotFound
    case memberNotFound
    case notAMember
    case roleTooLow(needed: Role)
    case alreadyMember
    case lastOwner
    case invalidCursor

    public var kind: FailureKind {
        switch self {
        case .organizationNotFound, .memberNotFound: .notFound
        case .notAMember, .roleTooLow: .forbidden
        case .alreadyMember, .lastOwner: .conflict
        case .invalidCursor: .invalid
        }
    }

    public var message: Message {
        switch self {
        case .organizationNotFound:
            Message("No organisation with this id.", "没有此编号的机构。")
        case .memberNotFound:
            Message("No member with this id in this organisation.", "该机构中没有此编号的成员。")
        case .notAMember:
            Message("Only members of this organisation may do this.", "只有该机构的成员才能执行此操作。")
        case .roleTooLow(let needed):
            Message(
                "This needs the role \(needed.rawValue) or higher in this organisation.",
                "此操作需要该机构的\(needed.label.chinese)或更高角色。")
        case .alreadyMember:
            Message("This person is already a member or invited.", "此人已是成员或已被邀请。")
        case .lastOwner:
            Message(
                "An organisation needs at least one owner: make someone else owner first.",
                "机构至少需要一位所有者：请先指定其他所有者。")
        case .invalidCursor:
            Message("cursor: is not a cursor this list gave out.", "cursor：不是本列表给出的游标。")
        }
    }
}
