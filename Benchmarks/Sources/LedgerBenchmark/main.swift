// Durable appends through the real sequencer and SQL storage, proof generation from stored tiles and proof
// verification, on SQLite (a temporary file) and, with --postgres-url, on PostgreSQL (a fresh schema).
// Usage (from Benchmarks/): swift run -c release LedgerBenchmark [--postgres-url URL] [--runs 3] [--seconds 3]
//   [--batch 256] [--delay-ms 0]   (the batching defaults are the server's: 0 commits as soon as the sequencer is free)
import Foundation
import Logging
import SilkbridgeStorage
import TrustLedger

let options = Options(CommandLine.arguments.dropFirst())
let writerCounts = [1, 64, 1_024]
var backends: [Backend] = [.sqlite]
if let url = options.postgresURL { backends.append(.postgres(url)) }

print(
    "ledger benchmark: \(options.runs) runs × \(options.seconds) s per writer count, \(Workload.entrySize)-byte "
        + "entries, batches of ≤ \(options.batch) or \(options.delayMilliseconds) ms")
var results: [String: [RunResult]] = [:]
for backend in backends {
    for run in 1...options.runs {
        let result = try await LedgerRun.measure(
            backend: backend, run: run, writerCounts: writerCounts, options: options)
        results[backend.name, default: []].append(result)
        print("  \(backend.name) run \(run): \(result.summary)")
    }
}
Report.print(results, backends: backends, writerCounts: writerCounts, options: options)
