import Foundation

/// An organisation that sponsors a project, named as it was when the project was recorded.
public struct ProjectSponsor: Sendable, Hashable, Codable {
    public let organizationId: UUID
    public let name: LocalizedText
    public let side: Side

    public init(organizationId: UUID, name: LocalizedText, side: Side) {
        self.organizationId = organizationId
        self.name = name
        self.side = side
    }
}

/// A document of a project (business plan, due-diligence report), known by the SHA-256 of its bytes: the fund
/// keeps the digest, the parties keep the file, and anyone holding it can check it is the one on record.
public struct ProjectDocument: Sendable, Hashable, Codable {
    public let name: String
    public let sha256: String
    public let addedAt: Date

    public init(name: String, sha256: String, addedAt: Date) {
        self.name = name
        self.sha256 = sha256
        self.addedAt = addedAt
    }
}

/// One move of a project through the pipeline, who made it and why.
public struct StageChange: Sendable, Hashable, Codable {
    public let from: ProjectStage
    public let to: ProjectStage
    public let reason: String?
    public let actorName: String
    public let at: Date

    public init(from: ProjectStage, to: ProjectStage, reason: String?, actorName: String, at: Date) {
        self.from = from
        self.to = to
        self.reason = reason
        self.actorName = actorName
        self.at = at
    }
}

/// A project the fund considers or co-finances.
public struct FundProject: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let fundId: UUID
    public var title: LocalizedText
    public var description: LocalizedText
    public var sponsors: [ProjectSponsor]
    /// One of the platform's cooperation areas.
    public var area: String
    /// Where the project happens, ISO 3166-1 codes; the first is the lead country, under which reports by
    /// country count the project's money, so that the rows add up to the total.
    public var countries: [String]
    public var requested: Money
    public var stage: ProjectStage
    public var rejectionReason: String?
    public var documents: [ProjectDocument]
    public var history: [StageChange]
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, fundId: UUID, title: LocalizedText, description: LocalizedText, sponsors: [ProjectSponsor],
        area: String, countries: [String], requested: Money, createdAt: Date
    ) {
        self.id = id
        self.fundId = fundId
        self.title = title
        self.description = description
        self.sponsors = sponsors
        self.area = area
        self.countries = countries
        self.requested = requested
        stage = .sourcing
        rejectionReason = nil
        documents = []
        history = []
        self.createdAt = createdAt
        updatedAt = createdAt
    }

    public var leadCountry: String { countries.first ?? "" }

    /// The side where the money goes: the side of the project's countries, nil when they lie on both sides.
    public var destination: Side? {
        let sides = Set(countries.compactMap { ReferenceCatalog.side(ofCountry: $0) })
        return sides.count == 1 ? sides.first : nil
    }
}
