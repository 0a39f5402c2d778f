import MultilingualText

/// Our `SearchIndex`, filtered by facets the way the product's `SearchService` does: rank all, then filter.
struct OurEngine: SearchEngine {
    let name = "ours"
    let index: SearchIndex<Int>
    let countries: [String]
    let sectors: [String]

    func top(_ query: BenchmarkQuery, limit: Int) -> [Int] {
        guard query.country != nil || query.sector != nil else {
            return index.search(query.text, limit: limit).map(\.id)
        }
        return Array(faceted(index.search(query.text, limit: max(index.count, 1)), query).prefix(limit))
    }

    /// The documents with every query term: the ones ranked above all partial matches.
    func allMatches(_ query: BenchmarkQuery) -> Set<Int> {
        let hits = index.search(query.text, limit: max(index.count, 1)).filter(\.matchesAllTerms)
        return Set(faceted(hits, query))
    }

    func close() {}

    private func faceted(_ hits: [SearchHit<Int>], _ query: BenchmarkQuery) -> [Int] {
        hits.map(\.id).filter { id in
            (query.country == nil || countries[id] == query.country)
                && (query.sector == nil || sectors[id] == query.sector)
        }
    }
}
