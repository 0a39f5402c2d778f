// Times the segmenter load, indexing, updates and queries on synthetic bilingual documents.
// Usage (from Benchmarks/): swift run -c release SearchBenchmark [document count, default 100000]
import MultilingualText

let documentCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let format = Measure.format

// Loading: the first load is kept and its memory measured; four more give a median.
let memoryBeforeLoad = Measure.residentMemory()
let (segmenter, firstLoad) = try Measure.milliseconds { try ChineseSegmenter.loadBundled() }
let memoryWithSegmenter = Measure.residentMemory()
var loadTimes = [firstLoad]
for _ in 0..<4 { loadTimes.append(try Measure.milliseconds { try ChineseSegmenter.loadBundled() }.milliseconds) }
print(
    "segmenter load: median \(format(Measure.median(loadTimes), 1)) ms over 5 loads "
        + "(\(loadTimes.map { format($0, 1) }.joined(separator: ", "))), \(segmenter.wordCount) words")
if let memoryBeforeLoad, let memoryWithSegmenter {
    print("  resident memory \(format(memoryBeforeLoad, 1)) → \(format(memoryWithSegmenter, 1)) MiB")
}
let normalizerLoads = try (0..<5).map { _ in try Measure.milliseconds { try TextNormalizer.loadBundled() }.milliseconds
}
print("normalizer load: median \(format(Measure.median(normalizerLoads), 2)) ms over 5 loads")

var corpus = SyntheticCorpus(seed: 2026)
let documents = (0..<documentCount).map { _ in corpus.nextDocument() }
let characters = documents.reduce(0) { $0 + $1.title.count + $1.summary.count + $1.body.count }
print("corpus: \(documentCount) documents of \(characters / documentCount) characters on average")

func fields(_ document: (title: String, summary: String, body: String)) -> [WeightedText] {
    [.title(document.title), .summary(document.summary), .body(document.body)]
}

// Indexing, in ten chunks for a median rate; thread CPU time shows the cost without other processes' load.
let memoryBeforeIndex = Measure.residentMemory()
var index = SearchIndex<Int>(tokenizer: MultilingualTokenizer(normalizer: .standard, segmenter: segmenter))
let chunkSize = max(1, documentCount / 10)
var chunkRates: [Double] = []
let cpuStart = Measure.threadCPUMilliseconds()
let wallTotal = Measure.milliseconds {
    for chunkStart in stride(from: 0, to: documentCount, by: chunkSize) {
        let chunk = chunkStart..<min(chunkStart + chunkSize, documentCount)
        let time = Measure.milliseconds {
            for position in chunk { index.upsert(position, fields: fields(documents[position])) }
        }
        chunkRates.append(Double(chunk.count) / time.milliseconds * 1e3)
    }
}.milliseconds
let cpuTotal = Measure.threadCPUMilliseconds() - cpuStart
print(
    "indexing: median \(format(Measure.median(chunkRates), 0)) docs/s over \(chunkRates.count) chunks; "
        + "overall \(format(Double(documentCount) / wallTotal * 1e3, 0)) docs/s wall (\(format(wallTotal / 1e3, 2)) s), "
        + "\(format(Double(documentCount) / cpuTotal * 1e3, 0)) docs/s of thread CPU")
if let memoryBeforeIndex, let memoryWithIndex = Measure.residentMemory() {
    print("  resident memory \(format(memoryBeforeIndex, 1)) → \(format(memoryWithIndex, 1)) MiB (corpus kept aside)")
}

print("  chunk rates: \(chunkRates.map { format($0, 0) }.joined(separator: ", "))")

let updateCount = min(10_000, documentCount)
let updateCPUStart = Measure.threadCPUMilliseconds()
let updateTime = Measure.milliseconds {
    for position in 0..<updateCount { index.upsert(position, fields: fields(documents[documentCount - 1 - position])) }
}.milliseconds
let updateCPU = Measure.threadCPUMilliseconds() - updateCPUStart
print(
    "updates: \(format(Double(updateCount) / updateTime * 1e3, 0)) docs/s wall, "
        + "\(format(Double(updateCount) / updateCPU * 1e3, 0)) docs/s of thread CPU, over \(updateCount) replaced documents"
)

// Queries: one to three words, Chinese, English or mixed, top 20 each.
let queries = (0..<500).map { _ in corpus.nextQuery() }
for query in queries.prefix(20) { _ = index.search(query) }
let latencies = queries.map { query in Measure.milliseconds { index.search(query) }.milliseconds }
print(
    "queries: median \(format(Measure.median(latencies), 3)) ms, p90 \(format(Measure.percentile(latencies, 0.9), 3)) ms, "
        + "max \(format(latencies.max() ?? 0, 3)) ms over \(queries.count) queries")
for query in ["合作", "智慧能源", "能源", "smart energy", "Huawei 5G基站", "cross-border e-commerce 跨境电商"] {
    let (hits, time) = Measure.milliseconds { index.search(query) }
    let allTerms = hits.filter(\.matchesAllTerms).count
    print("  \(query): \(format(time, 3)) ms, \(hits.count) hits, \(allTerms) with every term")
}
