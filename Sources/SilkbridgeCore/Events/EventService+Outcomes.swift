import Foundation

/// Meeting outcomes: after each meeting both participants say what came of it, and again in a follow-up survey
/// once the event is over. An outcome that keeps the two organisations talking moves their accepted expressions of
/// interest to the pipeline's meeting stage; an agreement reached can be linked. Only the two participants of a
/// meeting and the organisers see its ratings.
extension EventService {
    /// Rates one of the caller's scheduled meetings, replacing their earlier rating of the same phase. The meeting
    /// phase opens when the meeting's slot begins, the follow-up phase when the event's last session has ended
    /// (`Event.end`); a meeting with a participant marked absent cannot be rated.
    public func rate(
        meeting requestId: UUID, at eventId: UUID, phase: OutcomePhase, outcome: MeetingOutcome, note: String? = nil,
        agreementId: UUID? = nil, by account: Account, now: Date = Date()
    ) async throws -> MeetingRating {
        let (event, mine) = try await participant(eventId, account)
        guard let request = try await repository.request(id: requestId), request.eventId == event.id,
            request.requesterId == mine.id || request.inviteeId == mine.id
        else { throw EventError.requestNotFound }
        guard mine.isApproved else { throw EventError.notApproved }
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        validator.checkText(text, field: "note", maxLength: MeetingRating.maxNoteLength)
        try validator.finish()
        if agreementId != nil, outcome != .agreementReached { throw EventError.agreementNeedsAgreementReached }

        guard
            let meeting = try await repository.schedule(of: event.id)?.meetings.first(where: {
                $0.requestId == requestId
            }),
            let start = event.start(of: meeting)
        else { throw EventError.meetingNotScheduled }
        let partnerId = request.requesterId == mine.id ? request.inviteeId : request.requesterId
        guard let partner = try await repository.registration(id: partnerId) else {
            throw EventError.registrationNotFound
        }
        if mine.noShow { throw EventError.raterNoShow }
        if partner.noShow { throw EventError.partnerNoShow }
        switch phase {
        case .meeting:
            guard now >= start else { throw EventError.meetingNotStarted }
        case .followUp:
            guard let end = event.end, now >= end else { throw EventError.followUpNotOpen }
        }
        if let agreementId {
            // One error whether the agreement is missing or someone else's: its existence is not the caller's to learn.
            guard let agreement = try await agreements.agreement(id: agreementId),
                agreement.isParty(mine.organizationId), agreement.isParty(partner.organizationId)
            else { throw EventError.agreementNotBetweenParties }
        }

        let rating = MeetingRating(
            eventId: event.id, requestId: requestId, registrationId: mine.id, phase: phase, outcome: outcome,
            note: text?.isEmpty == false ? text : nil, agreementId: agreementId, ratedAt: now)
        let moves =
            outcome.continuesCooperation
            ? try await pipelineMoves(event, between: mine.organizationId, and: partner.organizationId, account, now)
            : []
        let audit = directory.audit(
            mine.organizationId, account, "event.meeting.rated",
            "\(event.title.best(for: .english)): \(phase.rawValue) \(outcome.rawValue) "
                + "(meeting \(requestId.uuidString.lowercased()))", now)
        _ = try await repository.save(rating, moving: moves, audit: [audit])
        return rating
    }

    /// Every rating of the event's meetings with a summary; the organisers only.
    public func outcomes(of eventId: UUID, by account: Account, now: Date = Date()) async throws -> EventOutcomes {
        let event = try await organizedEvent(eventId, by: account, role: .member)
        let ratings = try await repository.ratings(of: event.id)
        let summary = OutcomeSummary(
            event: event, schedule: try await repository.schedule(of: event.id),
            registrations: try await repository.registrations(of: event.id), ratings: ratings, now: now)
        return EventOutcomes(eventId: event.id, ratings: ratings, summary: summary)
    }

    /// The ratings of the caller's own meetings, by either side, oldest first.
    public func myOutcomes(at eventId: UUID, by account: Account) async throws -> [MeetingRating] {
        let (event, mine) = try await participant(eventId, account)
        let meetings = Set(
            try await repository.requests(of: event.id, involving: [mine.id])
                .map(\.id))
        return try await repository.ratings(of: event.id).filter { meetings.contains($0.requestId) }
    }

    /// The accepted interests between the two organisations, either way round, still before the meeting stage.
    private func pipelineMoves(
        _ event: Event, between rater: UUID, and partner: UUID, _ account: Account, _ now: Date
    ) async throws -> [PipelineMove] {
        let pair: Set<UUID> = [rater, partner]
        return try await interests.interests(involving: [rater]).filter {
            $0.parties == pair && $0.state == .accepted && ($0.stage.map { $0 < .meeting } ?? true)
        }.map { interest in
            let detail =
                "\(interest.id.uuidString.lowercased()) on \(interest.opportunityId.uuidString.lowercased()) "
                + "after meeting at \(event.title.best(for: .english))"
            return PipelineMove(
                interestId: interest.id, stage: .meeting, at: now,
                audit: [interest.ownerOrganizationId, interest.senderOrganizationId].map {
                    directory.audit($0, account, "interest.stage.meeting", detail, now)
                },
                notices: [
                    Notice(
                        organizationId: partner, kind: .stageChanged, interestId: interest.id,
                        opportunityId: interest.opportunityId, actorName: account.displayName, at: now)
                ])
        }
    }
}
