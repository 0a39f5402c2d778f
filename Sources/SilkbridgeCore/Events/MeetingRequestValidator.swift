import Foundation

/// Checks a meeting request against the event's rules before it is stored.
struct MeetingRequestValidator {
    static let maxMessageLength = 1000

    let event: Event

    /// The request to store, or the first rule it breaks: field errors together, then the event's rules.
    func validate(
        _ input: MeetingRequestInput, requester: Registration, invitee: Registration, existing: [MeetingRequest],
        id: UUID, now: Date
    ) throws -> MeetingRequest {
        var validator = Validator()
        let priority = MeetingPriority(rawValue: input.priority)
        if priority == nil {
            validator.add("priority", Message("must be 1, 2 or 3.", "必须是 1、2 或 3。"))
        }
        let message = input.message.trimmingCharacters(in: .whitespacesAndNewlines)
        validator.checkText(message, field: "message", maxLength: Self.maxMessageLength)
        if requester.id == invitee.id {
            validator.add("inviteeId", EventError.cannotRequestSelf.fieldMessage)
        } else if requester.organizationId == invitee.organizationId {
            validator.add("inviteeId", EventError.sameOrganization.fieldMessage)
        }
        try validator.finish()
        guard requester.eventId == event.id, invitee.eventId == event.id else { throw EventError.registrationNotFound }
        guard requester.isApproved, invitee.isApproved, !requester.noShow, !invitee.noShow else {
            throw EventError.notApproved
        }
        guard now < event.requestDeadline else { throw EventError.requestDeadlinePassed }
        let live = existing.filter { $0.status(at: now).isActive }
        if live.contains(where: { $0.connects(requester.id, invitee.id) }) { throw EventError.duplicateRequest }
        let mine = live.filter { $0.requesterId == requester.id }.count
        if mine >= event.requestCap { throw EventError.requestCapReached(event.requestCap) }
        return MeetingRequest(
            id: id, eventId: event.id, requesterId: requester.id, inviteeId: invitee.id, priority: priority!,
            message: message, deadline: event.requestDeadline, createdAt: now)
    }
}

extension EventError {
    /// The message without its field prefix, for a `FieldIssue` that names the field itself.
    var fieldMessage: Message {
        let message = self.message
        func strip(_ text: String, _ separator: String) -> String {
            guard let range = text.range(of: separator) else { return text }
            return String(text[range.upperBound...])
        }
        return Message(strip(message.english, ": "), strip(message.chinese, "："))
    }
}
