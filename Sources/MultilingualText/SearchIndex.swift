/// An in-memory full-text index over bilingual documents, ranked with BM25.
///
/// Each document is a set of weighted fields. A field's weight multiplies both the term frequencies and the
/// length it contributes (a simple BM25F), so a title match at weight 3 outranks a body match at weight 1.
/// Queries prefer AND: documents with every query term come first, then documents with fewer terms, each
/// group ordered by score. A Chinese query word of three or more characters that no document contains is
/// looked up as its bigrams instead, which finds texts the segmenter cut differently.
///
/// The index is a value type: mutate it from one place at a time (an actor or a lock of your own); copies share
/// storage until one of them is mutated, so handing a snapshot to concurrent readers is cheap.
public struct SearchIndex<ID: Hashable & Sendable>: Sendable {
    private var core: InvertedIndex
    private var slotOfID: [ID: Int32] = [:]
    private var ids: [ID?] = []

    /// Creates an empty index.
    public init(tokenizer: MultilingualTokenizer = .standard, parameters: BM25Parameters = BM25Parameters()) {
        core = InvertedIndex(tokenizer: tokenizer, parameters: parameters)
    }

    /// Turns field texts and queries into tokens.
    public var tokenizer: MultilingualTokenizer { core.tokenizer }
    /// The BM25 parameters used for ranking.
    public var parameters: BM25Parameters { core.parameters }
    /// The number of documents in the index.
    public var count: Int { slotOfID.count }

    /// Whether a document with `id` is in the index.
    public func contains(_ id: ID) -> Bool { slotOfID[id] != nil }

    /// Adds the document, or replaces it when `id` is already indexed.
    public mutating func upsert(_ id: ID, fields: [WeightedText]) {
        remove(id)
        let slot = Int(core.add(fields))
        if slot == ids.count {
            ids.append(id)
        } else {
            ids[slot] = id
        }
        slotOfID[id] = Int32(slot)
    }

    /// Removes the document with `id`; returns whether it was there.
    @discardableResult
    public mutating func remove(_ id: ID) -> Bool {
        guard let slot = slotOfID.removeValue(forKey: id) else { return false }
        ids[Int(slot)] = nil
        core.remove(slot)
        return true
    }

    /// The best `limit` documents for `query`, best first.
    public func search(_ query: String, limit: Int = 20) -> [SearchHit<ID>] {
        let ranking = core.rank(query, limit: limit)
        return ranking.candidates.compactMap { candidate in
            guard let id = ids[Int(candidate.slot)] else { return nil }
            return SearchHit(
                id: id, score: Double(candidate.score), matchedTermCount: candidate.matched,
                matchesAllTerms: candidate.matched == ranking.queryTermCount)
        }
    }
}
