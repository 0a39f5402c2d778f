import Foundation
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

/// The event use cases against a real database, with the clock in the test's hands.
@Suite(.timeLimit(.minutes(10))) struct EventServiceTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21
    static let day: TimeInterval = 86_400
    static let catalog = ReferenceCatalog(
        areas: [Area(code: "smart-energy", label: LocalizedText(english: "Smart energy"), subtopics: [])],
        countries: [], provinces: [])

    struct World {
        let service: EventService
        let event: Event
        let organiser: Account
        let people: [(Account, UUID)]

        /// Everyone but the organiser registers, in order.
        func registerEveryone(at now: Date) async throws -> [Registration] {
            var registrations: [Registration] = []
            for (account, organization) in people {
                registrations.append(
                    try await service.register(
                        for: event.id, organizationId: organization, RegistrationInput(), by: account, now: now))
            }
            return registrations
        }
    }

    /// A published roundtable on 24 October in Brussels (3 slots, 1 table); registration open for ten days, requests
    /// for five.
    func world(_ db: SilkbridgeDatabase) async throws -> World {
        var accounts: [(Account, UUID)] = []
        for (name, country) in [
            ("Forum", "BE"), ("Isar Energy", "DE"), ("Shenzhen Grid", "CN"), ("Wuhan Optics", "CN"),
        ] {
            let account = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let organization = Fixtures.organization(name, country: country)
            try await db.directory.create(
                organization, owner: Fixtures.owner(of: organization, account),
                audit: Fixtures.audit(organization, account, "organization.created"))
            accounts.append((account, organization.id))
        }
        let service = EventService(
            repository: db.events,
            directory: DirectoryService(repository: db.directory, catalog: Self.catalog, links: Fixtures.links),
            catalog: Self.catalog, interests: db.interests, agreements: db.agreements)
        let input = EventInput(
            kind: .roundtable, title: LocalizedText(english: "Roundtable", chinese: "圆桌会议"),
            location: .online(url: "https://example.eu/room"), timeZoneId: "Europe/Brussels",
            sessions: [
                EventSession(
                    day: EventDay(year: 2026, month: 10, day: 24), startMinute: 540, slotMinutes: 20, slotCount: 3,
                    breakMinutes: 0, tables: 1)
            ],
            registration: RegistrationWindow(opens: Self.now, closes: Self.now + 10 * Self.day), capacity: 10,
            approvalRequired: false, themes: ["smart-energy"], requestCap: 5,
            requestDeadline: Self.now + 5 * Self.day)
        let draft = try await service.create(input, organizationId: accounts[0].1, by: accounts[0].0, now: Self.now)
        let event = try await service.publish(draft.id, by: accounts[0].0, now: Self.now)
        return World(service: service, event: event, organiser: accounts[0].0, people: Array(accounts.dropFirst()))
    }

    @Test(arguments: TestDatabase.available)
    func registrationFollowsItsWindowAndRequestsTheirDeadline(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let service = world.service
            let (anna, isar) = world.people[0]
            await #expect(throws: EventError.registrationClosed) {
                try await service.register(
                    for: world.event.id, organizationId: isar, RegistrationInput(), by: anna, now: Self.now - 60)
            }
            await #expect(throws: EventError.registrationClosed) {
                try await service.register(
                    for: world.event.id, organizationId: isar, RegistrationInput(), by: anna,
                    now: Self.now + 10 * Self.day)
            }
            let registrations = try await world.registerEveryone(at: Self.now + Self.day)
            #expect(registrations.allSatisfy { $0.isApproved })

            // A request made in time and left unanswered expires at the deadline and can no longer be accepted.
            let request = try await service.requestMeeting(
                at: world.event.id, MeetingRequestInput(inviteeId: registrations[1].id, priority: 2), by: anna,
                now: Self.now + Self.day)
            let late = Self.now + 5 * Self.day
            await #expect(throws: EventError.requestDeadlinePassed) {
                try await service.requestMeeting(
                    at: world.event.id, MeetingRequestInput(inviteeId: registrations[2].id, priority: 2), by: anna,
                    now: late)
            }
            await #expect(throws: EventError.requestDeadlinePassed) {
                try await service.answer(
                    request.id, at: world.event.id, accept: true, by: world.people[1].0, now: late)
            }
            #expect(
                try await service.myRequests(at: world.event.id, by: anna).map { $0.status(at: late) } == [.expired])
            let schedule = try await service.runSchedule(world.event.id, by: world.organiser, now: late)
            #expect(schedule.meetings.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func duringTheEventPastMeetingsStayAndANoShowsLaterSlotsAreRefilled(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let service = world.service
            let ids = try await world.registerEveryone(at: Self.now + Self.day).map(\.id)
            // Isar Energy meets both Chinese organisations; one table, so one meeting per slot.
            for (inviteeIndex, priority) in [(1, 3), (2, 1)] {
                let request = try await service.requestMeeting(
                    at: world.event.id, MeetingRequestInput(inviteeId: ids[inviteeIndex], priority: priority),
                    by: world.people[0].0, now: Self.now + Self.day)
                _ = try await service.answer(
                    request.id, at: world.event.id, accept: true, by: world.people[inviteeIndex].0,
                    now: Self.now + Self.day)
            }
            let first = try await service.runSchedule(world.event.id, by: world.organiser, now: Self.now + 2 * Self.day)
            #expect(first.meetings.count == 2)
            #expect(first.placedWeight == 4 && first.upperBound == 4)
            let audit = try await db.directory.auditTrail(
                of: world.event.organizerId, page: try Paging(limit: 10, cursor: nil))
            #expect(audit.items.contains { $0.action == "event.scheduled" })

            // Participants read only their own agenda; the organisers everything.
            let agenda = try await service.agenda(of: world.event.id, by: world.people[2].0)
            #expect(agenda.schedule.meetings.allSatisfy { $0.involves(ids[2]) })
            #expect(agenda.schedule.meetings.count == 1)
            await #expect(throws: EventError.notOrganizer) {
                try await service.schedule(of: world.event.id, by: world.people[0].0)
            }

            // Once the first slot has begun, Wuhan Optics is marked absent: a meeting of theirs already under way
            // stays, a later one is freed; Shenzhen Grid's published meeting stays where it was.
            let during = world.event.interval(of: world.event.slots[0]).start + 60
            _ = try await service.markNoShow(ids[2], of: world.event.id, noShow: true, by: world.organiser, now: during)
            let again = try await service.runSchedule(world.event.id, by: world.organiser, now: during)
            #expect(again.meetings == first.meetings.filter { !$0.involves(ids[2]) || $0.slot == 0 })
            #expect(again.meetings.count == 1, "the schedule puts the weightier meeting first and frees the other")
        }
    }

    @Test(arguments: TestDatabase.available)
    func simultaneousRequestsForTheSamePairMakeOneRequest(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let service = world.service
            let ids = try await world.registerEveryone(at: Self.now + Self.day).map(\.id)
            let (anna, invitee) = (world.people[0].0, ids[1])
            let made = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await service.requestMeeting(
                                at: world.event.id, MeetingRequestInput(inviteeId: invitee, priority: 2), by: anna,
                                now: Self.now + Self.day)
                            return true
                        } catch EventError.duplicateRequest {
                            return false
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(made == 1)
            #expect(try await db.events.requests(of: world.event.id).count == 1)
        }
    }
}
