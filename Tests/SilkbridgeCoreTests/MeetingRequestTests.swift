import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct MeetingRequestTests {
    static let now = EventValidatorTests.now
    static let event: Event = {
        let input = EventValidatorTests.valid
        var event = Event.blank(id: UUID(), kind: .brokerage, organizerId: UUID(), createdAt: now)
        event.sessions = input.sessions!
        event.timeZoneId = input.timeZoneId!
        event.requestCap = 2
        event.requestDeadline = now.addingTimeInterval(86_400)
        return event
    }()

    static func participant(_ name: String, organization: UUID = UUID(), status: RegistrationStatus = .approved)
        -> Registration
    {
        Registration(
            id: UUID(), eventId: event.id, organizationId: organization, accountId: UUID(), displayName: name,
            availableSessions: [0, 1], wants: LocalizedText(english: "Partners in smart grids"), status: status,
            createdAt: now)
    }

    let anna = participant("Anna")
    let li = participant("Li Wei")
    let zhang = participant("Zhang Min")
    let marco = participant("Marco")

    func request(
        from requester: Registration, to invitee: Registration, priority: Int = 2, existing: [MeetingRequest] = [],
        at time: Date = now
    ) throws -> MeetingRequest {
        try MeetingRequestValidator(event: Self.event).validate(
            MeetingRequestInput(inviteeId: invitee.id, priority: priority, message: " Let us talk about 5G. "),
            requester: requester, invitee: invitee, existing: existing, id: UUID(), now: time)
    }

    @Test func aRequestCarriesTheEventDeadlineAndATrimmedMessage() throws {
        let request = try request(from: anna, to: li, priority: 3)
        #expect(request.priority == .essential)
        #expect(request.message == "Let us talk about 5G.")
        #expect(request.deadline == Self.event.requestDeadline)
        #expect(request.status(at: Self.now) == .pending)
    }

    @Test func fieldErrorsNameTheFieldInBothLanguages() {
        let colleague = Self.participant("Colleague", organization: anna.organizationId)
        for (invitee, priority, field) in [(anna, 2, "inviteeId"), (colleague, 2, "inviteeId"), (li, 7, "priority")] {
            #expect {
                try request(from: anna, to: invitee, priority: priority)
            } throws: { error in
                guard let issue = (error as? ValidationError)?.issues.first else { return false }
                return issue.field == field && !issue.message.chinese.isEmpty && !issue.message.english.isEmpty
            }
        }
    }

    @Test func theCapCountsOpenAndAcceptedRequestsButNotDeclinedOrExpiredOnes() throws {
        var first = try request(from: anna, to: li)
        let second = try request(from: anna, to: zhang, existing: [first])
        #expect(throws: EventError.requestCapReached(2)) {
            try request(from: anna, to: marco, existing: [first, second])
        }
        try first.answer(accept: false, by: li.id, at: Self.now)
        _ = try request(from: anna, to: marco, existing: [first, second])
        // Requests made to Anna do not count against her cap.
        let invited = try request(from: marco, to: anna)
        let again = try request(from: anna, to: li, existing: [invited])
        _ = try request(from: anna, to: zhang, existing: [invited, again])
    }

    @Test func oneRequestPerPairWhoeverAsked() throws {
        let first = try request(from: anna, to: li)
        #expect(throws: EventError.duplicateRequest) { try request(from: li, to: anna, existing: [first]) }
    }

    @Test func requestsNeedApprovedParticipantsAndCloseAtTheDeadline() throws {
        #expect(throws: EventError.notApproved) {
            try request(from: anna, to: Self.participant("Pending", status: .pending))
        }
        #expect(throws: EventError.requestDeadlinePassed) {
            try request(from: anna, to: li, at: Self.event.requestDeadline)
        }
    }

    @Test func onlyTheInviteeAnswersAndOnlyBeforeTheDeadline() throws {
        var request = try request(from: anna, to: li)
        #expect(throws: EventError.notInvitee) { try request.answer(accept: true, by: anna.id, at: Self.now) }
        var late = request
        #expect(late.status(at: Self.event.requestDeadline) == .expired)
        #expect(throws: EventError.requestDeadlinePassed) {
            try late.answer(accept: true, by: li.id, at: Self.event.requestDeadline)
        }
        try request.answer(accept: true, by: li.id, at: Self.now)
        #expect(request.status(at: Self.event.requestDeadline) == .accepted)
        #expect(throws: EventError.alreadyAnswered) { try request.answer(accept: false, by: li.id, at: Self.now) }
    }

    @Test func registrationsNameRealSessions() throws {
        let validator = RegistrationValidator(event: Self.event)
        let registration = try validator.apply(
            RegistrationInput(displayName: " Anna ", availableSessions: [1]), to: anna)
        #expect(registration.displayName == "Anna")
        #expect(registration.availableSessions == [1])
        #expect {
            try validator.apply(RegistrationInput(availableSessions: [0, 5]), to: anna)
        } throws: { error in
            (error as? ValidationError)?.issues.map(\.field) == ["availableSessions"]
        }
        #expect(throws: ValidationError.self) {
            try validator.apply(RegistrationInput(availableSessions: []), to: anna)
        }
    }

    @Test func everyEventErrorSpeaksBothLanguages() {
        let errors: [EventError] = [
            .eventNotFound, .registrationNotFound, .requestNotFound, .notOrganizer, .registrationClosed, .eventFull,
            .alreadyRegistered, .notApproved, .cannotRequestSelf, .sameOrganization, .duplicateRequest,
            .requestCapReached(3), .requestDeadlinePassed, .notInvitee, .alreadyAnswered, .busy,
        ]
        for error in errors {
            #expect(!error.message.english.isEmpty && !error.message.chinese.isEmpty)
        }
    }
}
