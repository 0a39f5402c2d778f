/// A document found by a search, with its rank's reasons.
public struct SearchHit<ID: Hashable & Sendable>: Hashable, Sendable {
    /// The document's id.
    public let id: ID
    /// The BM25 score, summed over the query terms the document contains.
    public let score: Double
    /// How many of the query's distinct terms the document contains.
    public let matchedTermCount: Int
    /// Whether the document contains every query term; such hits rank above all partial ones.
    public let matchesAllTerms: Bool
}
