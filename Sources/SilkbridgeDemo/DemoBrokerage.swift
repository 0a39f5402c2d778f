import Foundation
import SilkbridgeCore

/// A fictional two-day brokerage event three weeks after the demo was loaded, in Chengdu: 150 delegates from
/// each side (the owners of the fictional organisations and their colleagues), their availability by half day,
/// about 900 meeting requests shaped like a real event's (a few delegates everyone wants to meet, most requests
/// across the border), answered, and the meetings scheduled onto 60 tables.
package struct DemoBrokerage {
    package let demo: DemoEvents
    package let organizer: Organization
    package let by: Account
    package let owners: [String: DemoEvents.Member]

    package static let timeZone = TimeZone(identifier: "Asia/Shanghai")!
    package static let delegatesPerSide = 150
    package static let requests = 900

    package func load(now: Date) async throws -> Int {
        let first = EventDay(containing: now.addingTimeInterval(21 * 86_400), in: Self.timeZone)
        let second = EventDay(containing: now.addingTimeInterval(22 * 86_400), in: Self.timeZone)
        let start = first.instant(minute: 9 * 60, in: Self.timeZone)
        let sessions = [first, second].flatMap { day in
            [
                EventSession(
                    title: LocalizedText(english: "Morning meetings", chinese: "上午洽谈"), day: day,
                    startMinute: 9 * 60, slotMinutes: 25, slotCount: 8, breakMinutes: 5, tables: 60),
                EventSession(
                    title: LocalizedText(english: "Afternoon meetings", chinese: "下午洽谈"), day: day,
                    startMinute: 14 * 60, slotMinutes: 25, slotCount: 8, breakMinutes: 5, tables: 60),
            ]
        }
        let input = EventInput(
            kind: .brokerage,
            title: LocalizedText(
                english: "Digital Silk Road Brokerage Days", chinese: "数字丝绸之路对接洽谈日"),
            description: LocalizedText(
                english: "Two days of pre-arranged bilateral meetings between European and Chinese companies in "
                    + "smart energy, IoT, cloud and e-commerce. (A fictional event of the demo data.)",
                chinese: "为期两天的中欧企业预约双边洽谈，涵盖智慧能源、物联网、云计算与电子商务。（演示数据中的虚构活动。）"),
            location: .venue(
                name: LocalizedText(english: "International Exhibition Centre", chinese: "国际会展中心"),
                address: "Chengdu, Sichuan, China"),
            timeZoneId: Self.timeZone.identifier, sessions: sessions,
            registration: RegistrationWindow(
                opens: now.addingTimeInterval(-20 * 86_400), closes: start.addingTimeInterval(-86_400)),
            capacity: 320, approvalRequired: false,
            themes: ["smart-energy", "iot", "cloud-computing", "e-commerce", "smart-cities"],
            requestCap: 12, requestDeadline: start.addingTimeInterval(-3 * 86_400))
        let created = now.addingTimeInterval(-30 * 86_400)
        var event = try await demo.events.create(input, organizationId: organizer.id, by: by, now: created)
        event = try await demo.events.publish(event.id, by: by, now: created)

        var random = SeededRandom(seed: 300)
        let fictional = try DemoDirectory.entries().filter { !DemoRoundtable.stakeholders.contains($0.key) }
        var delegates: [Side: [Registration]] = [:]
        var accounts: [UUID: Account] = [:]
        let hash = try await demo.passwords.hash(DemoDirectory.demoPassword)
        for side in [Side.europe, .china] {
            let teams = fictional.compactMap { entry in owners[entry.key].map { (entry.key, $0) } }
                .filter { $0.1.organization.side == side }
            guard !teams.isEmpty else { continue }
            for number in 0..<Self.delegatesPerSide {
                let (key, member) = teams[number % teams.count]
                let colleague = number / teams.count
                let account =
                    colleague == 0
                    ? member.account
                    : try await colleagueAccount(key, colleague, of: member, side: side, hash: hash, &random)
                let sessionsAttended = availability(&random)
                let registration = try await demo.events.register(
                    for: event.id, organizationId: member.organization.id,
                    RegistrationInput(
                        availableSessions: sessionsAttended, wants: demo.wants(member.organization)),
                    by: account, now: now.addingTimeInterval(Double(-15 * 86_400 + number * 600)))
                delegates[side, default: []].append(registration)
                accounts[registration.id] = account
            }
        }
        let europe = delegates[.europe] ?? []
        let china = delegates[.china] ?? []
        let generated = BrokerageGenerator(
            participants: europe.count + china.count, requests: Self.requests, slotsPerDay: 16, days: 2
        ).problem(seed: 300)
        let everyone = europe + china
        let wishes = generated.meetings.compactMap { meeting -> (from: Account, to: Registration, priority: Int)? in
            // Colleagues do not book meetings with each other.
            guard let asker = accounts[everyone[meeting.first].id],
                everyone[meeting.first].organizationId != everyone[meeting.second].organizationId
            else { return nil }
            return (asker, everyone[meeting.second], meeting.weight)
        }
        _ = try await demo.request(
            wishes, at: event, askedAt: now.addingTimeInterval(-10 * 86_400),
            answeredAt: now.addingTimeInterval(-5 * 86_400), accounts: accounts, random: &random)
        _ = try await demo.events.runSchedule(event.id, by: by, now: now.addingTimeInterval(-86_400))
        return everyone.count
    }

    /// Most delegates stay both days; some come for one day or one half day.
    private func availability(_ random: inout SeededRandom) -> Set<Int> {
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.6 { return [0, 1, 2, 3] }
        if roll < 0.8 { return Bool.random(using: &random) ? [0, 1] : [2, 3] }
        return [Int.random(in: 0..<4, using: &random)]
    }

    /// A colleague of an organisation's owner, a member of the organisation with an account of their own.
    private func colleagueAccount(
        _ key: String, _ number: Int, of owner: DemoEvents.Member, side: Side, hash: String,
        _ random: inout SeededRandom
    ) async throws -> Account {
        let email = "\(key)-\(number)@demo.silkbridge.example"
        let account = try await demo.accounts.create(
            Account(
                id: UUID(), email: email, displayName: DemoNames.person(on: side, &random),
                preferredLanguage: side == .china ? .simplifiedChinese : .english, createdAt: Date(),
                emailVerifiedAt: Date()),
            passwordHash: hash)
        _ = try await demo.directory.addMember(
            email: email, role: .member, to: owner.organization.id, by: owner.account, accounts: demo.accounts)
        return account
    }
}
