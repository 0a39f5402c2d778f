import Foundation
import SilkbridgeCore

extension SyntheticDirectory {
    /// Accumulates the generated rows; every row is stamped at the same time, as after one bulk import.
    struct Builder {
        let areas: [Area]
        var random: SeededRandom
        let now: Date
        var organizations: [Organization] = []
        var opportunities: [Opportunity] = []
        var planted: [UUID: UUID] = [:]
        var hubs: Set<UUID> = []
        var offers: [UUID: Set<Need>] = [:]
        var requests: [UUID: Set<Need>] = [:]

        /// What one opportunity says, before it is stamped with ids and dates.
        struct Draft {
            var type: OpportunityType
            var area: Area
            var subtopics: [String]
            var partnerships: [PartnershipType]
            var english: String?
            var chinese: String?
            var targetSides: [Side] = []
            var stage: DevelopmentStage?
        }

        mutating func plantPair(_ index: Int) {
            let sameLanguage = index % 2 == 0
            let forward = (Self.pick(SyntheticDirectory.requestTypes, &random), Self.pick(areas, &random))
            let backward = (Self.pick(SyntheticDirectory.requestTypes, &random), Self.pick(areas, &random))
            let words = (0..<4).map { _ in Self.productWord(&random) }
            // A planted pair agrees on two sub-topics and two partnership types each way: more than chance gives.
            let partnerships = (
                Self.two(PartnershipType.allCases, &random), Self.two(PartnershipType.allCases, &random)
            )
            let subtopics = (
                Self.two(forward.1.subtopics.map(\.code), &random), Self.two(backward.1.subtopics.map(\.code), &random)
            )
            // The European side seeks (forward) and offers (backward); the Chinese side the reverse.
            let europeanRequest = Draft(
                type: forward.0, area: forward.1, subtopics: subtopics.0, partnerships: partnerships.0,
                english: text(english: words[0...1], area: forward.1), targetSides: [.china],
                stage: stage(forward.0, .pilot))
            let europeanOffer = Draft(
                type: SyntheticDirectory.answer[backward.0]!, area: backward.1, subtopics: subtopics.1,
                partnerships: partnerships.1, english: text(english: words[2...3], area: backward.1),
                stage: stage(backward.0, .marketReady))
            let chineseOffer = Draft(
                type: SyntheticDirectory.answer[forward.0]!, area: forward.1, subtopics: subtopics.0,
                partnerships: partnerships.0,
                english: sameLanguage ? text(english: words[0...1], area: forward.1) : nil,
                chinese: sameLanguage ? nil : text(chineseFor: forward.1), stage: stage(forward.0, .marketReady))
            let chineseRequest = Draft(
                type: backward.0, area: backward.1, subtopics: subtopics.1, partnerships: partnerships.1,
                english: sameLanguage ? text(english: words[2...3], area: backward.1) : nil,
                chinese: sameLanguage ? nil : text(chineseFor: backward.1), targetSides: [.europe],
                stage: stage(backward.0, .pilot))
            let european = add(side: .europe, [europeanRequest, europeanOffer])
            let chinese = add(side: .china, [chineseOffer, chineseRequest])
            planted[european] = chinese
            planted[chinese] = european
            // A rival answers the European request exactly as well, in its words, but seeks something elsewhere.
            var elsewhere = Draft(
                type: Self.pick(SyntheticDirectory.requestTypes, &random), area: Self.pick(areas, &random),
                subtopics: [], partnerships: [Self.pick(PartnershipType.allCases, &random)],
                chinese: text(chineseFor: forward.1))
            while elsewhere.area.code == backward.1.code { elsewhere.area = Self.pick(areas, &random) }
            if elsewhere.type == .researchPartnerSought { elsewhere.type = .businessRequest }
            var rivalOffer = chineseOffer
            rivalOffer.english = text(english: words[0...1], area: forward.1)
            add(side: .china, [rivalOffer, elsewhere])
            // A near miss is mutual, but in other sub-topics, with other partnership types and other words.
            var nearOffer = chineseOffer
            nearOffer.subtopics = [subtopics.0[0]]
            nearOffer.partnerships = [partnerships.0[0]]
            nearOffer.english = nil
            nearOffer.chinese = text(chineseFor: forward.1)
            var nearRequest = chineseRequest
            nearRequest.subtopics = [subtopics.1[0]]
            nearRequest.partnerships = [partnerships.1[0]]
            nearRequest.english = nil
            nearRequest.chinese = text(chineseFor: backward.1)
            add(side: .china, [nearOffer, nearRequest])
        }

        /// An organisation offering every kind in every area with every partnership type, seeking one thing.
        mutating func hub() {
            var drafts: [Draft] = []
            for area in areas {
                for type in Set(SyntheticDirectory.answer.values) {
                    drafts.append(
                        Draft(
                            type: type, area: area, subtopics: [Self.pick(area.subtopics, &random).code],
                            partnerships: PartnershipType.allCases, english: text(english: [], area: area),
                            chinese: text(chineseFor: area)))
                }
            }
            let area = Self.pick(areas, &random)
            drafts.append(
                Draft(
                    type: Self.pick(SyntheticDirectory.requestTypes, &random), area: area, subtopics: [],
                    partnerships: [Self.pick(PartnershipType.allCases, &random)], english: text(english: [], area: area)
                ))
            hubs.insert(add(side: Bool.random(using: &random) ? .china : .europe, drafts))
        }

        mutating func background() {
            let side: Side = Bool.random(using: &random) ? .china : .europe
            var drafts: [Draft] = []
            for seeking in [true, false] {
                let request = Self.pick(SyntheticDirectory.requestTypes, &random)
                let area = Self.pick(areas, &random)
                let english = side == .europe || Bool.random(using: &random)
                drafts.append(
                    Draft(
                        type: seeking ? request : SyntheticDirectory.answer[request]!, area: area,
                        subtopics: [Self.pick(area.subtopics, &random).code],
                        partnerships: [Self.pick(PartnershipType.allCases, &random)],
                        english: english ? text(english: [], area: area) : nil,
                        chinese: english ? nil : text(chineseFor: area),
                        targetSides: seeking ? [side == .china ? .europe : .china] : []))
            }
            add(side: side, drafts)
        }

        @discardableResult
        mutating func add(side: Side, _ drafts: [Draft]) -> UUID {
            let id = makeID()
            let country = side == .china ? "CN" : Self.pick(SyntheticDirectory.europeanCountries, &random)
            organizations.append(
                Organization(
                    id: id, name: LocalizedText(english: "Organisation \(organizations.count)"), type: .company,
                    country: country, province: side == .china ? "CN-GD" : nil, city: LocalizedText(english: "City"),
                    website: nil, size: .small, areas: Array(Set(drafts.map(\.area.code))),
                    description: LocalizedText(english: "A generated organisation."), createdAt: now, updatedAt: now))
            for draft in drafts {
                let published = now.addingTimeInterval(-Double(random.next() % 300) * 86_400)
                opportunities.append(
                    Opportunity(
                        id: makeID(), organizationId: id, side: side, country: country, type: draft.type,
                        title: LocalizedText(english: draft.english, chinese: draft.chinese),
                        summary: LocalizedText(english: draft.english, chinese: draft.chinese),
                        description: LocalizedText(), areas: [draft.area.code],
                        subtopics: draft.subtopics,
                        targetSides: draft.targetSides, targetCountries: [], partnershipTypes: draft.partnerships,
                        stage: draft.stage, ipStatus: nil, amount: nil, deadline: nil, state: .published,
                        publishedAt: published, expiresAt: now.addingTimeInterval(200 * 86_400), createdAt: published,
                        updatedAt: now))
                let need = Need(type: draft.type, area: draft.area.code)
                if SyntheticDirectory.answer[draft.type] != nil { requests[id, default: []].insert(need) }
                if SyntheticDirectory.answer.values.contains(draft.type) { offers[id, default: []].insert(need) }
            }
            return id
        }

        /// Ids drawn from the seeded generator, so every run evaluates the same seekers in the same order.
        mutating func makeID() -> UUID {
            let (high, low) = (random.next(), random.next())
            let bytes =
                (0..<8).map { UInt8(truncatingIfNeeded: high >> ($0 * 8)) }
                + (0..<8).map { UInt8(truncatingIfNeeded: low >> ($0 * 8)) }
            return UUID(
                uuid: (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                    bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                ))
        }

        mutating func text(english words: ArraySlice<String>, area: Area) -> String {
            let generic = (0..<6).map { _ in Self.pick(SyntheticDirectory.englishWords, &random) }
            return ([area.label.english ?? ""] + words + generic).joined(separator: " ")
        }

        mutating func text(chineseFor area: Area) -> String {
            ([area.label.chinese ?? ""] + (0..<6).map { _ in Self.pick(SyntheticDirectory.chineseWords, &random) })
                .joined()
        }

        func stage(_ request: OpportunityType, _ stage: DevelopmentStage) -> DevelopmentStage? {
            request == .technologyRequest ? stage : nil
        }

        static func pick<T>(_ values: [T], _ random: inout SeededRandom) -> T {
            values[Int(random.next() % UInt64(values.count))]
        }

        /// Two different values.
        static func two<T: Equatable>(_ values: [T], _ random: inout SeededRandom) -> [T] {
            let first = pick(values, &random)
            return [first, pick(values.filter { $0 != first }, &random)]
        }

        /// A made-up product word ("velomar"), distinctive enough to be shared only by those who use it.
        static func productWord(_ random: inout SeededRandom) -> String {
            let syllables = ["ve", "lo", "mar", "ti", "kon", "sa", "ru", "pex", "dra", "no", "qui", "zen", "bor", "fa"]
            return (0..<3).map { _ in pick(syllables, &random) }.joined()
        }
    }
}
