import Foundation
import Logging
import SilkbridgeCore
import SilkbridgeStorage
import TrustLedger

/// The server's trust ledger: its identity, witnesses and policy, appends through the sequencer, and the
/// checkpoints, tiles and proofs that clients read from storage.
package struct LedgerHost: Sendable {
    package let origin: String
    package let verifier: Ed25519NoteVerifier
    package let storage: SQLLedgerStorage
    package let witnesses: [LedgerWitness]
    package let policy: WitnessPolicy
    /// The policy as text, such as `eu:1,cn:1`.
    package let policyText: String
    package let appender: LedgerAppender
    /// What the last full check found, and so what is withheld.
    package let integrity = LedgerIntegrity()
    private let logger: Logger

    /// Builds the host from the log's key and policy, read before anything connects; `start()` then takes up
    /// sequencing.
    package init(
        _ configuration: LedgerConfiguration, identity: LedgerIdentity, database: SilkbridgeDatabase, logger: Logger
    ) {
        let storage = database.ledger
        var sequencerConfiguration = SequencerConfiguration(
            origin: identity.signer.name, maxBatchSize: configuration.maxBatchSize,
            maxBatchDelay: configuration.maxBatchDelay, witnessTimeout: configuration.witnessTimeout,
            // The full check reads the whole log, seconds for a million entries; `silkbridge ledger check` runs it.
            startupCheck: .rightEdge, appendTimeout: configuration.appendTimeout)
        sequencerConfiguration.onTransientFailure = { error in
            logger.warning("storing a ledger batch failed; retrying", metadata: ["error": "\(error)"])
            configuration.onTransientFailure(error)
        }
        let endpoints = configuration.witnesses.map { witness in
            WitnessEndpoint(
                client: LoggingWitnessClient(base: witness.client, name: witness.verifier.name, logger: logger),
                verifier: witness.verifier)
        }
        let sequencing = sequencerConfiguration
        let signer = identity.signer
        self.origin = signer.name
        self.verifier = signer.verifier
        self.storage = storage
        self.witnesses = configuration.witnesses
        self.policy = identity.policy
        self.policyText = identity.policyText
        self.logger = logger
        self.appender = LedgerAppender(
            database: database, logger: logger, appendTimeout: configuration.appendTimeout
        ) {
            Sequencer(configuration: sequencing, signer: signer, storage: storage, witnesses: endpoints)
        }
    }

    /// Tries to become the sequencer, which checks the stored log first; once the database is migrated.
    package func start() async throws {
        if try await !appender.tryToSequence() {
            logger.notice("another process sequences the ledger; this one serves reads and waits to take over")
        }
    }

    /// A verifier trusting this log's key and witness policy, as the server itself checks its checkpoints.
    package var checkpointVerifier: LedgerVerifier {
        LedgerVerifier(logVerifier: verifier, policy: policy, origin: origin)
    }

    /// Queues an entry and returns its index once it is durably stored.
    package func append(_ entry: Data) async throws -> UInt64 {
        try await appender.append(entry)
    }

    /// The index of an entry already appended or queued; scans the log, for recovery only.
    package func index(of entry: Data) async throws -> UInt64? {
        try await appender.index(of: entry)
    }

    /// The latest checkpoint note and its parsed text.
    package func latest() async throws -> (note: Data, checkpoint: Checkpoint) {
        guard let note = try await storage.latestCheckpoint() else {
            return (Data(), try Checkpoint(origin: origin, size: 0, rootHash: MerkleHash.emptyRoot))
        }
        return (note, try Checkpoint(text: try SignedNote(parsing: note).text))
    }

    package func tile(_ id: TileID) async throws -> Data {
        if await integrity.isDamaged(tile: id) { throw LedgerError.damaged }
        guard let data = try await storage.readTile(id) else { throw LedgerError.tileNotFound }
        return data
    }

    /// Runs the full check of the stored log and withholds what it finds wrong; the server runs it in the
    /// background, after start-up and every `LedgerConfiguration.integrityCheckInterval`.
    package func checkIntegrity(pause: Duration, now: Date) async throws -> IntegrityReport {
        let report = try await LedgerIntegrityChecker(storage: storage, logVerifier: verifier, origin: origin)
            .check(pause: pause)
        await integrity.record(report, at: now)
        if !report.problems.isEmpty {
            logger.error(
                "the full ledger check found damage; what is damaged is withheld until `silkbridge ledger check` is clean",
                metadata: ["problems": "\(report.problems.map(\.description))"])
        }
        return report
    }

    /// An entry and its inclusion proof against the latest checkpoint.
    package func entry(at index: UInt64) async throws -> LedgerEntryProof {
        let (note, checkpoint) = try await latest()
        if await integrity.isDamaged(entry: index) { throw LedgerError.damaged }
        guard index < checkpoint.size, let entry = try await storage.readEntries(index..<(index + 1)).first else {
            throw LedgerError.entryNotFound(index: index, size: checkpoint.size)
        }
        let proof = try await InclusionProof.generate(
            index: index, size: checkpoint.size, reader: TileHashReader(treeSize: checkpoint.size, tiles: storage))
        return LedgerEntryProof(index: index, entry: entry, proof: proof, note: note, checkpoint: checkpoint)
    }

    /// The proof that the tree at `from` is a prefix of the tree at `to` (by default the latest size).
    package func consistency(from: UInt64, to: UInt64?) async throws -> LedgerConsistencyProof {
        let (_, checkpoint) = try await latest()
        let to = to ?? checkpoint.size
        guard from >= 1, from <= to, to <= checkpoint.size else {
            throw LedgerError.invalidConsistencyRange(from: from, to: to, size: checkpoint.size)
        }
        let proof = try await ConsistencyProof.generate(
            from: from, to: to, reader: TileHashReader(treeSize: to, tiles: storage))
        let fromRoot = try await TileHashReader(treeSize: from, tiles: storage).rootHash(size: from)
        let toRoot = try await TileHashReader(treeSize: to, tiles: storage).rootHash(size: to)
        return LedgerConsistencyProof(from: from, to: to, fromRoot: fromRoot, toRoot: toRoot, proof: proof)
    }

    /// The latest checkpoint, who cosigned it and whether it meets the policy, with the verifier's reasons.
    package func status() async throws -> LedgerStatus {
        let (note, checkpoint) = try await latest()
        let report = checkpointVerifier.verifyCheckpoint(note)
        let signatures = (try? SignedNote(parsing: note).signatures) ?? []
        let message = Data(checkpoint.text.utf8)
        let cosignatures = witnesses.map { witness in
            let signature = signatures.first { $0.name == witness.verifier.name && $0.keyID == witness.verifier.keyID }
            let valid = signature.map { witness.verifier.verify(message, signature: $0.signature) } ?? false
            let time = signature.flatMap { try? Cosignature(bytes: $0.signature) }?.timestamp
            return LedgerStatus.Cosignature(witness: witness, cosigned: valid, timestamp: valid ? time : nil)
        }
        return LedgerStatus(
            note: note, checkpoint: checkpoint, cosignatures: cosignatures, policyMet: report.isValid,
            reasons: report.reasons, isSequencing: await appender.isSequencing, health: await appender.health,
            integrity: await integrity.last)
    }

    /// One line for `/healthz` and the logs: how the sequencer is doing, or that another process sequences.
    package func healthLine(_ health: SequencerHealth?) -> String {
        switch health {
        case nil: "ledger: sequenced by another process"
        case .notStarted?: "ledger: starting"
        case .running?: "ledger: running"
        case .retrying(let reason, let attempts)?:
            "ledger: retrying a batch after \(attempts) transient storage failures, the last: \(reason)"
        case .halted(let reason)?: "ledger: halted: \(reason)"
        case .stopped?: "ledger: stopped"
        }
    }

    /// The newest entries, newest first.
    package func recentEntries(limit: Int) async throws -> [(index: UInt64, entry: Data)] {
        let size = try await latest().checkpoint.size
        let first = size > UInt64(limit) ? size - UInt64(limit) : 0
        let entries = try await storage.readEntries(first..<size)
        return entries.enumerated().map { (first + UInt64($0.offset), $0.element) }.reversed()
    }
}

package struct LedgerEntryProof: Sendable {
    package let index: UInt64
    package let entry: Data
    package let proof: [Data]
    package let note: Data
    package let checkpoint: Checkpoint
}

package struct LedgerConsistencyProof: Sendable {
    package let from: UInt64
    package let to: UInt64
    package let fromRoot: Data
    package let toRoot: Data
    package let proof: [Data]
}

package struct LedgerStatus: Sendable {
    package struct Cosignature: Sendable {
        package let witness: LedgerWitness
        package let cosigned: Bool
        package let timestamp: UInt64?
    }

    package let note: Data
    package let checkpoint: Checkpoint
    package let cosignatures: [Cosignature]
    package let policyMet: Bool
    package let reasons: [String]
    package let isSequencing: Bool
    /// The sequencer's health; nil when another process sequences.
    package let health: SequencerHealth?
    /// What the last full check of the stored log found; nil before the first one.
    package let integrity: LedgerIntegrity.Finding?
}

/// The log's key and witness policy: what the configuration says, checked before the server connects to anything.
package struct LedgerIdentity: Sendable {
    package let signer: Ed25519NoteSigner
    package let policy: WitnessPolicy
    /// The policy as text, such as `eu:1,cn:1`.
    package let policyText: String

    /// The identity of the log whose key `signer` is (`LedgerKey.load`), with the configuration's witnesses.
    package init(_ configuration: LedgerConfiguration, signer: Ed25519NoteSigner) throws {
        self.signer = signer
        (policy, policyText) = try Self.policy(configuration)
    }

    /// One group per side with witnesses; by default each such side must cosign once.
    static func policy(_ configuration: LedgerConfiguration) throws -> (WitnessPolicy, String) {
        var sides: [Side] = []
        for witness in configuration.witnesses where !sides.contains(witness.side) { sides.append(witness.side) }
        let text = configuration.policy ?? sides.map { "\($0.rawValue):1" }.joined(separator: ",")
        guard !text.isEmpty else { return (try WitnessPolicy(groups: []), "") }
        let keys = configuration.witnesses.map { "\($0.side.rawValue) \($0.verifier.verifierKey)" }
        return (try WitnessPolicy(parsing: text, keyList: keys.joined(separator: "\n")), text)
    }
}
