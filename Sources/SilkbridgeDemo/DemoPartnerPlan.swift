import Foundation
import SilkbridgeCore

/// Which opportunities each demo organisation publishes, so that every one has a partner on the other side that
/// wants what it offers and offers what it wants, as a real directory would after some months: organisations are
/// paired across the border in an area both work in, the pair's requests answered by each other's offers; each
/// also publishes one more opportunity of any type in another of its areas.
package struct DemoPartnerPlan {
    package struct Planned {
        package let type: OpportunityType
        package let area: String
        /// Part of a pair: always published, so the pair stays mutual.
        package let paired: Bool
    }

    package static let requests: [OpportunityType] = [
        .businessRequest, .technologyRequest, .investmentSought, .researchPartnerSought,
    ]

    /// For each organisation, in the order given, what it publishes.
    package let opportunities: [[Planned]]
    /// The pairs, as the two organisations' ids: the demo's interests leave them for the suggestions to find.
    package let pairs: Set<Set<UUID>>

    package init(_ organizations: [Organization]) {
        var plans = Array(repeating: [Planned](), count: organizations.count)
        let chinese = organizations.indices.filter { organizations[$0].side == .china }
        let european = organizations.indices.filter { organizations[$0].side == .europe }
        let (larger, smaller) = chinese.count >= european.count ? (chinese, european) : (european, chinese)
        var uses = Dictionary(uniqueKeysWithValues: smaller.map { ($0, 0) })
        var pairs: [(Int, Int, String)] = []
        for index in larger {
            // The least-used partner sharing an area, else the least-used of all.
            let areas = Set(organizations[index].areas)
            let sharing = smaller.filter { !areas.isDisjoint(with: organizations[$0].areas) }
            guard
                let partner = (sharing.isEmpty ? smaller : sharing).min(by: { (uses[$0]!, $0) < (uses[$1]!, $1) })
            else { continue }
            uses[partner]! += 1
            let area =
                organizations[index].areas.first { organizations[partner].areas.contains($0) }
                ?? organizations[index].areas[0]
            pairs.append((index, partner, area))
        }
        // Anyone on the smaller side still alone pairs with someone on the larger side sharing an area.
        for index in smaller where uses[index] == 0 {
            let areas = Set(organizations[index].areas)
            let partner = larger.first { !areas.isDisjoint(with: organizations[$0].areas) } ?? larger.first
            guard let partner else { continue }
            let area = organizations[index].areas.first { organizations[partner].areas.contains($0) } ?? areas.first!
            pairs.append((partner, index, area))
        }
        for (number, (first, second, area)) in pairs.enumerated() {
            let forward = Self.requests[number % Self.requests.count]
            let backward = Self.requests[(number + 1) % Self.requests.count]
            plans[first] += [
                Planned(type: forward, area: area, paired: true),
                Planned(type: backward.answeredBy!, area: area, paired: true),
            ]
            plans[second] += [
                Planned(type: forward.answeredBy!, area: area, paired: true),
                Planned(type: backward, area: area, paired: true),
            ]
        }
        let types = OpportunityType.allCases
        for index in organizations.indices {
            let areas = organizations[index].areas
            plans[index].append(
                Planned(type: types[index % types.count], area: areas[(index + 1) % areas.count], paired: false))
        }
        opportunities = plans
        self.pairs = Set(pairs.map { [organizations[$0.0].id, organizations[$0.1].id] })
    }
}
