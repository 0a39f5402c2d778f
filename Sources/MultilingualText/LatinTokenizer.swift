/// Splits text written with alphabets and digits into lower-case, stemmed search terms.
///
/// Words are runs of letters and digits, so `5G`, `IoT` and `2030` stay whole. Apostrophes inside a word are
/// dropped (`China's` → `chinas` → `china`). A hyphenated compound such as `e-commerce` is indexed as its
/// parts and as the joined word (`e`, `commerce`, `ecommerce`), while a query asks for the joined word only:
/// the queries `e-commerce` and `ecommerce` then find both spellings, and `e commerce` finds the hyphenated one.
/// Han characters separate words here; `MultilingualTokenizer` sends them to the Chinese segmenter.
public struct LatinTokenizer: Sendable {
    /// English function words dropped from documents and queries alike.
    public static let englishStopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
        "he", "her", "his", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "so", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "was", "we",
        "were", "which", "while", "who", "will", "with", "you", "your",
    ]

    /// The stemmer applied to every term.
    public let stemmer: EnglishStemmer

    /// Creates a tokenizer.
    public init(stemmer: EnglishStemmer = EnglishStemmer()) {
        self.stemmer = stemmer
    }

    /// The terms of `text`, lower-cased first.
    public func tokens(_ text: String, mode: TokenizationMode = .indexing) -> [String] {
        let scalars = Array(text.lowercased().unicodeScalars)
        var terms: [String] = []
        forEachTerm(in: scalars[...], mode: mode) { term, _ in terms.append(term) }
        return terms
    }

    /// Calls `body` with each term of already normalised `scalars` and the indices of `scalars` it was cut from.
    func forEachTerm(
        in scalars: ArraySlice<Unicode.Scalar>, mode: TokenizationMode, _ body: (String, Range<Int>) -> Void
    ) {
        var part: [Unicode.Scalar] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard scalars[index].isWordCharacter else {
                index += 1
                continue
            }
            var parts: [(word: String, range: Range<Int>)] = []
            part.removeAll(keepingCapacity: true)
            let wordStart = index
            var partStart = index
            while index < scalars.endIndex {
                let scalar = scalars[index]
                let nextIsWord = index + 1 < scalars.endIndex && scalars[index + 1].isWordCharacter
                if scalar.isWordCharacter {
                    part.append(scalar)
                } else if nextIsWord && Self.isApostrophe(scalar) {
                    // Skipped: the word goes on after the apostrophe.
                } else if nextIsWord && Self.isHyphen(scalar) {
                    parts.append((String(scalars: part[...]), partStart..<index))
                    part.removeAll(keepingCapacity: true)
                    partStart = index + 1
                } else {
                    break
                }
                index += 1
            }
            parts.append((String(scalars: part[...]), partStart..<index))
            if parts.count == 1 || mode == .indexing {
                for part in parts { emit(part.word, part.range, body) }
            }
            if parts.count > 1 {
                emit(parts.map(\.word).joined(), wordStart..<index, body)
            }
        }
    }

    private func emit(_ word: String, _ range: Range<Int>, _ body: (String, Range<Int>) -> Void) {
        guard !Self.englishStopWords.contains(word) else { return }
        body(stemmer.stem(word), range)
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }

    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }
}
