import Foundation

/// One participant's word on what came of one of their meetings, in one phase; rating the same phase again
/// replaces it.
public struct MeetingRating: Sendable, Hashable, Codable {
    public static let maxNoteLength = 500

    public let eventId: UUID
    /// The accepted meeting request the meeting was scheduled from.
    public let requestId: UUID
    /// The rater's registration: one of the meeting's two sides.
    public let registrationId: UUID
    public let phase: OutcomePhase
    public var outcome: MeetingOutcome
    public var note: String?
    /// The agreement signed as a result, when the outcome is `agreementReached`.
    public var agreementId: UUID?
    public var ratedAt: Date

    public init(
        eventId: UUID, requestId: UUID, registrationId: UUID, phase: OutcomePhase, outcome: MeetingOutcome,
        note: String? = nil, agreementId: UUID? = nil, ratedAt: Date
    ) {
        self.eventId = eventId
        self.requestId = requestId
        self.registrationId = registrationId
        self.phase = phase
        self.outcome = outcome
        self.note = note
        self.agreementId = agreementId
        self.ratedAt = ratedAt
    }
}

/// An accepted expression of interest a rating moves forward in the exchange pipeline, stored with the rating.
/// The store moves it only if it is still accepted and before `stage`, so the pipeline never goes backwards even
/// when someone advanced it meanwhile; the audit entries and notices are written only if it moved.
public struct PipelineMove: Sendable, Hashable {
    public let interestId: UUID
    public let stage: PipelineStage
    public let at: Date
    public let audit: [AuditEvent]
    public let notices: [Notice]

    public init(interestId: UUID, stage: PipelineStage, at: Date, audit: [AuditEvent], notices: [Notice]) {
        self.interestId = interestId
        self.stage = stage
        self.at = at
        self.audit = audit
        self.notices = notices
    }
}
