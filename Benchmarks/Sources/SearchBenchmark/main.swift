// Times our index against SQLite FTS5 (trigram) and PostgreSQL pg_trgm on the same synthetic bilingual rows:
// loading, query latency per query class, memory, and how far the answers overlap.
// Usage (from Benchmarks/): swift run -c release SearchBenchmark [document count, default 100000]
//     [--passes N, default 3] [--queries-per-class N, default 20] [--postgres-url postgres://user:pw@host/db]
// The PostgreSQL URL may also come from SEARCH_BENCHMARK_POSTGRES_URL; without one PostgreSQL is skipped.
import BenchmarkSupport
import Foundation
import MultilingualText

let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
let documentCount = options.documentCount
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
var documents = (0..<documentCount).map { corpus.nextDocument(id: $0) }
let planted = QueryMix.plant(into: &documents, corpus: &corpus)
let characters = documents.reduce(0) { $0 + $1.title.count + $1.summary.count + $1.body.count }
print("corpus: \(documentCount) documents of \(characters / documentCount) characters on average")

func fields(_ document: Opportunity) -> [WeightedText] {
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
let memoryWithIndex = Measure.residentMemory()
let ourFootprint =
    if let memoryBeforeIndex, let memoryWithIndex {
        "resident memory \(format(memoryBeforeIndex, 1)) → \(format(memoryWithIndex, 1)) MiB "
            + "(+\(format(memoryWithIndex - memoryBeforeIndex, 1)) MiB for the index)"
    } else {
        "resident memory unknown"
    }
print("  \(ourFootprint); the corpus itself was in memory before")

print("  chunk rates: \(chunkRates.map { format($0, 0) }.joined(separator: ", "))")

// Queries: the same fixed mix for every engine; the first answer of each is kept for the overlap tables.
let queries = QueryMix.make(perClass: options.queriesPerClass, planted: planted, corpus: &corpus)
let limit = 10
var runs: [EngineRun] = []
do {
    // Scoped so that the updates at the end do not copy the index this engine shares.
    let ours = OurEngine(index: index, countries: documents.map(\.country), sectors: documents.map(\.sector))
    runs.append(
        try await EngineRun.measure(
            ours, queries: queries, passes: options.passes, limit: limit, loadRate: Measure.median(chunkRates),
            footprint: ourFootprint))
}
print("ours: \(queries.count) queries × \(options.passes) passes done")

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let (sqlite, sqliteLoad) = try await SQLiteTrigramEngine.load(documents, in: folder)
print("SQLite: loaded in \(format(sqliteLoad / 1e3, 2)) s")
runs.append(
    try await EngineRun.measure(
        sqlite, queries: queries, passes: options.passes, limit: limit,
        loadRate: Double(documentCount) / sqliteLoad * 1e3, footprint: "file \(format(sqlite.fileMegabytes(), 1)) MiB"))
try await sqlite.close()
try FileManager.default.removeItem(at: folder)

if let url = options.postgresURL {
    let (postgres, postgresLoad) = try await PostgresTrigramEngine.load(documents, url: url)
    let chineseTrigrams = try await postgres.extractsChineseTrigrams()
    print(
        "PostgreSQL: loaded and indexed in \(format(postgresLoad / 1e3, 2)) s; "
            + "pg_trgm \(chineseTrigrams ? "extracts" : "does NOT extract") Chinese trigrams"
    )
    let size = try await postgres.megabytes()
    runs.append(
        try await EngineRun.measure(
            postgres, queries: queries, passes: options.passes, limit: limit,
            loadRate: Double(documentCount) / postgresLoad * 1e3, footprint: "table and indexes \(format(size, 1)) MiB")
    )
    try await postgres.close()
} else {
    print("PostgreSQL skipped: pass --postgres-url or set SEARCH_BENCHMARK_POSTGRES_URL")
}

Report(queries: queries, runs: runs, limit: limit).print()

// Updates last, so that every engine above answered over the same rows.
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
