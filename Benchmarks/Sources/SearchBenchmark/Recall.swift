/// Overlap between answer sets, averaged over the queries where the reference set is not empty.
///
/// There is no relevance judgement behind these numbers: "ours ⊆ peer" says how many of the documents we
/// count as matches (every query word present) the peer also returns; "peer ⊆ ours" the reverse. A peer that
/// matches substrings finds words inside longer words and across Chinese word boundaries, which a word index
/// does not, so a low "peer ⊆ ours" is a difference in semantics, not an error. Only the planted queries
/// have a ground truth: the documents the generator put their rare words in.
enum Recall {
    /// Mean of |found ∩ reference| / |reference| over the queries in `positions`; nil when no reference is non-empty.
    static func mean(found: [Set<Int>], reference: [Set<Int>], positions: [Int]) -> Double? {
        let ratios = positions.compactMap { position -> Double? in
            guard !reference[position].isEmpty else { return nil }
            return Double(found[position].intersection(reference[position]).count) / Double(reference[position].count)
        }
        return ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count)
    }
}
