import BenchmarkSupport
import Foundation
import SilkbridgeStorage
import TrustLedger

/// The figures of one run on one fresh database.
struct RunResult {
    struct Appends {
        let entriesPerSecond: Double
        let p50Milliseconds: Double
        let p99Milliseconds: Double
    }

    var appends: [Int: Appends] = [:]
    var treeSize: UInt64 = 0
    /// Median time to build one inclusion proof from the stored tiles.
    var proofGenerationMicroseconds = 0.0
    /// Median time to verify one inclusion proof.
    var proofVerificationMicroseconds = 0.0

    var summary: String {
        let rates = appends.keys.sorted().map { "\($0) w \(Measure.format(appends[$0]!.entriesPerSecond, 0))/s" }
        return rates.joined(separator: ", ") + "; proof gen \(Measure.format(proofGenerationMicroseconds, 0)) µs, "
            + "verify \(Measure.format(proofVerificationMicroseconds, 2)) µs at size \(treeSize)"
    }
}

/// ~200-byte entries that differ from one another, like the signed records the ledger holds.
enum Workload {
    static let entrySize = 200

    static func entry(writer: Int, sequence: Int) -> Data {
        let head = "{\"writer\":\(writer),\"sequence\":\(sequence),\"kind\":\"opportunity.published\",\"body\":\""
        let padding = String(repeating: "x", count: max(0, entrySize - head.utf8.count - 2))
        return Data((head + padding + "\"}").utf8)
    }
}

enum LedgerRun {
    static func measure(backend: Backend, run: Int, writerCounts: [Int], options: Options) async throws -> RunResult {
        try await backend.withFreshDatabase(run: run) { database in
            let storage = database.ledger
            let signer = try Ed25519NoteSigner.generate(name: "silkbridge.benchmark/ledger")
            let sequencer = Sequencer(
                configuration: SequencerConfiguration(
                    origin: signer.name, maxBatchSize: options.batch,
                    maxBatchDelay: .milliseconds(options.delayMilliseconds)),
                signer: signer, storage: storage)
            try await sequencer.start()
            var result = RunResult()
            for writers in writerCounts {
                result.appends[writers] = try await appends(
                    writers: writers, seconds: options.seconds, sequencer: sequencer)
            }
            result.treeSize = await sequencer.size
            try await proofs(in: storage, signer: signer, count: options.proofs, into: &result)
            return result
        }
    }

    /// Each writer appends entries one after the other, awaiting each acknowledgement, until the time is up.
    static func appends(writers: Int, seconds: Double, sequencer: Sequencer) async throws -> RunResult.Appends {
        let start = Measure.clock.now
        let deadline = start + .milliseconds(Int(seconds * 1000))
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var latencies: [Double] = []
                    var sequence = 0
                    while Measure.clock.now < deadline {
                        let entry = Workload.entry(writer: writer, sequence: sequence)
                        let sent = Measure.clock.now
                        _ = try await sequencer.append(entry)
                        latencies.append(Measure.seconds(Measure.clock.now - sent) * 1e3)
                        sequence += 1
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: [Double]()) { $0 += $1 }
        }
        let elapsed = Measure.seconds(Measure.clock.now - start)
        return RunResult.Appends(
            entriesPerSecond: Double(latencies.count) / elapsed,
            p50Milliseconds: Measure.percentile(latencies, 0.5),
            p99Milliseconds: Measure.percentile(latencies, 0.99))
    }

    /// Builds proofs for random leaves from the stored tiles (as `/ledger/proof` does), then verifies them
    /// against the checkpoint's root hash.
    static func proofs(
        in storage: SQLLedgerStorage, signer: Ed25519NoteSigner, count: Int, into result: inout RunResult
    ) async throws {
        guard let note = try await storage.latestCheckpoint() else { fatalError("no checkpoint stored") }
        let checkpoint = try Checkpoint.open(note, verifiers: [signer.verifier]).checkpoint
        let size = checkpoint.size
        let reader = TileHashReader(treeSize: size, tiles: storage)
        var generator = SystemRandomNumberGenerator()
        var cases: [(index: UInt64, leafHash: Data, proof: [Data])] = []
        var generationTimes: [Double] = []
        for _ in 0..<count {
            let index = UInt64.random(in: 0..<size, using: &generator)
            let entry = try await storage.readEntries(index..<(index + 1))[0]
            let started = Measure.clock.now
            let proof = try await InclusionProof.generate(index: index, size: size, reader: reader)
            generationTimes.append(Measure.seconds(Measure.clock.now - started) * 1e6)
            cases.append((index, MerkleHash.leafHash(entry), proof))
        }
        // Verification is timed in passes over all proofs, so the clock's own cost is spread over many.
        var passTimes: [Double] = []
        for _ in 0..<20 {
            let started = Measure.clock.now
            for item in cases {
                try InclusionProof.verify(
                    index: item.index, size: size, leafHash: item.leafHash, proof: item.proof,
                    root: checkpoint.rootHash)
            }
            passTimes.append(Measure.seconds(Measure.clock.now - started) * 1e6 / Double(cases.count))
        }
        result.proofGenerationMicroseconds = Measure.median(generationTimes)
        result.proofVerificationMicroseconds = Measure.median(passTimes)
    }
}
