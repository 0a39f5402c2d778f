import Foundation

/// Splits Chinese text into dictionary words, like jieba's default (accurate) mode without its HMM.
///
/// For each start position the prefix trie yields the candidate words (the edges of jieba's DAG); dynamic
/// programming from the end of the sentence picks the route with the highest sum of log word probabilities.
/// Characters that start no known word become one-character words. The loaded value is immutable and cheap to
/// copy, so one instance can serve every task of a process.
public struct ChineseSegmenter: Sendable {
    /// The segmenter over the bundled jieba dictionary and domain word list, loaded on first use.
    public static let shared: ChineseSegmenter = {
        do {
            return try loadBundled()
        } catch {
            fatalError("MultilingualText's bundled dictionary is missing or damaged: \(error)")
        }
    }()

    private let trie: PrefixTrie
    /// The log probability given to a character no dictionary word starts with: a frequency of 1.
    private let unknownWeight: Double

    /// Loads the bundled jieba dictionary followed by the bundled domain word list.
    public static func loadBundled() throws -> ChineseSegmenter {
        try ChineseSegmenter(
            dictionaries: [BundledResource.jiebaDictionary.url, BundledResource.domainWords.url]
        )
    }

    /// Loads dictionaries in jieba's `word frequency [tag]` format; a later file's frequency wins for a word.
    public init(dictionaries: [URL]) throws {
        var trie = PrefixTrie(expectedNodes: 1 << 19)
        for url in dictionaries {
            let data = try Data(contentsOf: url, options: .alwaysMapped)
            try data.withUnsafeBytes { bytes in
                try JiebaDictionaryReader.read(bytes, file: url.lastPathComponent, into: &trie)
            }
        }
        self.init(trie: trie)
    }

    /// Creates a segmenter over the given words and their frequencies.
    public init(frequencies: [String: Int]) {
        var trie = PrefixTrie(expectedNodes: frequencies.count * 2)
        for (word, frequency) in frequencies {
            trie.insert(word.unicodeScalars.map(Self.folded), weight: Float(frequency))
        }
        self.init(trie: trie)
    }

    private init(trie: PrefixTrie) {
        var trie = trie
        let total = trie.weights.reduce(0.0) { $1 == PrefixTrie.noWord ? $0 : $0 + Double($1) }
        let logTotal = log(max(total, 1))
        trie.transformWeights { Float(log(Double(max($0, 1))) - logTotal) }
        self.trie = trie
        unknownWeight = -logTotal
    }

    /// The number of distinct dictionary words.
    public var wordCount: Int { trie.wordCount }

    /// Whether `word` is in the dictionary (ASCII letters compare case-insensitively).
    public func contains(_ word: String) -> Bool {
        var node = PrefixTrie.root
        for scalar in word.unicodeScalars {
            guard let next = trie.child(of: node, Self.folded(scalar)) else { return false }
            node = next
        }
        return node != PrefixTrie.root && trie.weights[Int(node)] != PrefixTrie.noWord
    }

    /// The words of `text`, in order. Runs of letters or digits that no dictionary word covers stay whole;
    /// punctuation and spaces separate words and are dropped.
    public func segment(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        var start = 0
        while start < scalars.count {
            guard scalars[start].isHan || scalars[start].isWordCharacter else {
                start += 1
                continue
            }
            var end = start + 1
            while end < scalars.count && (scalars[end].isHan || scalars[end].isWordCharacter) { end += 1 }
            for range in wordRanges(in: scalars[start..<end]) {
                words.append(String(scalars: scalars[range]))
            }
            start = end
        }
        return words
    }

    /// The ranges, in the indices of `run`, of the words on the most probable route through `run`.
    func wordRanges(in run: ArraySlice<Unicode.Scalar>) -> [Range<Int>] {
        let base = run.startIndex
        let count = run.count
        var values: [UInt32] = []
        values.reserveCapacity(count)
        for scalar in run { values.append(Self.folded(scalar)) }
        var best = [Double](repeating: 0, count: count + 1)
        var wordEnd = [Int](repeating: 0, count: count + 1)
        for start in stride(from: count - 1, through: 0, by: -1) {
            var bestScore = unknownWeight + best[start + 1]
            var bestEnd = start + 1
            var node = PrefixTrie.root
            var end = start
            while end < count, let next = trie.child(of: node, values[end]) {
                node = next
                end += 1
                let weight = trie.weights[Int(node)]
                // `>=` prefers the longer word on a tie, as jieba does.
                if weight != PrefixTrie.noWord, Double(weight) + best[end] >= bestScore {
                    bestScore = Double(weight) + best[end]
                    bestEnd = end
                }
            }
            best[start] = bestScore
            wordEnd[start] = bestEnd
        }
        return route(wordEnd, in: run, base: base)
    }

    /// Follows the chosen words from the start, merging lone letters and digits into one word ("5", "G" → "5G").
    private func route(_ wordEnd: [Int], in run: ArraySlice<Unicode.Scalar>, base: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var previousWasLoneLetter = false
        var start = 0
        while start < run.count {
            let end = wordEnd[start]
            let isLoneLetter = end == start + 1 && !run[base + start].isHan
            if isLoneLetter && previousWasLoneLetter, let last = ranges.popLast() {
                ranges.append(last.lowerBound..<(base + end))
            } else {
                ranges.append((base + start)..<(base + end))
            }
            previousWasLoneLetter = isLoneLetter
            start = end
        }
        return ranges
    }

    @inline(__always)
    private static func folded(_ scalar: Unicode.Scalar) -> UInt32 {
        (0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value
    }
}
