import BenchmarkSupport
import Foundation
import SilkbridgeCore

// Evaluates reciprocal matchmaking on a generated directory and times it:
//   MatchingBenchmark [SIZES…] [--seekers N] [--requests N] [--writes N] [--areas FILE]
// For each size: recall@10 and nDCG@10 of the planted partners, the share of one-sided fits in the lists and
// the Gini coefficient of exposure, for the product's ranking (with and without the exposure cap) and the two
// baselines; then the latency of one top-10 request, the memory of the profiles and the cost of one write.

let options = Options(CommandLine.arguments.dropFirst())
let areas = try JSONDecoder().decode([AreaFile].self, from: Data(contentsOf: URL(fileURLWithPath: options.areas)))
    .map(\.area)
let catalog = ReferenceCatalog(areas: areas, countries: [], provinces: [])
print("Matching benchmark: sizes \(options.sizes), \(options.seekers) seekers, \(options.requests) requests")

for size in options.sizes {
    let epoch = Date().addingTimeInterval(-3600)
    let directory = SyntheticDirectory(count: size, areas: areas, seed: 20_261_129, now: epoch)
    let source = MemorySource()
    // Rows are stamped a microsecond apart, as a bulk import would, so the feed's cursor moves past them.
    var clock = epoch
    func stamp<Row: Changed>(_ rows: [Row]) -> [Row] {
        rows.map { row in
            var row = row
            clock.addTimeInterval(1e-6)
            row.updatedAt = clock
            return row
        }
    }
    source.add(stamp(directory.organizations), stamp(directory.opportunities))
    let memoryBefore = Measure.residentMemory() ?? 0
    let service = MatchingService(
        source: source, interests: NoInterests(), catalog: catalog, extractor: TokenizerTerms())
    let build = Measure.clock.now
    try await service.refresh()
    let buildSeconds = Measure.milliseconds(since: build) / 1000
    let memory = (Measure.residentMemory() ?? 0) - memoryBefore
    print(
        "\n== \(size) organisations, \(directory.opportunities.count) opportunities, "
            + "\(directory.planted.count / 2) planted pairs ==")
    print("profiles built in \(Measure.format(buildSeconds, 2)) s; resident memory +\(Measure.format(memory)) MiB")

    // Quality: the same seekers under every ranking.
    if options.seekers > 0 {
        let seekers = directory.planted.keys.sorted { $0.uuidString < $1.uuidString }.prefix(options.seekers)
        var rows: [(String, ListQuality)] = []
        for ranking in MatchRanking.allCases {
            var lists: [UUID: [UUID]] = [:]
            for seeker in seekers { lists[seeker] = try await service.ranked(for: seeker, ranking: ranking).map(\.0) }
            rows.append(
                (
                    ranking == .reciprocal ? "reciprocal, no cap" : ranking.rawValue,
                    ListQuality(lists: lists, directory: directory)
                ))
        }
        var capped: [UUID: [UUID]] = [:]
        for seeker in seekers { capped[seeker] = try await service.matches(for: seeker).map(\.organizationId) }
        rows.insert(("reciprocal (product)", ListQuality(lists: capped, directory: directory)), at: 0)
        print("ranking               recall@10  nDCG@10    one-sided  hub slots  Gini       shown  list length")
        for (name, quality) in rows {
            print(
                name.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + [quality.recall, quality.ndcg, quality.oneSidedShare, quality.hubShare, quality.gini].map {
                        Measure.format($0, 3).padding(toLength: 9, withPad: " ", startingAt: 0)
                    }.joined(separator: "  ") + "  "
                    + String(quality.shown).padding(toLength: 7, withPad: " ", startingAt: 0)
                    + Measure.format(quality.averageLength))
        }
        let exposure = await service.exposureReport()
        print("exposure cap: \(exposure.cap) lists of \(exposure.lists); highest \(exposure.highest)")
    }

    // Latency of one request, for any organisation, in the product's path (cap and explanations included).
    var random = SeededRandom(seed: 7)
    var latencies: [Double] = []
    var slowest: [(Double, UUID)] = []
    for _ in 0..<options.requests {
        let id = directory.organizations[Int(random.next() % UInt64(size))].id
        let start = Measure.clock.now
        _ = try await service.matches(for: id)
        latencies.append(Measure.milliseconds(since: start))
        slowest = Array((slowest + [(latencies.last!, id)]).sorted { $0.0 > $1.0 }.prefix(3))
    }
    for (milliseconds, id) in slowest {
        let kind = directory.hubs.contains(id) ? "hub" : directory.planted[id] != nil ? "planted" : "other"
        print("  slow: \(Measure.format(milliseconds, 2)) ms for a \(kind) organisation")
    }
    print(
        "top-10 request: p50 \(Measure.format(Measure.median(latencies), 2)) ms, "
            + "p99 \(Measure.format(Measure.percentile(latencies, 0.99), 2)) ms")

    // One write: a new opportunity of an existing organisation, taken in by the next refresh.
    var writes: [Double] = []
    for index in 0..<options.writes {
        let owner = directory.organizations[Int(random.next() % UInt64(size))]
        var opportunity = directory.opportunities[index]
        opportunity = Opportunity(
            id: UUID(), organizationId: owner.id, side: owner.side, country: owner.country, type: opportunity.type,
            title: opportunity.title, summary: opportunity.summary, description: opportunity.description,
            areas: opportunity.areas, subtopics: opportunity.subtopics, targetSides: opportunity.targetSides,
            targetCountries: [], partnershipTypes: opportunity.partnershipTypes, stage: opportunity.stage,
            ipStatus: nil, amount: nil, deadline: nil, state: .published, publishedAt: Date(),
            expiresAt: opportunity.expiresAt, createdAt: Date(), updatedAt: Date())
        source.add([], [opportunity])
        let start = Measure.clock.now
        try await service.refresh()
        writes.append(Measure.milliseconds(since: start))
    }
    print(
        "update per write (refresh after one new opportunity): median \(Measure.format(Measure.median(writes) * 1000, 0)) µs"
    )
}

/// The command line.
struct Options {
    var sizes: [Int] = []
    var seekers = 1000
    var requests = 500
    var writes = 200
    var areas = "../Sources/SilkbridgeServer/Resources/Reference/areas.json"

    init(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let argument = rest.popFirst() {
            switch argument {
            case "--seekers": seekers = Int(rest.popFirst() ?? "") ?? seekers
            case "--requests": requests = Int(rest.popFirst() ?? "") ?? requests
            case "--writes": writes = Int(rest.popFirst() ?? "") ?? writes
            case "--areas": areas = rest.popFirst() ?? areas
            default: if let size = Int(argument) { sizes.append(size) }
            }
        }
        if sizes.isEmpty { sizes = [10_000, 100_000] }
    }
}

/// An area as the shipped reference file describes it.
struct AreaFile: Decodable {
    struct Label: Decodable {
        let en: String
        let zh: String

        enum CodingKeys: String, CodingKey {
            case en
            case zh = "zh-Hans"
        }
    }

    struct Topic: Decodable {
        let code: String
        let label: Label
    }

    let code: String
    let label: Label
    let subtopics: [Topic]

    var area: Area {
        Area(
            code: code, label: LocalizedText(english: label.en, chinese: label.zh),
            subtopics: subtopics.map {
                Subtopic(code: $0.code, label: LocalizedText(english: $0.label.en, chinese: $0.label.zh))
            })
    }
}
