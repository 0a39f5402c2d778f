import Foundation
import Hummingbird
import SilkbridgeCore

/// Outcomes on the agenda page: once a meeting has begun each side says what came of it, and once the event is
/// over answers the follow-up survey, linking the agreement it led to; the organisers see the counts.
extension EventPages {
    func addOutcomeRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post(EventPaths.outcome) { request, context in
            let account = try context.requireAccount()
            let id = try eventID(context)
            let form = try await FormData(request: request, context: context)
            let meeting = try site.pathID(context, "request", missing: EventError.requestNotFound)
            _ = try await events.rate(
                meeting: meeting, at: id, phase: try form.choice("phase"), outcome: try form.choice("outcome"),
                note: form["note"],
                agreementId: form.text("agreementId").flatMap(UUID.init(uuidString:)), by: account)
            return PageRenderer.redirect(to: EventPaths.agenda(id) + "#meeting-\(meeting.uuidString.lowercased())")
        }
    }

    /// What the agenda shows of one meeting's outcomes: both sides' ratings, and the forms the viewer may use now.
    struct OutcomeContext {
        let event: Event
        let mine: Registration
        let ratings: [MeetingRating]
        /// The agreements the viewer's organisation signs with each other organisation.
        let agreements: [UUID: [Agreement]]
        let language: Language
        let now: Date
    }

    func outcomeContext(_ agenda: ParticipantAgenda, account: Account, language: Language) async throws
        -> OutcomeContext
    {
        let ratings = try await events.myOutcomes(at: agenda.event.id, by: account)
        var agreementsByPartner: [UUID: [Agreement]] = [:]
        for agreement in try await agreements.agreements(of: account)
        where agreement.isParty(agenda.registration.organizationId) {
            for party in agreement.parties where party.organizationId != agenda.registration.organizationId {
                agreementsByPartner[party.organizationId, default: []].append(agreement)
            }
        }
        return OutcomeContext(
            event: agenda.event, mine: agenda.registration, ratings: ratings, agreements: agreementsByPartner,
            language: language, now: Date())
    }

    func outcomes(of meeting: ScheduledMeeting, partner: Registration?, _ outcome: OutcomeContext)
        -> EventMeetingOutcomes
    {
        let language = outcome.language
        let ratings = outcome.ratings.filter { $0.requestId == meeting.requestId }
        let rows = ratings.sorted {
            ($0.phase == .followUp ? 1 : 0, $0.ratedAt) < ($1.phase == .followUp ? 1 : 0, $1.ratedAt)
        }.map { rating in
            EventMeetingOutcomes.Rating(
                who: site.renderer.translations.text(
                    rating.registrationId == outcome.mine.id ? "event_outcome_you" : "event_outcome_partner",
                    language),
                phase: rating.phase.label.text(in: language), outcome: rating.outcome.label.text(in: language),
                note: rating.note, agreementLink: rating.agreementId.map { AgreementPaths.agreement($0) })
        }
        var view = EventMeetingOutcomes(ratings: rows, hasRatings: !rows.isEmpty)
        guard !outcome.mine.noShow, partner?.noShow != true else { return view }
        let started = outcome.event.start(of: meeting).map { outcome.now >= $0 } ?? false
        let ended = outcome.event.end.map { outcome.now >= $0 } ?? false
        guard started else {
            view.notYet = true
            return view
        }
        // The rating right after the meeting comes first; the survey once that is given and the event is over.
        let ratedMeeting = ratings.contains { $0.registrationId == outcome.mine.id && $0.phase == .meeting }
        let phase: OutcomePhase = ratedMeeting && ended ? .followUp : .meeting
        let current = ratings.first { $0.registrationId == outcome.mine.id && $0.phase == phase }
        let agreements = partner.map { outcome.agreements[$0.organizationId] ?? [] } ?? []
        view.form = EventMeetingOutcomes.Form(
            action: EventPaths.outcome(outcome.event.id, meeting.requestId), phase: phase.rawValue,
            phaseLabel: phase.label.text(in: language),
            id: meeting.requestId.uuidString.lowercased(),
            outcomes: MeetingOutcome.allCases.map {
                Option(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == current?.outcome)
            },
            note: current?.note ?? "",
            agreements: agreements.map {
                Option(
                    value: $0.id.uuidString.lowercased(), label: $0.current.content.title.best(for: language),
                    selected: $0.id == current?.agreementId)
            },
            hasAgreements: !agreements.isEmpty)
        return view
    }

    /// The organisers' counts: meetings held, rated, and each outcome per phase.
    func outcomeSummary(_ summary: OutcomeSummary, _ language: Language) -> EventOutcomeSummary {
        EventOutcomeSummary(
            held: summary.meetingsHeld, rated: summary.meetingsRated,
            phases: summary.phases.map { phase in
                EventOutcomeSummary.Phase(
                    phase: phase.phase.label.text(in: language), ratings: phase.ratings,
                    counts: MeetingOutcome.allCases.map {
                        EventOutcomeSummary.Count(outcome: $0.label.text(in: language), count: phase.counts[$0] ?? 0)
                    })
            })
    }
}

/// One meeting's outcomes on the agenda: both sides' ratings, and the form the viewer may use now.
struct EventMeetingOutcomes {
    struct Rating {
        let who: String
        let phase: String
        let outcome: String
        let note: String?
        let agreementLink: String?
    }

    struct Form {
        let action: String
        let phase: String
        let phaseLabel: String
        let id: String
        let outcomes: [Option]
        let note: String
        let agreements: [Option]
        let hasAgreements: Bool
    }

    let ratings: [Rating]
    let hasRatings: Bool
    /// Set before the meeting has begun, when there is nothing to rate yet.
    var notYet: Bool?
    var form: Form?
}

struct EventOutcomeSummary {
    struct Count {
        let outcome: String
        let count: Int
    }

    struct Phase {
        let phase: String
        let ratings: Int
        let counts: [Count]
    }

    let held: Int
    let rated: Int
    let phases: [Phase]
}
