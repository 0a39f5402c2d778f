import BenchmarkSupport

/// The table of medians over runs, with the targets of ARCHITECTURE.md beside them.
enum Report {
    static let appendTarget = 20_000.0
    static let ackP99Target = 250.0
    static let verifyTarget = 50.0

    static func print(_ results: [String: [RunResult]], backends: [Backend], writerCounts: [Int], options: Options) {
        let format = Measure.format
        Swift.print("\nmedians of \(options.runs) runs")
        Swift.print(
            pad("backend", 11) + pad("writers", 8) + pad("entries/s", 11) + pad("÷ 20,000", 10)
                + pad("ack p50 ms", 11) + pad("ack p99 ms", 11) + "÷ 250 ms")
        for backend in backends {
            let runs = results[backend.name] ?? []
            for writers in writerCounts {
                let figures = runs.compactMap { $0.appends[writers] }
                let rate = Measure.median(figures.map(\.entriesPerSecond))
                let p50 = Measure.median(figures.map(\.p50Milliseconds))
                let p99 = Measure.median(figures.map(\.p99Milliseconds))
                Swift.print(
                    pad(backend.name, 11) + pad("\(writers)", 8) + pad(format(rate, 0), 11)
                        + pad(format(rate / appendTarget, 2), 10) + pad(format(p50, 1), 11) + pad(format(p99, 1), 11)
                        + format(p99 / ackP99Target, 2))
            }
        }
        Swift.print("")
        Swift.print(pad("backend", 11) + pad("proof generation µs", 21) + pad("verification µs", 17) + "÷ 50 µs")
        for backend in backends {
            let runs = results[backend.name] ?? []
            let generation = Measure.median(runs.map(\.proofGenerationMicroseconds))
            let verification = Measure.median(runs.map(\.proofVerificationMicroseconds))
            Swift.print(
                pad(backend.name, 11) + pad(format(generation, 0), 21) + pad(format(verification, 2), 17)
                    + format(verification / verifyTarget, 3))
        }
        if options.delayMilliseconds > 0 {
            Swift.print(
                "\nA lone writer waits for its batch's delay, so with W writers the rate is at most "
                    + "W / \(options.delayMilliseconds) ms until batches fill (\(options.batch) entries).")
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
