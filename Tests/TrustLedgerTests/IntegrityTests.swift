import Foundation
import Testing
import TrustLedger

@Suite struct IntegrityTests {
    let signer = try! Ed25519NoteSigner.generate(name: "log.example/integrity")

    /// A log of 600 entries written in uneven batches, so it has full and partial tiles at two levels.
    func populatedStorage() async throws -> InMemoryLedgerStorage {
        let storage = InMemoryLedgerStorage()
        let sequencer = Sequencer(
            configuration: SequencerConfiguration(
                origin: signer.name, maxBatchSize: 70, maxBatchDelay: .milliseconds(5)),
            signer: signer, storage: storage)
        try await sequencer.start()
        try await withThrowingTaskGroup(of: UInt64.self) { group in
            for value in 0..<600 {
                group.addTask { try await sequencer.append(Data("integrity \(value)".utf8)) }
            }
            try await group.waitForAll()
        }
        return storage
    }

    func check(_ storage: any LedgerStorage) async throws -> IntegrityReport {
        try await LedgerIntegrityChecker(storage: storage, logVerifier: signer.verifier, origin: signer.name).check()
    }

    @Test func healthyLogPasses() async throws {
        let storage = try await populatedStorage()
        let report = try await check(storage)
        #expect(report.isHealthy, "\(report.problems)")
        #expect(report.checkpoint?.size == 600)
        let restarted = Sequencer(
            configuration: SequencerConfiguration(origin: signer.name), signer: signer, storage: storage)
        #expect(try await restarted.start().isHealthy)
    }

    @Test func corruptTileIsReported() async throws {
        let base = try await populatedStorage()
        let target = TileID(level: 0, index: 1, width: 256)
        let damaged = DamagedStorage(
            base: base,
            tiles: { id, data in
                guard id == target, var data else { return data }
                data[100] ^= 0x40
                return data
            })
        let report = try await check(damaged)
        #expect(report.problems.contains(.corruptTile(target)))
        let sequencer = Sequencer(
            configuration: SequencerConfiguration(origin: signer.name), signer: signer, storage: damaged)
        await #expect(throws: SequencerError.integrityCheckFailed(report)) { try await sequencer.start() }
    }

    static let partial = TileID(level: 0, index: 2, width: 88)
    static let upper = TileID(level: 1, index: 0, width: 2)
    static let firstBundle = TileID(kind: .entries, index: 0, width: 256)

    /// The partial level-0 tile cut to 64 bytes, the level-1 tile and the first entry bundle lost.
    static func truncatedAndMissingTiles(_ base: InMemoryLedgerStorage) -> DamagedStorage {
        DamagedStorage(
            base: base,
            tiles: { id, data in
                switch id {
                case partial: data?.prefix(64)
                case upper, firstBundle: nil
                default: data
                }
            })
    }

    @Test func truncatedAndMissingTilesAreReported() async throws {
        let base = try await populatedStorage()
        let (partial, upper, bundle) = (Self.partial, Self.upper, Self.firstBundle)
        let damaged = Self.truncatedAndMissingTiles(base)
        let report = try await check(damaged)
        #expect(
            Set(report.problems) == [
                .truncatedTile(partial, storedBytes: 64), .missingTile(upper), .missingTile(bundle),
            ])
        #expect(report.problems.map(\.description).contains("tile/0/002.p/88 is truncated to 64 bytes"))
    }

    @Test func missingEntriesAreReported() async throws {
        let base = try await populatedStorage()
        let report = try await check(DamagedStorage(base: base, entryLimit: 590))
        #expect(report.problems == [.missingEntries(from: 590, checkpointSize: 600)])
    }

    @Test func checkpointFromAnotherKeyIsReported() async throws {
        let base = try await populatedStorage()
        let other = try Ed25519NoteSigner.generate(name: signer.name)
        let report = try await LedgerIntegrityChecker(storage: base, logVerifier: other.verifier, origin: signer.name)
            .check()
        #expect(report.checkpoint == nil)
        #expect(report.problems.count == 1)
    }

    @Test func emptyStorageIsHealthy() async throws {
        #expect(try await check(InMemoryLedgerStorage()).isHealthy)
    }

    func checkRightEdge(_ storage: any LedgerStorage) async throws -> IntegrityReport {
        try await LedgerIntegrityChecker(storage: storage, logVerifier: signer.verifier, origin: signer.name)
            .checkRightEdge()
    }

    @Test func theRightEdgeCheckPassesAHealthyLog() async throws {
        let report = try await checkRightEdge(try await populatedStorage())
        #expect(report.isHealthy, "\(report.problems)")
        #expect(report.checkpoint?.size == 600)
        #expect(try await checkRightEdge(InMemoryLedgerStorage()).isHealthy)
    }

    /// Truncation and loss at the end of the log are what a crash or a bad copy leaves; the right-edge check finds
    /// them, while damage further left (the first entry bundle here) is for the full check.
    @Test func theRightEdgeCheckFindsDamageAtTheEndOfTheLog() async throws {
        let base = try await populatedStorage()
        let (partial, upper, bundle) = (Self.partial, Self.upper, Self.firstBundle)
        let damaged = Self.truncatedAndMissingTiles(base)
        let report = try await checkRightEdge(damaged)
        #expect(Set(report.problems) == [.truncatedTile(partial, storedBytes: 64), .missingTile(upper)])
        #expect(try await check(damaged).problems.contains(.missingTile(bundle)))

        let sequencer = Sequencer(
            configuration: SequencerConfiguration(origin: signer.name, startupCheck: .rightEdge), signer: signer,
            storage: damaged)
        await #expect(throws: SequencerError.integrityCheckFailed(report)) { try await sequencer.start() }

        let lost = try await checkRightEdge(DamagedStorage(base: base, entryLimit: 590))
        #expect(lost.problems == [.missingEntries(from: 590, checkpointSize: 600)])
    }

    @Test func theRightEdgeCheckFindsAnUpperTileThatDisagreesWithTheTileBelow() async throws {
        let upper = Self.upper
        let damaged = DamagedStorage(
            base: try await populatedStorage(),
            tiles: { id, data in
                guard id == upper, var data else { return data }
                data[data.count - 1] ^= 0x01
                return data
            })
        let report = try await checkRightEdge(damaged)
        #expect(report.problems.contains(.corruptTile(upper)))
        #expect(report.problems.contains { if case .rootMismatch = $0 { true } else { false } })
    }
}
