import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SilkbridgeLedger
import SilkbridgeServer
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing
import TrustLedger

/// A ledger written before the server starts, with its key in a file the server then uses; the tiles TrustLedger
/// computes for the same entries are the reference the server's answers are compared with.
struct LedgerTestLog {
    let location: DatabaseLocation
    let keyFile: String
    let signer: Ed25519NoteSigner
    /// The entries in the order the log holds them.
    let entries: [Data]
    /// Every tile and entry bundle at its width for the full log.
    let tiles: [TileID: Data]
    let tree: InMemoryMerkleTree

    init(_ database: TestDatabase = .sqlite, entries count: Int) async throws {
        location = database.freshLocation()
        keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-key-\(UUID()).key").path
        signer = try Ed25519NoteSigner.generate(name: "silkbridge.test/ledger")
        try SecretFile.create(keyFile, text: signer.privateKeyString)
        let written = (0..<count).map { Data(#"{"type":"test.entry","n":\#($0)}"#.utf8) }
        let stored = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
        do {
            try await stored.migrate()
            try await Self.sequence(written, signer: signer, into: stored.ledger)
            entries = try await stored.ledger.readEntries(0..<UInt64(count))
        } catch {
            await stored.shutdown()
            throw error
        }
        await stored.shutdown()
        tiles = try await TileGrowth.grow(from: 0, appending: entries, reader: InMemoryLedgerStorage()).tiles
        var tree = InMemoryMerkleTree()
        for entry in entries { tree.append(entry: entry) }
        self.tree = tree
    }

    /// Appends in batches of up to 100, in whatever order concurrent appenders arrive.
    static func sequence(_ entries: [Data], signer: Ed25519NoteSigner, into storage: any LedgerStorage) async throws {
        let sequencer = Sequencer(
            configuration: SequencerConfiguration(origin: signer.name, maxBatchSize: 100), signer: signer,
            storage: storage)
        try await sequencer.start()
        for start in stride(from: 0, to: entries.count, by: 100) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for entry in entries[start..<min(start + 100, entries.count)] {
                    group.addTask { _ = try await sequencer.append(entry) }
                }
                try await group.waitForAll()
            }
        }
    }

    /// With the same long append deadline as `testConfiguration`: these tests share two cores with the whole
    /// suite, and the deadline itself is tested on its own.
    func configuration(_ ledger: LedgerConfiguration = LedgerConfiguration()) -> ServerConfiguration {
        var ledger = ledger
        ledger.keyFile = keyFile
        ledger.appendTimeout = .seconds(300)
        return ServerConfiguration(database: location, passwordCost: 4, ledger: ledger)
    }

    /// A host on this log that has taken up sequencing if it could, as the server's start-up does.
    func startedHost(on database: SilkbridgeDatabase, name: String = "test") async throws -> LedgerHost {
        let configuration = configuration().ledger
        let logger = Logger(label: name)
        let identity = try LedgerIdentity(
            configuration, signer: try LedgerKey.load(configuration, database: database.location, logger: logger))
        let host = LedgerHost(configuration, identity: identity, database: database, logger: logger)
        try await host.start()
        return host
    }

    func withApp(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(configuration: configuration())
        try await app.test(.router, body)
    }
}
