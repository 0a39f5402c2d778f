/// An engine under test, asked the same queries over the same rows.
protocol SearchEngine: Sendable {
    var name: String { get }
    /// The best `limit` document ids for the query, best first, with its facets applied.
    func top(_ query: BenchmarkQuery, limit: Int) async throws -> [Int]
    /// Every document id the engine counts as a match for the query, with its facets applied.
    func allMatches(_ query: BenchmarkQuery) async throws -> Set<Int>
    /// Releases the engine's connection, if it has one.
    func close() async throws
}
