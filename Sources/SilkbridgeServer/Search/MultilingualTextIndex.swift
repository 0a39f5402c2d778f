import Foundation
import MultilingualText
import SilkbridgeCore

/// The search's full-text index: `MultilingualText`'s BM25 index with its bilingual tokenizer.
struct MultilingualTextIndex: TextIndex {
    private var index = SearchIndex<UUID>()

    var count: Int { index.count }

    mutating func upsert(_ id: UUID, fields: [(text: String, weight: Double)]) {
        index.upsert(id, fields: fields.map { WeightedText($0.text, weight: $0.weight) })
    }

    mutating func remove(_ id: UUID) {
        index.remove(id)
    }

    func search(_ query: String, limit: Int) -> [(id: UUID, score: Double)] {
        let hits = index.search(query, limit: limit)
        let complete = hits.filter(\.matchesAllTerms)
        return (complete.isEmpty ? hits : complete).map { (id: $0.id, score: $0.score) }
    }

    func matches(of query: String, in text: String) -> [Range<Int>] {
        index.tokenizer.matches(of: query, in: text)
    }
}
