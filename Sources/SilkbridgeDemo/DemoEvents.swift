import Foundation
import SilkbridgeCore

/// The demo's events, dated around the day the demo is loaded so that it always has a past and a coming event:
/// the first China–EU digital cooperation roundtable in Brussels ten days ago, its stakeholders registered and
/// their bilateral meetings scheduled and rated, and a fictional brokerage event of 300 delegates three weeks
/// ahead, its requests answered and its meetings scheduled. ChinaEU, whose owner is the demo user, runs both;
/// the demo user also took part in the roundtable, and their own ratings are left for them to record.
package struct DemoEvents {
    package let accounts: any AccountRepository
    package let directory: DirectoryService
    package let events: EventService
    package let agreements: AgreementService
    package let passwords: any PasswordHasher
    package let catalog: ReferenceCatalog

    /// A demo organisation and the account that owns it.
    package struct Member {
        package let organization: Organization
        package let account: Account
    }

    /// Loads both events, unless ChinaEU already runs one; the numbers of registrations.
    package func load(now: Date = Date()) async throws -> (roundtable: Int, brokerage: Int) {
        guard let demo = try await accounts.find(email: DemoDirectory.demoEmail)?.account,
            let chinaEU = try await directory.memberships(of: demo).map(\.0)
                .first(where: { $0.name.english == "ChinaEU" }),
            try await events.events(viewer: demo, now: now).isEmpty
        else { return (0, 0) }
        var owners: [String: Member] = [:]
        let all = try await directory.list(OrganizationFilter(), page: try Paging(limit: Paging.maximumLimit)).items
        let byName = Dictionary(all.map { ($0.name.english ?? "", $0) }) { first, _ in first }
        for entry in try DemoDirectory.entries() {
            guard let organization = byName[entry.name.english ?? ""] else { continue }
            let account =
                entry.key == "chinaeu"
                ? demo : try await accounts.find(email: "\(entry.key)@demo.silkbridge.example")?.account
            if let account { owners[entry.key] = Member(organization: organization, account: account) }
        }
        let roundtable = try await DemoRoundtable(demo: self, organizer: chinaEU, by: demo, owners: owners)
            .load(now: now)
        let brokerage = try await DemoBrokerage(demo: self, organizer: chinaEU, by: demo, owners: owners)
            .load(now: now)
        return (roundtable, brokerage)
    }

    /// Asks for meetings in order, then lets each invitee answer: most accept, some decline and, while the
    /// deadline has not passed, a few leave the request open. Requests over a participant's cap are left out,
    /// as the platform would refuse them.
    package func request(
        _ wishes: [(from: Account, to: Registration, priority: Int)], at event: Event, askedAt: Date,
        answeredAt: Date, accounts owners: [UUID: Account], random: inout SeededRandom
    ) async throws -> Int {
        var made = 0
        for (index, wish) in wishes.enumerated() {
            let request: MeetingRequest
            do {
                request = try await events.requestMeeting(
                    at: event.id, MeetingRequestInput(inviteeId: wish.to.id, priority: wish.priority), by: wish.from,
                    now: askedAt.addingTimeInterval(Double(index) * 60))
            } catch EventError.requestCapReached {
                continue
            } catch EventError.duplicateRequest {
                continue
            }
            made += 1
            guard let invitee = owners[wish.to.id] else { continue }
            let roll = Double.random(in: 0..<1, using: &random)
            // The essential meetings of the demo's story are always accepted.
            if wish.priority == 3 || roll < 0.85 {
                _ = try await events.answer(request.id, at: event.id, accept: true, by: invitee, now: answeredAt)
            } else if roll < 0.95 || answeredAt >= event.requestDeadline {
                _ = try await events.answer(request.id, at: event.id, accept: false, by: invitee, now: answeredAt)
            }
        }
        return made
    }

    /// What an organisation wants from an event: partners on the other side in its first areas.
    package func wants(_ organization: Organization) -> LocalizedText {
        let areas = organization.areas.prefix(2).compactMap { catalog.area($0)?.label }
        let english = areas.map { $0.best(for: .english) }.joined(separator: " and ")
        let chinese = areas.map { $0.best(for: .simplifiedChinese) }.joined(separator: "、")
        return organization.side == .china
            ? LocalizedText(english: "European partners in \(english).", chinese: "寻找欧洲合作伙伴：\(chinese)。")
            : LocalizedText(english: "Chinese partners in \(english).", chinese: "寻找中国合作伙伴：\(chinese)。")
    }
}
