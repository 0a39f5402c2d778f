import Foundation

/// The id-free core of `SearchIndex`: documents are numbered slots, terms are numbered too.
///
/// Kept non-generic so that it is compiled once, fully optimised, whatever id type the caller uses.
struct InvertedIndex: Sendable {
    struct Ranking {
        let candidates: [TopHits.Candidate]
        let queryTermCount: Int
    }

    let tokenizer: MultilingualTokenizer
    let parameters: BM25Parameters

    private(set) var liveCount = 0
    private var isLive: [Bool] = []
    private var lengths: [Float] = []
    private var termsOfSlot: [[Int32]] = []
    private var freeSlots: [Int32] = []
    /// Removed documents whose postings are still in place; they are skipped until the next compaction.
    private var retiredSlots: [Int32] = []
    private var totalLength: Double = 0

    private var termIDs: [String: Int32] = [:]
    private var terms: [String] = []
    private var postings: [[Posting]] = []
    private var documentFrequency: [Int32] = []
    private var freeTermIDs: [Int32] = []

    init(tokenizer: MultilingualTokenizer, parameters: BM25Parameters) {
        self.tokenizer = tokenizer
        self.parameters = parameters
    }

    /// Indexes a document and returns its slot.
    mutating func add(_ fields: [WeightedText]) -> Int32 {
        var occurrences: [Occurrence] = []
        var length: Float = 0
        for field in fields where field.weight > 0 {
            let weight = Float(field.weight)
            for token in tokenizer.tokens(field.text, mode: .indexing) {
                occurrences.append(Occurrence(term: termID(for: token.text), weight: weight))
                length += weight
            }
        }
        occurrences.sort { $0.term < $1.term }

        let slot = allocateSlot(length: length)
        var documentTerms: [Int32] = []
        var index = 0
        while index < occurrences.count {
            let term = occurrences[index].term
            var frequency: Float = 0
            while index < occurrences.count && occurrences[index].term == term {
                frequency += occurrences[index].weight
                index += 1
            }
            postings[Int(term)].append(Posting(slot: slot, frequency: frequency))
            documentFrequency[Int(term)] += 1
            documentTerms.append(term)
        }
        termsOfSlot[Int(slot)] = documentTerms
        return slot
    }

    /// Retires a live slot; its postings go at the next compaction.
    mutating func remove(_ slot: Int32) {
        for term in termsOfSlot[Int(slot)] { documentFrequency[Int(term)] -= 1 }
        termsOfSlot[Int(slot)] = []
        totalLength -= Double(lengths[Int(slot)])
        isLive[Int(slot)] = false
        liveCount -= 1
        retiredSlots.append(slot)
        // Dropping postings one removal at a time would scan long lists; batching keeps removal O(terms).
        if retiredSlots.count >= 32 && retiredSlots.count * 4 >= liveCount { compact() }
    }

    /// The best `limit` slots for `query`: all-term matches first, then by BM25 score.
    func rank(_ query: String, limit: Int) -> Ranking {
        let queryTerms = self.queryTerms(query)
        guard limit > 0, !queryTerms.isEmpty, liveCount > 0 else { return Ranking(candidates: [], queryTermCount: 0) }

        let documentCount = Double(liveCount)
        let averageLength = max(totalLength / documentCount, .leastNormalMagnitude)
        let k1 = Float(parameters.k1)
        let b = Float(parameters.b)
        let lengthScale = b / Float(averageLength)
        var scores = [Float](repeating: 0, count: isLive.count)
        var matched = [UInt16](repeating: 0, count: isLive.count)
        var touched: [Int32] = []
        for term in queryTerms {
            guard let termID = termIDs[term] else { continue }
            let frequencyInDocuments = Double(documentFrequency[Int(termID)])
            let idf = Float(log(1 + (documentCount - frequencyInDocuments + 0.5) / (frequencyInDocuments + 0.5)))
            for posting in postings[Int(termID)] {
                let slot = Int(posting.slot)
                guard isLive[slot] else { continue }
                if matched[slot] == 0 { touched.append(posting.slot) }
                matched[slot] += 1
                let norm = k1 * (1 - b + lengthScale * lengths[slot])
                scores[slot] += idf * posting.frequency * (k1 + 1) / (posting.frequency + norm)
            }
        }

        var top = TopHits(capacity: limit)
        for slot in touched {
            top.offer(TopHits.Candidate(slot: slot, matched: Int(matched[Int(slot)]), score: scores[Int(slot)]))
        }
        return Ranking(candidates: top.ranked(), queryTermCount: queryTerms.count)
    }

    /// The distinct terms of a query, with unknown long Chinese words replaced by their bigrams.
    private func queryTerms(_ query: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for token in tokenizer.tokens(query, mode: .query) {
            var expanded = [token.text]
            if token.script == .han && termIDs[token.text] == nil {
                let bigrams = MultilingualTokenizer.bigrams(of: Array(token.text.unicodeScalars)[...])
                if !bigrams.isEmpty { expanded = bigrams }
            }
            for term in expanded where seen.insert(term).inserted { result.append(term) }
        }
        return result
    }

    private mutating func termID(for term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id: Int32
        if let reused = freeTermIDs.popLast() {
            id = reused
            terms[Int(id)] = term
        } else {
            id = Int32(terms.count)
            terms.append(term)
            postings.append([])
            documentFrequency.append(0)
        }
        termIDs[term] = id
        return id
    }

    private mutating func allocateSlot(length: Float) -> Int32 {
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            isLive[Int(slot)] = true
            lengths[Int(slot)] = length
        } else {
            slot = Int32(isLive.count)
            isLive.append(true)
            lengths.append(length)
            termsOfSlot.append([])
        }
        liveCount += 1
        totalLength += Double(length)
        return slot
    }

    /// Drops the postings of retired slots, frees the slots and forgets terms no document has any more.
    private mutating func compact() {
        for termID in postings.indices where !postings[termID].isEmpty {
            postings[termID].removeAll { !isLive[Int($0.slot)] }
            if postings[termID].isEmpty {
                termIDs.removeValue(forKey: terms[termID])
                terms[termID] = ""
                freeTermIDs.append(Int32(termID))
            }
        }
        freeSlots.append(contentsOf: retiredSlots)
        retiredSlots.removeAll()
    }
}

private struct Posting {
    let slot: Int32
    let frequency: Float
}

private struct Occurrence {
    let term: Int32
    let weight: Float
}
