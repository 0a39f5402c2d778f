import Foundation
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

/// Meeting outcomes against a real database, with the clock in the test's hands: when ratings open, who may give
/// and read them, and how they move the exchange pipeline.
@Suite(.timeLimit(.minutes(10))) struct MeetingOutcomeTests {
    struct Meetings {
        let world: EventServiceTests.World
        /// Isar Energy's, Shenzhen Grid's and Wuhan Optics' registrations.
        let ids: [UUID]
        /// Isar Energy meets Shenzhen Grid, and Wuhan Optics.
        let withShenzhen: ScheduledMeeting
        let withWuhan: ScheduledMeeting
        var service: EventService { world.service }
        var eventId: UUID { world.event.id }
        var isar: Account { world.people[0].0 }
        var shenzhen: Account { world.people[1].0 }
        var wuhan: Account { world.people[2].0 }
        var end: Date { world.event.end! }

        func start(_ meeting: ScheduledMeeting) -> Date { world.event.start(of: meeting)! }
    }

    /// The roundtable of `EventServiceTests`, with both of Isar Energy's meetings accepted and scheduled.
    func meetings(_ db: SilkbridgeDatabase) async throws -> Meetings {
        let world = try await EventServiceTests().world(db)
        let service = world.service
        let now = EventServiceTests.now + EventServiceTests.day
        var ids: [UUID] = []
        for (account, organization) in world.people {
            ids.append(
                try await service.register(
                    for: world.event.id, organizationId: organization, RegistrationInput(), by: account, now: now
                ).id)
        }
        for invitee in [1, 2] {
            let request = try await service.requestMeeting(
                at: world.event.id, MeetingRequestInput(inviteeId: ids[invitee], priority: 2), by: world.people[0].0,
                now: now)
            _ = try await service.answer(
                request.id, at: world.event.id, accept: true, by: world.people[invitee].0, now: now)
        }
        let schedule = try await service.runSchedule(world.event.id, by: world.organiser, now: now)
        let withShenzhen = try #require(schedule.meetings.first { $0.involves(ids[1]) })
        let withWuhan = try #require(schedule.meetings.first { $0.involves(ids[2]) })
        return Meetings(world: world, ids: ids, withShenzhen: withShenzhen, withWuhan: withWuhan)
    }

    /// The exchange and its expressions of interest, to reach a meeting from an accepted interest.
    static func exchange(_ db: SilkbridgeDatabase) -> (ExchangeService, InterestService) {
        let exchange = ExchangeService(
            repository: db.exchange, directory: db.directory, catalog: ExchangeStorageTests.catalog)
        return (exchange, InterestService(repository: db.interests, exchange: exchange, directory: db.directory))
    }

    @Test(arguments: TestDatabase.available)
    func ratingsOpenWithTheMeetingAndTheSurveyOnceTheEventIsOver(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let m = try await meetings(db)
            let meeting = m.withShenzhen
            let start = m.start(meeting)
            await #expect(throws: EventError.meetingNotStarted) {
                try await m.service.rate(
                    meeting: meeting.requestId, at: m.eventId, phase: .meeting, outcome: .negotiating, by: m.shenzhen,
                    now: start - 1)
            }
            await #expect(throws: EventError.followUpNotOpen) {
                try await m.service.rate(
                    meeting: meeting.requestId, at: m.eventId, phase: .followUp, outcome: .negotiating, by: m.shenzhen,
                    now: m.end - 1)
            }

            // Rating the same phase again replaces the earlier rating.
            _ = try await m.service.rate(
                meeting: meeting.requestId, at: m.eventId, phase: .meeting, outcome: .followUpPlanned, by: m.shenzhen,
                now: start)
            let replaced = try await m.service.rate(
                meeting: meeting.requestId, at: m.eventId, phase: .meeting, outcome: .negotiating,
                note: "  Pilot in Munich  ", by: m.shenzhen, now: start + 60)
            #expect(replaced.note == "Pilot in Munich")
            _ = try await m.service.rate(
                meeting: meeting.requestId, at: m.eventId, phase: .meeting, outcome: .noFurtherContact, by: m.isar,
                now: start + 120)
            _ = try await m.service.rate(
                meeting: meeting.requestId, at: m.eventId, phase: .followUp, outcome: .agreementReached, by: m.isar,
                now: m.end)

            // Both sides of the meeting see both sides' ratings; the other participants none of them.
            let seenByShenzhen = try await m.service.myOutcomes(at: m.eventId, by: m.shenzhen)
            #expect(seenByShenzhen.count == 3)
            let shenzhenOwn = seenByShenzhen.filter { $0.registrationId == m.ids[1] }
            #expect(shenzhenOwn.map(\.outcome) == [.negotiating])
            #expect(shenzhenOwn.map(\.ratedAt) == [start + 60])
            #expect(try await m.service.myOutcomes(at: m.eventId, by: m.isar) == seenByShenzhen)
            #expect(try await m.service.myOutcomes(at: m.eventId, by: m.wuhan).isEmpty)

            let outcomes = try await m.service.outcomes(of: m.eventId, by: m.world.organiser, now: m.end)
            #expect(outcomes.ratings == seenByShenzhen)
            #expect(outcomes.summary.meetingsHeld == 2)
            #expect(outcomes.summary.meetingsRated == 1)
            let duringMeetings = try #require(outcomes.summary.phase(.meeting))
            #expect(duringMeetings.ratings == 2 && duringMeetings.meetingsRated == 1)
            #expect(
                duringMeetings.counts == [
                    .noFurtherContact: 1, .followUpPlanned: 0, .negotiating: 1, .agreementReached: 0,
                ])
            #expect(outcomes.summary.phase(.followUp)?.counts[.agreementReached] == 1)
            let beforeTheEvent = try await m.service.outcomes(
                of: m.eventId, by: m.world.organiser, now: m.world.event.start! - 1)
            #expect(beforeTheEvent.summary.meetingsHeld == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheTwoParticipantsRateAndOnlyTheyAndTheOrganisersRead(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let m = try await meetings(db)
            let meeting = m.withShenzhen.requestId
            let later = m.end + EventServiceTests.day
            let stranger = try await db.accounts.create(Fixtures.account(), passwordHash: "x")

            // Another participant's meeting reads as not found, like other people's meeting requests.
            await #expect(throws: EventError.requestNotFound) {
                try await m.service.rate(
                    meeting: meeting, at: m.eventId, phase: .meeting, outcome: .negotiating, by: m.wuhan, now: later)
            }
            await #expect(throws: EventError.registrationNotFound) {
                try await m.service.rate(
                    meeting: meeting, at: m.eventId, phase: .meeting, outcome: .negotiating, by: stranger, now: later)
            }
            await #expect(throws: EventError.registrationNotFound) {
                try await m.service.myOutcomes(at: m.eventId, by: stranger)
            }
            await #expect(throws: EventError.notOrganizer) {
                try await m.service.outcomes(of: m.eventId, by: m.isar)
            }
            await #expect(throws: EventError.notOrganizer) {
                try await m.service.outcomes(of: m.eventId, by: stranger)
            }
            #expect(try await db.events.ratings(of: m.eventId).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func meetingsThatDidNotHappenCannotBeRated(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let m = try await meetings(db)
            let later = m.end + EventServiceTests.day

            // Accepted after the schedule was made, so not in it.
            let unscheduled = try await m.service.requestMeeting(
                at: m.eventId, MeetingRequestInput(inviteeId: m.ids[2], priority: 1), by: m.shenzhen,
                now: EventServiceTests.now + 2 * EventServiceTests.day)
            _ = try await m.service.answer(
                unscheduled.id, at: m.eventId, accept: true, by: m.wuhan,
                now: EventServiceTests.now + 2 * EventServiceTests.day)
            await #expect(throws: EventError.meetingNotScheduled) {
                try await m.service.rate(
                    meeting: unscheduled.id, at: m.eventId, phase: .followUp, outcome: .negotiating, by: m.shenzhen,
                    now: later)
            }

            _ = try await m.service.markNoShow(
                m.ids[2], of: m.eventId, noShow: true, by: m.world.organiser, now: m.start(m.withWuhan))
            for phase in OutcomePhase.allCases {
                await #expect(throws: EventError.raterNoShow) {
                    try await m.service.rate(
                        meeting: m.withWuhan.requestId, at: m.eventId, phase: phase, outcome: .negotiating,
                        by: m.wuhan, now: later)
                }
                await #expect(throws: EventError.partnerNoShow) {
                    try await m.service.rate(
                        meeting: m.withWuhan.requestId, at: m.eventId, phase: phase, outcome: .negotiating, by: m.isar,
                        now: later)
                }
            }
            let outcomes = try await m.service.outcomes(of: m.eventId, by: m.world.organiser, now: later)
            #expect(outcomes.summary.meetingsHeld == 1)
            #expect(outcomes.ratings.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func outcomesMoveAcceptedInterestsToTheMeetingStageAndNeverBack(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let m = try await meetings(db)
            let now = EventServiceTests.now
            let (exchange, interests) = Self.exchange(db)
            let (isarOrganization, shenzhenOrganization, wuhanOrganization) = (
                m.world.people[0].1, m.world.people[1].1, m.world.people[2].1
            )
            var opportunities: [UUID] = []
            for _ in 0..<4 {
                let draft = try await exchange.create(
                    ExchangeStorageTests.input, for: isarOrganization, by: m.isar, now: now)
                opportunities.append(try await exchange.publish(id: draft.id, by: m.isar, now: now).id)
            }
            func accepted(_ opportunity: UUID, from organization: UUID, _ sender: Account) async throws -> Interest {
                let sent = try await interests.send(
                    on: opportunity, from: organization, message: "Let us talk", by: sender, now: now)
                return try await interests.answer(id: sent.id, accept: true, by: m.isar, now: now)
            }
            let atContact = try await accepted(opportunities[0], from: shenzhenOrganization, m.shenzhen)
            let further = try await interests.advance(
                id: try await accepted(opportunities[1], from: shenzhenOrganization, m.shenzhen).id,
                to: .letterOfIntent, by: m.isar, now: now)
            let otherPair = try await accepted(opportunities[2], from: wuhanOrganization, m.wuhan)
            let pending = try await interests.send(
                on: opportunities[3], from: shenzhenOrganization, message: "Maybe", by: m.shenzhen, now: now)
            func stages() async throws -> [PipelineStage?] {
                var result: [PipelineStage?] = []
                for id in [atContact.id, further.id, otherPair.id, pending.id] {
                    result.append(try await db.interests.interest(id: id)?.stage)
                }
                return result
            }
            #expect(try await stages() == [.contact, .letterOfIntent, .contact, nil])

            let meeting = m.withShenzhen.requestId
            let during = m.start(m.withShenzhen) + 60
            _ = try await m.service.rate(
                meeting: meeting, at: m.eventId, phase: .meeting, outcome: .noFurtherContact, by: m.shenzhen,
                now: during)
            #expect(try await stages() == [.contact, .letterOfIntent, .contact, nil])

            _ = try await m.service.rate(
                meeting: meeting, at: m.eventId, phase: .meeting, outcome: .followUpPlanned, by: m.shenzhen,
                now: during)
            #expect(try await stages() == [.meeting, .letterOfIntent, .contact, nil])
            let moved = try #require(try await db.interests.interest(id: atContact.id))
            #expect(moved.updatedAt == during)
            for organization in [isarOrganization, shenzhenOrganization] {
                let trail = try await db.directory.auditTrail(
                    of: organization, page: try Paging(limit: 50, cursor: nil))
                #expect(trail.items.filter { $0.action == "interest.stage.meeting" }.count == 1)
            }

            // Said again, by the other side, nothing moves twice; the interests are audited once.
            _ = try await m.service.rate(
                meeting: meeting, at: m.eventId, phase: .meeting, outcome: .negotiating, by: m.isar, now: during)
            #expect(try await stages() == [.meeting, .letterOfIntent, .contact, nil])
            let trail = try await db.directory.auditTrail(
                of: isarOrganization, page: try Paging(limit: 50, cursor: nil))
            #expect(trail.items.filter { $0.action == "interest.stage.meeting" }.count == 1)
            #expect(trail.items.filter { $0.action == "event.meeting.rated" }.count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func bothSidesRatingAtOnceMoveTheInterestOnce(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let m = try await meetings(db)
            let now = EventServiceTests.now
            let (exchange, interests) = Self.exchange(db)
            let draft = try await exchange.create(
                ExchangeStorageTests.input, for: m.world.people[0].1, by: m.isar, now: now)
            _ = try await exchange.publish(id: draft.id, by: m.isar, now: now)
            let sent = try await interests.send(
                on: draft.id, from: m.world.people[1].1, message: "Let us talk", by: m.shenzhen, now: now)
            _ = try await interests.answer(id: sent.id, accept: true, by: m.isar, now: now)

            let during = m.start(m.withShenzhen) + 60
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<4 {
                    for rater in [m.isar, m.shenzhen] {
                        group.addTask {
                            _ = try await m.service.rate(
                                meeting: m.withShenzhen.requestId, at: m.eventId, phase: .meeting,
                                outcome: round % 2 == 0 ? .negotiating : .followUpPlanned, by: rater, now: during)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await db.interests.interest(id: sent.id)?.stage == .meeting)
            #expect(try await db.events.ratings(of: m.eventId).count == 2)
            let trail = try await db.directory.auditTrail(
                of: m.world.people[1].1, page: try Paging(limit: 50, cursor: nil))
            #expect(trail.items.filter { $0.action == "interest.stage.meeting" }.count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAgreementIsLinkedOnlyWhenReachedAndOnlyBetweenTheTwoOrganisations(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let m = try await meetings(db)
            let meeting = m.withShenzhen.requestId
            let later = m.end + EventServiceTests.day
            let organizations = m.world.people.map(\.1)
            let theirs = try await agreement(between: [organizations[0], organizations[1]], db)
            let withSomeoneElse = try await agreement(between: [organizations[0], organizations[2]], db)

            await #expect(throws: EventError.agreementNeedsAgreementReached) {
                try await m.service.rate(
                    meeting: meeting, at: m.eventId, phase: .followUp, outcome: .negotiating, agreementId: theirs,
                    by: m.isar, now: later)
            }
            for wrong in [withSomeoneElse, UUID()] {
                await #expect(throws: EventError.agreementNotBetweenParties) {
                    try await m.service.rate(
                        meeting: meeting, at: m.eventId, phase: .followUp, outcome: .agreementReached,
                        agreementId: wrong, by: m.isar, now: later)
                }
            }
            let linked = try await m.service.rate(
                meeting: meeting, at: m.eventId, phase: .followUp, outcome: .agreementReached, agreementId: theirs,
                by: m.isar, now: later)
            #expect(linked.agreementId == theirs)
            #expect(try await m.service.myOutcomes(at: m.eventId, by: m.shenzhen).map(\.agreementId) == [theirs])
        }
    }

    /// A draft agreement between the organisations, stored directly: linking needs only its parties.
    func agreement(between organizations: [UUID], _ db: SilkbridgeDatabase) async throws -> UUID {
        let content = AgreementContent(
            title: LocalizedText(english: "Letter of intent"), areas: [],
            term: AgreementTerm(start: EventServiceTests.now, durationMonths: 12), prevailingLanguage: nil,
            text: LocalizedText(english: "We intend to cooperate."), attachments: [])
        let agreement = Agreement(
            id: UUID(), kind: .letterOfIntent, visibility: .digestOnly,
            parties: organizations.map {
                AgreementParty(organizationId: $0, name: LocalizedText(english: "Party"), side: .europe)
            },
            initiatorId: organizations[0], interestId: nil,
            firstVersion: AgreementVersion(
                number: 1, content: content, document: Data(), digest: "", authorName: "Anna",
                createdAt: EventServiceTests.now),
            createdAt: EventServiceTests.now)
        try await db.agreements.insert(agreement, audit: [])
        return agreement.id
    }
}
