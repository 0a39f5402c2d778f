import Foundation

/// What a search is for: free text in English and/or Chinese, and facet filters.
public struct SearchQuery: Sendable, Hashable {
    /// `organization`, or one of the opportunity types.
    public var type: String?
    public var text: String?
    public var area: String?
    public var side: Side?
    public var country: String?
    /// Applies to opportunities; organisations are listed only when no status is asked for.
    public var status: OpportunityStatus?

    public init(
        text: String? = nil, type: String? = nil, area: String? = nil, side: Side? = nil, country: String? = nil,
        status: OpportunityStatus? = nil
    ) {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.text = trimmed?.isEmpty == false ? trimmed : nil
        self.type = type
        self.area = area
        self.side = side
        self.country = country?.uppercased()
        self.status = status
    }
}

/// What a hit is.
public enum SearchKind: String, Sendable, CaseIterable {
    case organization
    case opportunity
}

/// One hit: enough to show it in a list and link to it.
public struct SearchResult: Sendable, Hashable {
    public let kind: SearchKind
    public let id: UUID
    public let title: LocalizedText
    /// A short passage, around the first place the query's words occur when they do, with those places marked.
    public let snippet: LocalizedSnippet
    /// `organization`, or the opportunity's type.
    public let type: String
    public let areas: [String]
    public let side: Side
    public let country: String
    public let status: OpportunityStatus?
    public let score: Double
}

/// A facet value and how many hits carry it.
public struct FacetCount: Sendable, Hashable {
    public let value: String
    public let count: Int
}

/// A page of hits, the facets of all hits and the cursor of the next page.
public struct SearchResults: Sendable {
    public let items: [SearchResult]
    public let total: Int
    /// Keyed by `type`, `area`, `side`, `country` and `status`; values by descending count.
    public let facets: [String: [FacetCount]]
    public let nextCursor: String?
}

/// Where the search reads what it indexes; every row carries the time it last changed.
public protocol SearchSource: Sendable {
    func organizations(changedSince: Date?) async throws -> [Organization]
    /// Every opportunity changed since the date, drafts included (so the index can drop them).
    func opportunities(changedSince: Date?) async throws -> [Opportunity]
    /// How many organisations and non-draft opportunities exist, to notice deletions.
    func indexableCounts() async throws -> (organizations: Int, opportunities: Int)
}

/// A full-text index of weighted fields, ranked by relevance.
public protocol TextIndex: Sendable {
    var count: Int { get }
    mutating func upsert(_ id: UUID, fields: [(text: String, weight: Double)])
    mutating func remove(_ id: UUID)
    /// Hits, best first: those with every term of the query, or, when there are none, those with some.
    func search(_ query: String, limit: Int) -> [(id: UUID, score: Double)]
    /// Where the query's terms occur in `text`, as ordered ranges of Unicode scalar offsets, matched as `search`
    /// matches them.
    func matches(of query: String, in text: String) -> [Range<Int>]
}

/// Told of every write the use cases make, so the search answers at once in this process.
public protocol SearchIndexing: Sendable {
    func changed(_ opportunity: Opportunity) async
    func changed(_ organization: Organization) async
}
