/// The kinds of query the benchmark times separately, in the order the report lists them.
enum QueryClass: String, CaseIterable, Sendable {
    case chinese2 = "Chinese 2-char"
    case chinese4 = "Chinese 4-char"
    case englishWord = "English word"
    case englishPhrase = "English phrase"
    case mixed = "mixed"
    case faceted = "facets"
    case planted = "planted"
}

/// One query of the mix: its words (all required), optional facet values, and the documents planted for it.
struct BenchmarkQuery: Sendable {
    let queryClass: QueryClass
    let text: String
    var country: String?
    var sector: String?
    /// The documents the generator planted this query's rare words in; empty for ordinary queries.
    var planted: Set<Int> = []

    /// The words every engine must find, split where the query has spaces.
    var terms: [String] { text.split(separator: " ").map(String.init) }
}

/// A fixed query mix over the corpus vocabulary, and rare words planted in known documents.
enum QueryMix {
    /// Words that no generated text contains, each planted in `plantedCopies` documents.
    static let plantedWords = ["量子通信", "氢能", "hydrogen", "quantum sensing"]
    static let plantedCopies = 10

    /// Puts each planted word into the summaries of `plantedCopies` documents and returns their ids per word.
    static func plant(into documents: inout [Opportunity], corpus: inout SyntheticCorpus) -> [String: Set<Int>] {
        var planted: [String: Set<Int>] = [:]
        for word in plantedWords {
            var ids: Set<Int> = []
            while ids.count < min(plantedCopies, documents.count) { ids.insert(corpus.below(documents.count)) }
            for id in ids { documents[id].summary += word.first!.isASCII ? " \(word)." : "\(word)。" }
            planted[word] = ids
        }
        return planted
    }

    /// The mix: every class with the same share except planted, from a fixed seed so each run asks the same.
    static func make(perClass: Int, planted: [String: Set<Int>], corpus: inout SyntheticCorpus) -> [BenchmarkQuery] {
        let chinese2 = SyntheticCorpus.chineseWords.filter { $0.count == 2 }
        let chinese4 = SyntheticCorpus.chineseWords.filter { $0.count == 4 }
        var queries: [BenchmarkQuery] = []
        for position in 0..<perClass {
            queries.append(BenchmarkQuery(queryClass: .chinese2, text: chinese2[position * 7 % chinese2.count]))
            queries.append(BenchmarkQuery(queryClass: .chinese4, text: chinese4[position * 5 % chinese4.count]))
            queries.append(BenchmarkQuery(queryClass: .englishWord, text: corpus.englishWord()))
            let phrase = (0..<(2 + corpus.below(2))).map { _ in corpus.englishWord() }
            queries.append(BenchmarkQuery(queryClass: .englishPhrase, text: phrase.joined(separator: " ")))
            queries.append(BenchmarkQuery(queryClass: .mixed, text: corpus.englishWord() + " " + corpus.chineseWord()))
            let words = corpus.below(2) == 0 ? corpus.chineseWord() : corpus.englishWord()
            queries.append(
                BenchmarkQuery(
                    queryClass: .faceted, text: words,
                    country: SyntheticCorpus.countries[corpus.below(SyntheticCorpus.countries.count)],
                    sector: SyntheticCorpus.sectors[corpus.below(SyntheticCorpus.sectors.count)]))
        }
        for word in plantedWords {
            queries.append(BenchmarkQuery(queryClass: .planted, text: word, planted: planted[word] ?? []))
        }
        return queries
    }
}
