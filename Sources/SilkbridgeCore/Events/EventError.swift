import Foundation

/// Failures of events, registrations, meeting requests and schedules.
public enum EventError: DomainError, Equatable {
    case eventNotFound
    case registrationNotFound
    case requestNotFound
    case scheduleNotFound
    case notOrganizer
    case registrationClosed
    case eventFull
    case alreadyRegistered
    case notApproved
    case cannotRequestSelf
    case sameOrganization
    case duplicateRequest
    case requestCapReached(Int)
    case requestDeadlinePassed
    case notInvitee
    case alreadyAnswered
    case busy
    case meetingNotScheduled
    case meetingNotStarted
    case raterNoShow
    case partnerNoShow
    case followUpNotOpen
    case agreementNeedsAgreementReached
    case agreementNotBetweenParties

    public var kind: FailureKind {
        switch self {
        case .eventNotFound, .registrationNotFound, .requestNotFound, .scheduleNotFound: .notFound
        case .notOrganizer, .notInvitee: .forbidden
        case .registrationClosed, .eventFull, .alreadyRegistered, .duplicateRequest, .requestCapReached,
            .requestDeadlinePassed, .alreadyAnswered, .notApproved, .meetingNotScheduled, .meetingNotStarted,
            .raterNoShow, .partnerNoShow, .followUpNotOpen:
            .conflict
        case .cannotRequestSelf, .sameOrganization, .agreementNeedsAgreementReached, .agreementNotBetweenParties:
            .invalid
        case .busy: .unavailable
        }
    }

    public var message: Message {
        switch self {
        case .eventNotFound:
            Message("No event with this id that you may see.", "没有此编号的活动，或您无权查看。")
        case .registrationNotFound:
            Message("No registration with this id at this event.", "该活动中没有此编号的报名。")
        case .requestNotFound:
            Message("No meeting request with this id that you may see.", "没有此编号的会谈请求，或您无权查看。")
        case .scheduleNotFound:
            Message("This event has no schedule yet.", "该活动尚未生成日程。")
        case .notOrganizer:
            Message("Only members of the organising organisation may do this.", "只有主办机构的成员才能执行此操作。")
        case .registrationClosed:
            Message("Registration for this event is not open.", "该活动当前不接受报名。")
        case .eventFull:
            Message("The event has reached its capacity.", "该活动名额已满。")
        case .alreadyRegistered:
            Message("You are already registered for this event.", "您已报名参加该活动。")
        case .notApproved:
            Message(
                "Both participants need an approved registration to meet.", "双方的报名都需获得批准后才能安排会谈。")
        case .cannotRequestSelf:
            Message("inviteeId: you cannot request a meeting with yourself.", "inviteeId：不能向自己发起会谈请求。")
        case .sameOrganization:
            Message(
                "inviteeId: meetings are between different organisations.", "inviteeId：会谈须在不同机构之间进行。")
        case .duplicateRequest:
            Message(
                "There is already a meeting request between you and this participant.", "您与该参会者之间已有会谈请求。")
        case .requestCapReached(let cap):
            Message(
                "You already have \(cap) open or accepted meeting requests, the most this event allows.",
                "您已有 \(cap) 个待回复或已接受的会谈请求，已达该活动的上限。")
        case .requestDeadlinePassed:
            Message("The deadline for meeting requests has passed.", "会谈请求的截止时间已过。")
        case .notInvitee:
            Message("Only the invited participant answers a meeting request.", "只有受邀参会者可以回复会谈请求。")
        case .alreadyAnswered:
            Message("This meeting request has already been answered.", "该会谈请求已经回复。")
        case .busy:
            Message("The event is being changed by others; try again.", "活动正被他人修改，请重试。")
        case .meetingNotScheduled:
            Message(
                "This meeting is not in the event's schedule, so there is nothing to rate.", "该会谈不在活动日程中，无法评价。")
        case .meetingNotStarted:
            Message("A meeting can be rated once its slot has begun.", "会谈时段开始后才能评价。")
        case .raterNoShow:
            Message(
                "You were marked as not having come, so you cannot rate this meeting.", "您已被标记为未到场，无法评价该会谈。")
        case .partnerNoShow:
            Message(
                "Your partner was marked as not having come, so this meeting cannot be rated.",
                "会谈对方已被标记为未到场，无法评价该会谈。")
        case .followUpNotOpen:
            Message(
                "The follow-up survey opens when the event's last session has ended.", "活动最后一场洽谈结束后才开放后续回访。")
        case .agreementNeedsAgreementReached:
            Message(
                "agreementId: an agreement can only be linked when the outcome is agreement-reached.",
                "agreementId：只有结果为“已达成协议”时才能关联协议。")
        case .agreementNotBetweenParties:
            Message(
                "agreementId: there is no agreement with this id between the two organisations that met.",
                "agreementId：会谈双方机构之间没有此编号的协议。")
        }
    }
}
