import Foundation
import SilkbridgeAPI
import SilkbridgeCore

// Conversions between the generated wire types of the exchange and the domain's values.

extension Components.Schemas.Opportunity {
    init(_ opportunity: Opportunity, now: Date) {
        self.init(
            id: opportunity.id.uuidString.lowercased(),
            organizationId: opportunity.organizationId.uuidString.lowercased(),
            side: Components.Schemas.Side(rawValue: opportunity.side.rawValue) ?? .eu, country: opportunity.country,
            _type: Components.Schemas.OpportunityType(rawValue: opportunity.type.rawValue) ?? .businessOffer,
            title: .init(opportunity.title), summary: .init(opportunity.summary),
            description: .init(opportunity.description),
            areas: opportunity.areas.compactMap(Components.Schemas.AreaCode.init(rawValue:)),
            subtopics: opportunity.subtopics,
            targetSides: opportunity.targetSides.compactMap { Components.Schemas.Side(rawValue: $0.rawValue) },
            targetCountries: opportunity.targetCountries,
            partnershipTypes: opportunity.partnershipTypes.compactMap {
                Components.Schemas.PartnershipType(rawValue: $0.rawValue)
            },
            stage: opportunity.stage.flatMap { Components.Schemas.DevelopmentStage(rawValue: $0.rawValue) },
            ipStatus: opportunity.ipStatus.flatMap { Components.Schemas.IPStatus(rawValue: $0.rawValue) },
            amount: opportunity.amount.map(Components.Schemas.AmountRange.init),
            deadline: opportunity.deadline,
            status: Components.Schemas.OpportunityStatus(rawValue: opportunity.status(at: now).rawValue) ?? .draft,
            publishedAt: opportunity.publishedAt, expiresAt: opportunity.expiresAt,
            expiresSoon: opportunity.expiresSoon(at: now), createdAt: opportunity.createdAt,
            updatedAt: opportunity.updatedAt)
    }
}

extension Components.Schemas.AmountRange {
    init(_ amount: AmountRange) {
        self.init(
            minimum: amount.minimum.map(Int64.init), maximum: amount.maximum.map(Int64.init),
            currency: CurrencyPayload(rawValue: amount.currency.rawValue) ?? .eur)
    }

    var domain: AmountRange {
        AmountRange(
            minimum: minimum.map { Int(clamping: $0) }, maximum: maximum.map { Int(clamping: $0) },
            currency: Currency(rawValue: currency.rawValue) ?? .euro)
    }
}

extension OpportunityInput {
    init(_ body: Components.Schemas.OpportunityCreate) {
        self.init(
            type: OpportunityType(rawValue: body._type.rawValue), title: body.title.domain,
            summary: body.summary.domain, description: body.description?.domain,
            areas: body.areas.map(\.rawValue), subtopics: body.subtopics,
            targetSides: body.targetSides?.compactMap { Side(rawValue: $0.rawValue) },
            targetCountries: body.targetCountries,
            partnershipTypes: body.partnershipTypes.compactMap { PartnershipType(rawValue: $0.rawValue) },
            stage: body.stage.map { DevelopmentStage(rawValue: $0.rawValue) },
            ipStatus: body.ipStatus.map { IPStatus(rawValue: $0.rawValue) }, amount: body.amount.map { $0.domain },
            deadline: body.deadline.map { .some($0) })
    }

    init(_ body: Components.Schemas.OpportunityUpdate) {
        self.init(
            type: body._type.flatMap { OpportunityType(rawValue: $0.rawValue) }, title: body.title?.domain,
            summary: body.summary?.domain, description: body.description?.domain,
            areas: body.areas?.map(\.rawValue), subtopics: body.subtopics,
            targetSides: body.targetSides?.compactMap { Side(rawValue: $0.rawValue) },
            targetCountries: body.targetCountries,
            partnershipTypes: body.partnershipTypes?.compactMap { PartnershipType(rawValue: $0.rawValue) },
            stage: body.stage.map { DevelopmentStage(rawValue: $0.rawValue) },
            ipStatus: body.ipStatus.map { IPStatus(rawValue: $0.rawValue) }, amount: body.amount.map { $0.domain },
            deadline: body.deadline.map { .some($0) })
    }
}
