import Foundation
import Logging
import SilkbridgeCore

/// Demo opportunities and interests: for each fictional demo organisation, opportunities that make it a
/// partner of one on the other side (see `DemoPartnerPlan`) and one more of any type, written from bilingual
/// templates; and interests at every stage between the two sides.
/// Real organisations of the demo directory get none, so nothing is put in their mouths.
package struct DemoExchange {
    package struct Organization: Decodable {
        package let key: String
        package let country: String
        package let areas: [String]
        package let fictional: Bool?
    }

    package struct Template: Decodable {
        package let title: LocalizedText
        package let summary: LocalizedText
        package let partnerships: [PartnershipType]
    }

    package struct Templates: Decodable {
        package let closing: LocalizedText
        package let types: [String: Template]
        package let messages: [LocalizedText]
    }

    package let accounts: any AccountRepository
    package let directory: DirectoryService
    package let exchange: ExchangeService
    package let interests: InterestService
    package let catalog: ReferenceCatalog
    package let logger: Logger

    package static func resource<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/Demo")
        else { throw CocoaError(.fileNoSuchFile) }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// Loads the demo opportunities unless there are already some; returns how many it created.
    package func load(now: Date = Date()) async throws -> Int {
        let existing = try await exchange.list(OpportunityFilter(), viewer: nil, page: try Paging(limit: 1), now: now)
        guard existing.items.isEmpty else { return 0 }
        let templates = try Self.resource("opportunity-templates", as: Templates.self)
        let entries = try Self.resource("organizations", as: [Organization].self).filter { $0.fictional == true }
        var owners: [(account: Account, organization: SilkbridgeCore.Organization)] = []
        for entry in entries {
            guard let account = try await accounts.find(email: "\(entry.key)@demo.silkbridge.example")?.account,
                let organization = try await directory.memberships(of: account).first?.0
            else { continue }
            owners.append((account, organization))
        }
        let plan = DemoPartnerPlan(owners.map(\.organization))
        let plans = plan.opportunities
        var published: [(Opportunity, Account)] = []
        var count = 0
        for (index, owner) in owners.enumerated() {
            for (slot, planned) in plans[index].enumerated() {
                let number = index * 3 + slot
                guard let template = templates.types[planned.type.rawValue], let area = catalog.area(planned.area)
                else { continue }
                let subtopic = area.subtopics[(number / OpportunityType.allCases.count) % area.subtopics.count]
                let input = Self.input(
                    type: planned.type, template: template, closing: templates.closing, owner: owner.organization,
                    area: area, subtopic: subtopic, number: number)
                let opportunity = try await exchange.create(
                    input, for: owner.organization.id, by: owner.account, now: now)
                count += 1
                // A few of the opportunities not planned for a partner stay drafts or are closed.
                if !planned.paired && index % 6 == 5 { continue }
                let live = try await exchange.publish(id: opportunity.id, by: owner.account, now: now)
                if !planned.paired && index % 7 == 3 {
                    _ = try await exchange.close(id: live.id, by: owner.account, now: now)
                } else {
                    published.append((live, owner.account))
                }
            }
        }
        try await loadInterests(
            published, owners: owners, leaving: plan.pairs, messages: templates.messages, now: now)
        logger.info("demo data: \(count) opportunities loaded")
        return count
    }

    package static func input(
        type: OpportunityType, template: Template, closing: LocalizedText, owner: SilkbridgeCore.Organization,
        area: Area, subtopic: Subtopic, number: Int
    ) -> OpportunityInput {
        let market =
            owner.side == .china
            ? LocalizedText(english: "Europe", chinese: "欧洲") : LocalizedText(english: "China", chinese: "中国")
        func fill(_ pattern: String?, _ language: Language) -> String? {
            guard let pattern else { return nil }
            let topic = subtopic.label.best(for: language)
            return pattern.replacingOccurrences(of: "{topic}", with: topic)
                .replacingOccurrences(of: "{market}", with: market.best(for: language))
                .replacingOccurrences(of: "{org}", with: owner.name.best(for: language))
        }
        func text(_ pattern: LocalizedText, onlyOwn: Bool) -> LocalizedText {
            let english = fill(pattern.english, .english)
            let chinese = fill(pattern.chinese, .simplifiedChinese)
            guard onlyOwn else { return LocalizedText(english: english, chinese: chinese) }
            return owner.side == .china ? LocalizedText(chinese: chinese) : LocalizedText(english: english)
        }
        // One in eight is written only in the owner's language, to be found from the other through its area.
        let onlyOwn = number % 8 == 5
        var input = OpportunityInput(
            type: type, title: text(template.title, onlyOwn: onlyOwn),
            summary: text(template.summary, onlyOwn: onlyOwn),
            description: text(closing, onlyOwn: onlyOwn), areas: [area.code], subtopics: [subtopic.code],
            targetSides: [owner.side == .china ? .europe : .china], partnershipTypes: template.partnerships)
        if type.isTechnology {
            input.stage = .some(DevelopmentStage.allCases[number % DevelopmentStage.allCases.count])
            input.ipStatus = .some(IPStatus.allCases[number % IPStatus.allCases.count])
        }
        if type.isInvestment {
            let base = (number % 5 + 1) * 500_000
            input.amount = .some(
                AmountRange(minimum: base, maximum: base * 4, currency: owner.side == .china ? .yuan : .euro))
        }
        return input
    }

    /// Interests between the sides, never between planned partners: some awaiting reply, some declined, the rest
    /// accepted at every stage.
    private func loadInterests(
        _ published: [(Opportunity, Account)], owners: [(account: Account, organization: SilkbridgeCore.Organization)],
        leaving pairs: Set<Set<UUID>>, messages: [LocalizedText], now: Date
    ) async throws {
        let stages = PipelineStage.allCases
        for (number, (opportunity, ownerAccount)) in published.enumerated() where number % 5 == 0 {
            let others = owners.filter {
                $0.organization.side != opportunity.side
                    && !pairs.contains([$0.organization.id, opportunity.organizationId])
            }
            guard !others.isEmpty else { continue }
            let sender = others[number % others.count]
            let language: Language = sender.organization.side == .china ? .simplifiedChinese : .english
            let interest = try await interests.send(
                on: opportunity.id, from: sender.organization.id, message: messages[0].best(for: language),
                by: sender.account, now: now)
            switch (number / 5) % 6 {
            case 0: continue
            case 1:
                _ = try await interests.answer(id: interest.id, accept: false, by: ownerAccount, now: now)
            default:
                _ = try await interests.answer(id: interest.id, accept: true, by: ownerAccount, now: now)
                let ownerLanguage: Language = opportunity.side == .china ? .simplifiedChinese : .english
                _ = try await interests.post(
                    messages[1].best(for: ownerLanguage), to: interest.id, by: ownerAccount,
                    now: now.addingTimeInterval(1))
                _ = try await interests.post(
                    messages[2].best(for: language), to: interest.id, by: sender.account,
                    now: now.addingTimeInterval(2))
                let stage = stages[((number / 5) % 6 - 2) % stages.count]
                if stage > .contact {
                    _ = try await interests.advance(id: interest.id, to: stage, by: sender.account, now: now)
                }
            }
        }
    }
}
