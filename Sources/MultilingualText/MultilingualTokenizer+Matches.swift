extension MultilingualTokenizer {
    /// Where the terms of `query` occur in `text`, as ranges of Unicode scalar offsets into `text` as written,
    /// ordered and merged where they overlap or touch.
    ///
    /// A text matches where it would match in the index: through the same folding (full-width, case,
    /// Traditional characters), stemming (`partners` finds `partner`) and Chinese words with their bigrams. A
    /// Chinese query word of three or more characters the text lacks is looked for as its bigrams, as the index
    /// does for words it does not know.
    public func matches(of query: String, in text: String) -> [Range<Int>] {
        let queryTokens = tokens(query, mode: .query)
        guard !queryTokens.isEmpty else { return [] }
        let (scalars, origins) = normalizer.normalizedScalarsWithOrigins(text)
        var found: [(token: String, range: Range<Int>)] = []
        forEachToken(in: scalars, mode: .indexing) { token, range in found.append((token.text, range)) }

        var wanted = Set(queryTokens.map(\.text))
        let present = Set(found.map(\.token))
        for token in queryTokens where token.script == .han && !present.contains(token.text) {
            wanted.formUnion(Self.bigrams(of: Array(token.text.unicodeScalars)[...]))
        }
        let written = Array(text.unicodeScalars)
        let ranges = found.filter { wanted.contains($0.token) }.map { match in
            var end = origins[match.range.upperBound - 1] + 1
            // Keep a combining mark the folding dropped with the letter it belongs to.
            while end < written.count && written[end].properties.generalCategory == .nonspacingMark { end += 1 }
            return origins[match.range.lowerBound]..<end
        }
        return Self.merged(ranges)
    }

    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
