/// The one entry point from text to search tokens, for documents and queries in English and Chinese alike.
///
/// Text is normalised, cut into runs of Han characters and runs of everything else; Han runs go through the
/// Chinese segmenter, the rest through the Latin tokenizer. So `Huawei 5G基站` yields `huawei`, `5g`, `基站`,
/// and a word mixing scripts such as `5G专网` yields `5g` and `专网`.
///
/// For indexing, every Chinese word of three or more characters also yields its character bigrams
/// (智慧能源 → 智慧, 慧能, 能源), so that a two-character query (能源) finds the longer word. Queries keep their
/// words whole. A few Chinese function words that carry no meaning for search (的, 了, 和, 与, …) are dropped.
public struct MultilingualTokenizer: Sendable {
    /// The tokenizer over the bundled character table and dictionaries, loaded on first use.
    public static let standard = MultilingualTokenizer(normalizer: .standard, segmenter: .shared)

    /// Single-character Chinese words dropped like English stop words.
    public static let chineseStopWords: Set<String> = [
        "的", "了", "和", "与", "及", "或", "在", "是", "对", "将", "把", "被", "等", "也", "并", "而", "之", "其",
    ]

    /// Folds text before it is split.
    public let normalizer: TextNormalizer
    /// Cuts Han runs into words.
    public let segmenter: ChineseSegmenter
    /// Cuts the other runs into terms.
    public let latinTokenizer: LatinTokenizer

    /// Creates a tokenizer from its parts.
    public init(
        normalizer: TextNormalizer, segmenter: ChineseSegmenter, latinTokenizer: LatinTokenizer = LatinTokenizer()
    ) {
        self.normalizer = normalizer
        self.segmenter = segmenter
        self.latinTokenizer = latinTokenizer
    }

    /// The tokens of `text`, in order of appearance.
    public func tokens(_ text: String, mode: TokenizationMode = .indexing) -> [Token] {
        var tokens: [Token] = []
        forEachToken(in: normalizer.normalizedScalars(text), mode: mode) { token, _ in tokens.append(token) }
        return tokens
    }

    /// Calls `body` with each token of normalised `scalars` and the indices of `scalars` it was cut from.
    func forEachToken(in scalars: [Unicode.Scalar], mode: TokenizationMode, _ body: (Token, Range<Int>) -> Void) {
        var start = 0
        while start < scalars.count {
            let isHan = scalars[start].isHan
            var end = start + 1
            while end < scalars.count && scalars[end].isHan == isHan { end += 1 }
            let run = scalars[start..<end]
            if isHan {
                forEachChineseToken(of: run, mode: mode, body)
            } else {
                latinTokenizer.forEachTerm(in: run, mode: mode) { body(Token($0, script: .latin), $1) }
            }
            start = end
        }
    }

    /// The overlapping two-character pieces of a Chinese word of three or more characters.
    static func bigrams(of word: ArraySlice<Unicode.Scalar>) -> [String] {
        guard word.count >= 3 else { return [] }
        return (word.startIndex..<(word.endIndex - 1)).map { String(scalars: word[$0...($0 + 1)]) }
    }

    private func forEachChineseToken(
        of run: ArraySlice<Unicode.Scalar>, mode: TokenizationMode, _ body: (Token, Range<Int>) -> Void
    ) {
        for range in segmenter.wordRanges(in: run) {
            let word = String(scalars: run[range])
            guard !Self.chineseStopWords.contains(word) else { continue }
            body(Token(word, script: .han), range)
            if mode == .indexing {
                for (offset, bigram) in Self.bigrams(of: run[range]).enumerated() {
                    body(Token(bigram, script: .han), (range.lowerBound + offset)..<(range.lowerBound + offset + 2))
                }
            }
        }
    }
}
