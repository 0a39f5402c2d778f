import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// Bilingual search across organisations and opportunities.
protocol SearchAPI: FeatureAPI {
    var searchService: SearchService { get }
}

extension SearchAPI {
    func search(_ input: Operations.Search.Input) async throws -> Operations.Search.Output {
        let query = input.query
        let results = try await searchService.search(
            SearchQuery(
                text: query.q, type: query._type?.rawValue, area: query.area?.rawValue,
                side: query.side.flatMap { Side(rawValue: $0.rawValue) }, country: query.country,
                status: query.status.flatMap { OpportunityStatus(rawValue: $0.rawValue) }),
            page: try Paging(limit: query.limit, cursor: query.cursor))
        func facet(_ name: String) -> [Components.Schemas.FacetCount] {
            (results.facets[name] ?? []).map { .init(value: $0.value, count: $0.count) }
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try results.items.map(Components.Schemas.SearchHit.init), total: results.total,
                        facets: .init(
                            _type: facet("type"), area: facet("area"), side: facet("side"),
                            country: facet("country"), status: facet("status")),
                        nextCursor: results.nextCursor))))
    }
}

extension Components.Schemas.SearchHit {
    init(_ result: SearchResult) throws {
        self.init(
            kind: try KindPayload(mapping: result.kind), id: result.id.uuidString.lowercased(),
            title: .init(result.title),
            snippet: .init(en: result.snippet.english?.text, zhHans: result.snippet.chinese?.text),
            highlights: .init(
                en: result.snippet.english.map(Self.ranges), zhHans: result.snippet.chinese.map(Self.ranges)),
            _type: try Components.Schemas.SearchType(mapping: result.type),
            areas: try result.areas.map { try Components.Schemas.AreaCode(mapping: $0) },
            side: try Components.Schemas.Side(mapping: result.side), country: result.country,
            status: result.status.flatMap { Components.Schemas.OpportunityStatus(rawValue: $0.rawValue) },
            score: result.score)
    }

    private static func ranges(_ snippet: Snippet) -> [Components.Schemas.TextRange] {
        snippet.highlights.map { .init(start: $0.lowerBound, length: $0.count) }
    }
}
