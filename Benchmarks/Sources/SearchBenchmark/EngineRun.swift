import BenchmarkSupport

/// What one engine did with the query mix: latencies of every timed pass and its answers.
struct EngineRun {
    let name: String
    /// Loading or indexing, documents per second.
    let loadRate: Double
    /// Memory or storage, already worded for the report.
    let footprint: String
    /// Milliseconds per query, one array per timed pass, in the order of the mix.
    var passes: [[Double]] = []
    /// The top hits per query, in the order of the mix.
    var top: [[Int]] = []
    /// Every match per query, in the order of the mix.
    var all: [Set<Int>] = []

    /// Runs the mix once untimed (warming caches and keeping the answers), then `passes` timed times.
    static func measure(
        _ engine: some SearchEngine, queries: [BenchmarkQuery], passes: Int, limit: Int, loadRate: Double,
        footprint: String
    ) async throws -> EngineRun {
        var run = EngineRun(name: engine.name, loadRate: loadRate, footprint: footprint)
        for query in queries {
            run.top.append(try await engine.top(query, limit: limit))
            run.all.append(try await engine.allMatches(query))
        }
        for _ in 0..<passes {
            var latencies: [Double] = []
            for query in queries {
                let start = Measure.clock.now
                _ = try await engine.top(query, limit: limit)
                latencies.append(Measure.milliseconds(since: start))
            }
            run.passes.append(latencies)
        }
        return run
    }

    /// The median over passes of a percentile over the queries of `positions` (a class, or all).
    func latency(_ fraction: Double, of positions: [Int]) -> Double {
        Measure.median(passes.map { pass in Measure.percentile(positions.map { pass[$0] }, fraction) })
    }
}
