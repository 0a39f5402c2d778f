import Foundation
import SilkbridgeCore

/// The first China–EU digital cooperation roundtable, replayed in Brussels ten days before the demo was
/// loaded: the stakeholders of the demo directory and a dozen fictional European companies, their meeting
/// requests (China Unicom asking Nokia, the China Internet Development Foundation asking ChinaEU), the
/// schedule of the afternoon's bilateral meetings.
package struct DemoRoundtable {
    package let demo: DemoEvents
    package let organizer: Organization
    package let by: Account
    package let owners: [String: DemoEvents.Member]

    package static let timeZone = TimeZone(identifier: "Europe/Brussels")!
    /// The real stakeholders, then as many fictional European companies.
    package static let stakeholders = [
        "china-mobile", "china-telecom", "china-unicom", "alibaba-group", "tencent", "baidu", "zte", "huawei",
        "xiaomi", "nokia", "chinaeu", "china-internet-development-fund",
    ]
    package static let europeanGuests = 12
    /// The meetings the roundtable is remembered for, asked for first and always accepted.
    package static let storyMeetings = [("china-unicom", "nokia"), ("china-internet-development-fund", "chinaeu")]

    /// Creates, fills and schedules the roundtable; the number of registrations.
    package func load(now: Date) async throws -> Int {
        let day = EventDay(containing: now.addingTimeInterval(-10 * 86_400), in: Self.timeZone)
        let start = day.instant(minute: 14 * 60, in: Self.timeZone)
        let input = EventInput(
            kind: .roundtable,
            title: LocalizedText(
                english: "First China–EU Digital Cooperation Roundtable", chinese: "首届中欧数字合作圆桌会议"),
            description: LocalizedText(
                english: "Chinese internet and telecom companies and European firms and associations meet to build a "
                    + "digital Silk Road: 5G, cloud, the Internet of Things, big data, e-commerce, smart cities and "
                    + "smart energy. The afternoon is bilateral meetings between the two sides. (Demo data: the "
                    + "roundtable replayed around the day the demo was loaded.)",
                chinese: "中国互联网与电信企业同欧洲企业和协会共商“数字丝绸之路”：5G、云计算、物联网、大数据、电子商务、智慧城市与智慧能源。"
                    + "下午为中欧双方的双边会谈。（演示数据：以演示数据加载日为基准重现的圆桌会议。）"),
            location: .venue(
                name: LocalizedText(english: "Brussels", chinese: "布鲁塞尔"), address: "Belgium"),
            timeZoneId: Self.timeZone.identifier,
            sessions: [
                EventSession(
                    title: LocalizedText(english: "Bilateral meetings", chinese: "双边会谈"), day: day,
                    startMinute: 14 * 60, slotMinutes: 20, slotCount: 8, breakMinutes: 5, tables: 8)
            ],
            registration: RegistrationWindow(
                opens: start.addingTimeInterval(-40 * 86_400), closes: start.addingTimeInterval(-3600)),
            capacity: 60, approvalRequired: true,
            themes: ["5g", "cloud-computing", "iot", "smart-cities", "smart-energy"],
            requestCap: 6, requestDeadline: start.addingTimeInterval(-86_400))
        let created = start.addingTimeInterval(-45 * 86_400)
        var event = try await demo.events.create(input, organizationId: organizer.id, by: by, now: created)
        event = try await demo.events.publish(event.id, by: by, now: created)
        let guests = try DemoDirectory.entries().filter { $0.country != "CN" && !Self.stakeholders.contains($0.key) }
            .prefix(Self.europeanGuests).map(\.key)
        var registrations: [String: Registration] = [:]
        var accounts: [UUID: Account] = [:]
        for (index, key) in (Self.stakeholders + guests).enumerated() {
            guard let member = owners[key] else { continue }
            let registration = try await demo.events.register(
                for: event.id, organizationId: member.organization.id,
                RegistrationInput(wants: demo.wants(member.organization)),
                by: member.account, now: start.addingTimeInterval(Double(-30 * 86_400 + index * 3600)))
            _ = try await demo.events.decide(
                registration.id, of: event.id, approve: true, by: by, now: start.addingTimeInterval(-25 * 86_400))
            registrations[key] = registration
            accounts[registration.id] = member.account
        }
        var random = SeededRandom(seed: 2015)
        var wishes: [(from: Account, to: Registration, priority: Int)] = []
        for (from, to) in Self.storyMeetings {
            if let asker = owners[from], let invitee = registrations[to] { wishes.append((asker.account, invitee, 3)) }
        }
        let chinese = registrations.filter { owners[$0.key]?.organization.side == .china }.keys.sorted()
        let european = registrations.filter { owners[$0.key]?.organization.side == .europe }.keys.sorted()
        for (askers, others) in [(chinese, european), (european, chinese)] {
            for key in askers {
                guard let asker = owners[key] else { continue }
                for other in others.shuffled(using: &random).prefix(3) {
                    guard let invitee = registrations[other] else { continue }
                    wishes.append((asker.account, invitee, Int.random(in: 1...2, using: &random)))
                }
            }
        }
        _ = try await demo.request(
            wishes, at: event, askedAt: start.addingTimeInterval(-20 * 86_400),
            answeredAt: start.addingTimeInterval(-10 * 86_400), accounts: accounts, random: &random)
        let schedule = try await demo.events.runSchedule(event.id, by: by, now: start.addingTimeInterval(-12 * 3600))
        var byId: [UUID: (key: String, registration: Registration)] = [:]
        for (key, registration) in registrations { byId[registration.id] = (key, registration) }
        try await rate(schedule, of: event, participants: byId, accounts: accounts, &random)
        return registrations.count
    }

    /// Both sides say what came of each meeting the next day, and half of those still talking answer the survey a
    /// week later. The story's meetings reached the agreements signed at the roundtable. The demo user's own
    /// ratings are left for them to give.
    private func rate(
        _ schedule: EventSchedule, of event: Event, participants: [UUID: (key: String, registration: Registration)],
        accounts: [UUID: Account], _ random: inout SeededRandom
    ) async throws {
        let story = Set(Self.storyMeetings.map { Set([$0.0, $0.1]) })
        let nextDay = (event.start ?? Date()).addingTimeInterval(86_400)
        let survey = (event.end ?? nextDay).addingTimeInterval(7 * 86_400)
        for meeting in schedule.meetings {
            let pair = [meeting.requesterId, meeting.inviteeId]
            let isStory = story.contains(Set(pair.compactMap { participants[$0]?.key }))
            for (side, other) in [(pair[0], pair[1]), (pair[1], pair[0])] {
                guard let account = accounts[side], participants[side]?.key != "chinaeu",
                    let partner = participants[other]?.registration
                else { continue }
                var outcome = isStory ? MeetingOutcome.agreementReached : Self.outcome(&random)
                let agreement =
                    isStory
                    ? try await demo.agreements.agreements(of: account).first { $0.isParty(partner.organizationId) }
                    : nil
                _ = try await demo.events.rate(
                    meeting: meeting.requestId, at: event.id, phase: .meeting, outcome: outcome,
                    agreementId: agreement?.id, by: account, now: nextDay)
                guard outcome.continuesCooperation, isStory || Bool.random(using: &random) else { continue }
                if outcome == .followUpPlanned {
                    outcome = Bool.random(using: &random) ? .negotiating : .followUpPlanned
                }
                _ = try await demo.events.rate(
                    meeting: meeting.requestId, at: event.id, phase: .followUp, outcome: outcome,
                    agreementId: agreement?.id, by: account, now: survey)
            }
        }
    }

    /// Most first meetings lead to a follow-up; some go no further, a few straight into negotiation.
    private static func outcome(_ random: inout SeededRandom) -> MeetingOutcome {
        let roll = Double.random(in: 0..<1, using: &random)
        return roll < 0.3 ? .noFurtherContact : roll < 0.8 ? .followUpPlanned : .negotiating
    }
}
