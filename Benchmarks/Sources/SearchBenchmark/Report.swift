import BenchmarkSupport

/// Prints the comparison tables: latency per query class, then overlap of answers.
struct Report {
    let queries: [BenchmarkQuery]
    let runs: [EngineRun]
    let limit: Int

    private var ours: EngineRun { runs[0] }
    private var peers: ArraySlice<EngineRun> { runs.dropFirst() }

    /// Each class's positions in the mix, then the whole mix.
    private var groups: [(name: String, positions: [Int])] {
        QueryClass.allCases.map { queryClass in
            (queryClass.rawValue, queries.indices.filter { queries[$0].queryClass == queryClass })
        } + [("all", Array(queries.indices))]
    }

    func print() {
        Swift.print(
            "\nloading: " + runs.map { "\($0.name) \(Measure.format($0.loadRate, 0)) docs/s" }.joined(separator: ", "))
        Swift.print("size: " + runs.map { "\($0.name) \($0.footprint)" }.joined(separator: ", "))
        printLatency()
        printOverlap()
    }

    private func printLatency() {
        Swift.print(
            "\nquery latency in ms, top \(limit): median over \(ours.passes.count) passes of each pass's p50 and p99; "
                + "× is the peer's time over ours")
        var header = ["class", "n"]
        for run in runs {
            header += ["\(run.name) p50", "p99"] + (run.name == ours.name ? [] : ["× p50", "× p99"])
        }
        var rows = [header]
        for group in groups {
            let ourP50 = ours.latency(0.5, of: group.positions)
            let ourP99 = ours.latency(0.99, of: group.positions)
            var row = [group.name, "\(group.positions.count)", Measure.format(ourP50, 3), Measure.format(ourP99, 3)]
            for run in peers {
                let p50 = run.latency(0.5, of: group.positions)
                let p99 = run.latency(0.99, of: group.positions)
                row += [Measure.format(p50, 3), Measure.format(p99, 3), ratio(p50, ourP50), ratio(p99, ourP99)]
            }
            rows.append(row)
        }
        Self.printTable(rows)
    }

    private func printOverlap() {
        Swift.print(
            "\noverlap of answers, mean over queries: top\(limit) = share of our top \(limit) in the peer's; "
                + "ours⊆peer / peer⊆ours = share of one's full match set found by the other; "
                + "planted = share of planted documents in each engine's top \(limit)")
        var header = ["class", "ours matches"]
        for run in peers { header += ["\(run.name) matches", "top\(limit)", "ours⊆peer", "peer⊆ours"] }
        var rows = [header]
        let ourTop = ours.top.map { Set($0) }
        for group in groups {
            var row = [group.name, Measure.format(meanCount(ours, group.positions), 0)]
            for run in peers {
                row += [
                    Measure.format(meanCount(run, group.positions), 0),
                    share(Recall.mean(found: run.top.map { Set($0) }, reference: ourTop, positions: group.positions)),
                    share(Recall.mean(found: run.all, reference: ours.all, positions: group.positions)),
                    share(Recall.mean(found: ours.all, reference: run.all, positions: group.positions)),
                ]
            }
            rows.append(row)
        }
        Self.printTable(rows)
        let planted = queries.indices.filter { !queries[$0].planted.isEmpty }
        let truth = queries.map(\.planted)
        Swift.print(
            "planted recall@\(limit) against the generator's ground truth: "
                + runs.map { run in
                    "\(run.name) \(share(Recall.mean(found: run.top.map { Set($0) }, reference: truth, positions: planted)))"
                }.joined(separator: ", "))
    }

    private func meanCount(_ run: EngineRun, _ positions: [Int]) -> Double {
        positions.isEmpty ? 0 : Double(positions.reduce(0) { $0 + run.all[$1].count }) / Double(positions.count)
    }

    private func ratio(_ peer: Double, _ ours: Double) -> String {
        ours > 0 ? Measure.format(peer / ours, 1) : "–"
    }

    private func share(_ value: Double?) -> String {
        value.map { Measure.format($0, 3) } ?? "–"
    }

    /// Left-aligns the first column and right-aligns the others, each as wide as its longest cell.
    static func printTable(_ rows: [[String]]) {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return column == 0 ? row[column] + padding : padding + row[column]
            }
            Swift.print(cells.joined(separator: "  "))
        }
    }
}
