import Foundation
import Logging
import SQLKit
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeStorage

@Suite(.timeLimit(.minutes(10))) struct EventStorageTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21

    /// An organiser's organisation with one brokerage event in Brussels, and two participants' accounts and
    /// organisations.
    func setUp(_ db: SilkbridgeDatabase) async throws -> (Event, [(Account, Organization)]) {
        var people: [(Account, Organization)] = []
        for name in ["ChinaEU", "Isar Energy", "Shenzhen Grid"] {
            let account = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let organization = Fixtures.organization(name, country: name == "Shenzhen Grid" ? "CN" : "BE")
            try await db.directory.create(
                organization, owner: Fixtures.owner(of: organization, account),
                audit: Fixtures.audit(organization, account, "organization.created"))
            people.append((account, organization))
        }
        var event = Event.blank(id: UUID(), kind: .brokerage, organizerId: people[0].1.id, createdAt: Self.now)
        event.title = LocalizedText(english: "China–EU digital roundtable", chinese: "中欧数字合作圆桌会议")
        event.location = .venue(name: LocalizedText(english: "Square Brussels"), address: "Mont des Arts")
        event.timeZoneId = "Europe/Brussels"
        event.sessions = [
            EventSession(
                day: EventDay(year: 2026, month: 10, day: 24), startMinute: 540, slotMinutes: 20, slotCount: 8,
                breakMinutes: 5, tables: 20)
        ]
        event.themes = ["5g", "smart-energy"]
        event.requestDeadline = Self.now.addingTimeInterval(86_400)
        try await db.events.insert(
            event, audit: [Fixtures.audit(people[0].1, people[0].0, "event.created", at: Self.now)])
        return (event, people)
    }

    func registration(_ event: Event, _ person: (Account, Organization), at: Date) -> Registration {
        Registration(
            id: UUID(), eventId: event.id, organizationId: person.1.id, accountId: person.0.id,
            displayName: person.0.displayName, availableSessions: [0],
            wants: LocalizedText(english: "Grid partners", chinese: "电网合作伙伴"), status: .approved, createdAt: at)
    }

    @Test(arguments: TestDatabase.available)
    func eventsComeBackWholeAndAreListedByStart(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (event, people) = try await setUp(db)
            #expect(try await db.events.event(id: event.id) == event)
            #expect(try await db.events.events(startingFrom: Self.now, limit: 10).map(\.id) == [event.id])
            #expect(try await db.events.events(startingFrom: event.start!.addingTimeInterval(1), limit: 10).isEmpty)
            #expect(try await db.events.events(organizedBy: people[0].1.id).map(\.id) == [event.id])
            #expect(try await db.events.events(organizedBy: people[1].1.id).isEmpty)

            var changed = event
            changed.sessions[0].day = EventDay(year: 2026, month: 10, day: 25)
            changed.updatedAt = Self.now.addingTimeInterval(60)
            try await db.events.update(
                changed, audit: [Fixtures.audit(people[0].1, people[0].0, "event.updated", at: changed.updatedAt)])
            #expect(try await db.events.event(id: event.id) == changed)
            #expect(try await db.events.events(startingFrom: event.start!.addingTimeInterval(1), limit: 10).count == 1)
            let trail = try await db.directory.auditTrail(of: people[0].1.id, page: Paging(limit: 10)).items
            #expect(
                trail.map(\.action).filter { $0.hasPrefix("event.") }.sorted() == ["event.created", "event.updated"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAccountRegistersOncePerEvent(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (event, people) = try await setUp(db)
            let anna = registration(event, people[1], at: Self.now)
            #expect(try await db.events.insert(anna))
            #expect(try await !db.events.insert(registration(event, people[1], at: Self.now.addingTimeInterval(1))))
            var li = registration(event, people[2], at: Self.now.addingTimeInterval(2))
            #expect(try await db.events.insert(li))
            li.noShow = true
            li.status = .cancelled
            try await db.events.update(li)
            #expect(try await db.events.registrations(of: event.id) == [anna, li])
            #expect(try await db.events.registration(id: li.id)?.noShow == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func requestsAndTheScheduleRoundTrip(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (event, people) = try await setUp(db)
            let anna = registration(event, people[1], at: Self.now)
            let li = registration(event, people[2], at: Self.now)
            _ = try await db.events.insert(anna)
            _ = try await db.events.insert(li)
            var request = MeetingRequest(
                id: UUID(), eventId: event.id, requesterId: anna.id, inviteeId: li.id, priority: .essential,
                message: "Storage for grids, 储能", deadline: event.requestDeadline, createdAt: Self.now)
            try await db.events.insert(request)
            try request.answer(accept: true, by: li.id, at: Self.now.addingTimeInterval(60))
            try await db.events.update(request)
            #expect(try await db.events.requests(of: event.id) == [request])
            #expect(try await db.events.request(id: request.id)?.status(at: event.requestDeadline) == .accepted)

            let schedule = EventScheduling().schedule(
                event, registrations: [anna, li], requests: [request], published: nil, now: Self.now)
            #expect(schedule.meetings.count == 1)
            func audit() -> [AuditEvent] { [Fixtures.audit(people[0].1, people[0].0, "event.scheduled", at: Self.now)] }
            try await db.events.save(schedule, audit: audit())
            #expect(try await db.events.schedule(of: event.id) == schedule)
            var again = schedule
            again.meetings[0].table = 7
            try await db.events.save(again, audit: audit())
            #expect(try await db.events.schedule(of: event.id) == again)
        }
    }

    /// Two servers on one PostgreSQL database: while one holds an event, the other's hold waits, and then reads
    /// what the first wrote, so checks made under a hold still hold across servers.
    @Test(.enabled(if: TestDatabase.available.contains(.postgres)))
    func aHoldOnAnEventMakesAnotherServerWait() async throws {
        try await TestDatabase.postgres.withDatabase { db in
            let (event, people) = try await setUp(db)
            let anna = registration(event, people[1], at: Self.now)
            let li = registration(event, people[2], at: Self.now)
            _ = try await db.events.insert(anna)
            _ = try await db.events.insert(li)
            let other = try SilkbridgeDatabase(location: db.location, logger: Logger(label: "test"))
            let sql = db.database as! any SQLDatabase
            let second = try await db.events.exclusively(event.id) { held in
                let second = Task {
                    try await other.events.exclusively(event.id) { try await $0.requests(of: event.id) }
                }
                // Write only once the other server is waiting for the event, so that without the hold it would
                // have read before the write.
                for _ in 0..<400 {
                    let waiting = try await sql.raw(
                        """
                        SELECT count(*) AS waiting FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE '%FROM events%FOR UPDATE%'
                        """
                    ).first(decoding: Waiting.self)
                    if waiting?.waiting ?? 0 > 0 { break }
                    try await Task.sleep(for: .milliseconds(25))
                }
                try await held.insert(
                    MeetingRequest(
                        id: UUID(), eventId: event.id, requesterId: anna.id, inviteeId: li.id, priority: .wanted,
                        message: "", deadline: event.requestDeadline, createdAt: Self.now))
                return second
            }
            let seen = try await second.value
            await other.shutdown()
            #expect(seen.count == 1)
        }
    }

    struct Waiting: Decodable {
        let waiting: Int
    }
}
