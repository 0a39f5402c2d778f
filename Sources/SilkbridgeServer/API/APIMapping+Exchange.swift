import Foundation
import SilkbridgeAPI
import SilkbridgeCore

// Conversions between the generated wire types of the exchange and the domain's values.

extension Components.Schemas.Opportunity {
    init(_ opportunity: Opportunity, now: Date) throws {
        self.init(
            id: opportunity.id.uuidString.lowercased(),
            organizationId: opportunity.organizationId.uuidString.lowercased(),
            side: try Components.Schemas.Side(mapping: opportunity.side), country: opportunity.country,
            _type: try Components.Schemas.OpportunityType(mapping: opportunity.type),
            title: .init(opportunity.title), summary: .init(opportunity.summary),
            description: .init(opportunity.description),
            areas: try opportunity.areas.map { try Components.Schemas.AreaCode(mapping: $0) },
            subtopics: opportunity.subtopics,
            targetSides: opportunity.targetSides.compactMap { Components.Schemas.Side(rawValue: $0.rawValue) },
            targetCountries: opportunity.targetCountries,
            partnershipTypes: opportunity.partnershipTypes.compactMap {
                Components.Schemas.PartnershipType(rawValue: $0.rawValue)
            },
            stage: opportunity.stage.flatMap { Components.Schemas.DevelopmentStage(rawValue: $0.rawValue) },
            ipStatus: opportunity.ipStatus.flatMap { Components.Schemas.IPStatus(rawValue: $0.rawValue) },
            amount: try opportunity.amount.map(Components.Schemas.AmountRange.init),
            deadline: opportunity.deadline,
            status: try Components.Schemas.OpportunityStatus(mapping: opportunity.status(at: now)),
            publishedAt: opportunity.publishedAt, expiresAt: opportunity.expiresAt,
            expiresSoon: opportunity.expiresSoon(at: now), createdAt: opportunity.createdAt,
            updatedAt: opportunity.updatedAt)
    }
}

extension Components.Schemas.AmountRange {
    init(_ amount: AmountRange) throws {
        self.init(
            minimum: amount.minimum.map(Int64.init), maximum: amount.maximum.map(Int64.init),
            currency: try CurrencyPayload(mapping: amount.currency))
    }

    var domain: AmountRange {
        get throws {
            AmountRange(
                minimum: minimum.map { Int(clamping: $0) }, maximum: maximum.map { Int(clamping: $0) },
                currency: try Currency(mapping: currency))
        }
    }
}

extension OpportunityInput {
    init(_ body: Components.Schemas.OpportunityCreate) throws {
        self.init(
            type: OpportunityType(rawValue: body._type.rawValue), title: body.title.domain,
            summary: body.summary.domain, description: body.description?.domain,
            areas: body.areas.map(\.rawValue), subtopics: body.subtopics,
            targetSides: body.targetSides?.compactMap { Side(rawValue: $0.rawValue) },
            targetCountries: body.targetCountries,
            partnershipTypes: body.partnershipTypes.compactMap { PartnershipType(rawValue: $0.rawValue) },
            stage: body.stage.map { DevelopmentStage(rawValue: $0.rawValue) },
            ipStatus: body.ipStatus.map { IPStatus(rawValue: $0.rawValue) },
            amount: try body.amount.map { try $0.domain },
            deadline: body.deadline.map { .some($0) })
    }

    init(_ body: Components.Schemas.OpportunityUpdate) throws {
        self.init(
            type: body._type.flatMap { OpportunityType(rawValue: $0.rawValue) }, title: body.title?.domain,
            summary: body.summary?.domain, description: body.description?.domain,
            areas: body.areas?.map(\.rawValue), subtopics: body.subtopics,
            targetSides: body.targetSides?.compactMap { Side(rawValue: $0.rawValue) },
            targetCountries: body.targetCountries,
            partnershipTypes: body.partnershipTypes?.compactMap { PartnershipType(rawValue: $0.rawValue) },
            stage: body.stage.map { DevelopmentStage(rawValue: $0.rawValue) },
            ipStatus: body.ipStatus.map { IPStatus(rawValue: $0.rawValue) },
            amount: try body.amount.map { try $0.domain },
            deadline: body.deadline.map { .some($0) })
    }
}
