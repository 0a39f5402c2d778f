import FluentKit
import Foundation
import SilkbridgeCore

final class OpportunityRecord: Model, @unchecked Sendable {
    static let schema = "opportunities"

    @ID(key: .id) var id: UUID?
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "side") var side: String
    @Field(key: "country") var country: String
    @Field(key: "type") var type: String
    @OptionalField(key: "title_en") var titleEnglish: String?
    @OptionalField(key: "title_zh") var titleChinese: String?
    @OptionalField(key: "summary_en") var summaryEnglish: String?
    @OptionalField(key: "summary_zh") var summaryChinese: String?
    @OptionalField(key: "description_en") var descriptionEnglish: String?
    @OptionalField(key: "description_zh") var descriptionChinese: String?
    /// Codes between commas (`,5g,iot,`), so one `LIKE` finds a code on SQLite and PostgreSQL alike.
    @Field(key: "areas") var areas: String
    @Field(key: "subtopics") var subtopics: String
    @Field(key: "target_sides") var targetSides: String
    @Field(key: "target_countries") var targetCountries: String
    @Field(key: "partnership_types") var partnershipTypes: String
    @OptionalField(key: "stage") var stage: String?
    @OptionalField(key: "ip_status") var ipStatus: String?
    @OptionalField(key: "amount_min") var amountMinimum: Int64?
    @OptionalField(key: "amount_max") var amountMaximum: Int64?
    @OptionalField(key: "currency") var currency: String?
    /// Times are integer microseconds since 1970, compared exactly on every database.
    @OptionalField(key: "deadline") var deadline: Int64?
    @Field(key: "state") var state: String
    @OptionalField(key: "published_at") var publishedAt: Int64?
    @OptionalField(key: "expires_at") var expiresAt: Int64?
    @Field(key: "created_at") var createdAt: Int64
    @Field(key: "updated_at") var updatedAt: Int64

    init() {}

    init(_ opportunity: Opportunity) {
        apply(opportunity)
    }

    func apply(_ opportunity: Opportunity) {
        id = opportunity.id
        organizationId = opportunity.organizationId
        side = opportunity.side.rawValue
        country = opportunity.country
        type = opportunity.type.rawValue
        titleEnglish = opportunity.title.english
        titleChinese = opportunity.title.chinese
        summaryEnglish = opportunity.summary.english
        summaryChinese = opportunity.summary.chinese
        descriptionEnglish = opportunity.description.english
        descriptionChinese = opportunity.description.chinese
        areas = Self.list(opportunity.areas)
        subtopics = Self.list(opportunity.subtopics)
        targetSides = Self.list(opportunity.targetSides.map(\.rawValue))
        targetCountries = Self.list(opportunity.targetCountries)
        partnershipTypes = Self.list(opportunity.partnershipTypes.map(\.rawValue))
        stage = opportunity.stage?.rawValue
        ipStatus = opportunity.ipStatus?.rawValue
        amountMinimum = opportunity.amount?.minimum.map(Int64.init)
        amountMaximum = opportunity.amount?.maximum.map(Int64.init)
        currency = opportunity.amount?.currency.rawValue
        deadline = opportunity.deadline.map(AuditRecord.micros)
        state = opportunity.state.rawValue
        publishedAt = opportunity.publishedAt.map(AuditRecord.micros)
        expiresAt = opportunity.expiresAt.map(AuditRecord.micros)
        createdAt = AuditRecord.micros(opportunity.createdAt)
        updatedAt = AuditRecord.micros(opportunity.updatedAt)
    }

    var opportunity: Opportunity {
        get throws {
            try Opportunity(
                id: id!, organizationId: organizationId, side: Side(stored: side, column: "opportunities.side"),
                country: country,
                type: OpportunityType(stored: type, column: "opportunities.type"),
                title: LocalizedText(english: titleEnglish, chinese: titleChinese),
                summary: LocalizedText(english: summaryEnglish, chinese: summaryChinese),
                description: LocalizedText(english: descriptionEnglish, chinese: descriptionChinese),
                areas: Self.codes(areas), subtopics: Self.codes(subtopics),
                targetSides: Self.codes(targetSides).map { try Side(stored: $0, column: "opportunities.target_sides") },
                targetCountries: Self.codes(targetCountries),
                partnershipTypes: Self.codes(partnershipTypes).map {
                    try PartnershipType(stored: $0, column: "opportunities.partnership_types")
                },
                stage: stage.map { try DevelopmentStage(stored: $0, column: "opportunities.stage") },
                ipStatus: ipStatus.map { try IPStatus(stored: $0, column: "opportunities.ip_status") },
                amount: currency.map { try Currency(stored: $0, column: "opportunities.currency") }.map {
                    AmountRange(
                        minimum: amountMinimum.map(Int.init), maximum: amountMaximum.map(Int.init), currency: $0)
                },
                deadline: deadline.map(Self.date),
                state: OpportunityStatus(stored: state, column: "opportunities.state"),
                publishedAt: publishedAt.map(Self.date), expiresAt: expiresAt.map(Self.date),
                createdAt: Self.date(createdAt), updatedAt: Self.date(updatedAt))
        }
    }

    static func list(_ codes: [String]) -> String { "," + codes.joined(separator: ",") + "," }
    static func codes(_ list: String) -> [String] { list.split(separator: ",").map(String.init) }
    static func date(_ micros: Int64) -> Date { Date(timeIntervalSince1970: Double(micros) / 1_000_000) }
}
