import Foundation
import TrustLedger

/// What `silkbridge ledger verify` does: checks the checkpoint's signatures against pinned keys and a witness
/// policy, rebuilds the whole tree from the entry bundles, compares every tile the server serves with the
/// rebuilt ones, and checks the log still extends the last checkpoint this client saw.
public struct LedgerAudit: Sendable {
    /// What the client remembers between runs, in a small JSON file.
    public struct State: Codable, Sendable {
        public var origin: String
        public var logKey: String
        public var witnessKeys: [String]
        public var size: UInt64
        public var rootHash: String
        public var checkpoint: String
    }

    public let ledger: RemoteLedger
    public let logVerifier: Ed25519NoteVerifier
    public let policy: WitnessPolicy
    public let origin: String

    public init(ledger: RemoteLedger, logVerifier: Ed25519NoteVerifier, policy: WitnessPolicy, origin: String) {
        self.ledger = ledger
        self.logVerifier = logVerifier
        self.policy = policy
        self.origin = origin
    }

    /// Runs every check, returning the report and, when all passed, the state to remember.
    public func run(previous: State?) async throws -> (report: [VerificationStep], state: State?) {
        let note = try await ledger.checkpoint()
        let checked = LedgerVerifier(logVerifier: logVerifier, policy: policy, origin: origin).verifyCheckpoint(note)
        var steps = checked.steps
        guard checked.isValid, let checkpoint = checked.checkpoint else { return (steps, nil) }

        var tree = InMemoryMerkleTree()
        var entries: [Data] = []
        var index: UInt64 = 0
        while index < checkpoint.size {
            let width = Int(min(UInt64(TileID.fullWidth), checkpoint.size - index))
            let id = TileID(kind: .entries, index: index / UInt64(TileID.fullWidth), width: width)
            guard let data = try await ledger.readTile(id), let bundle = try? EntryBundle(data: data),
                bundle.entries.count == width
            else {
                steps.append(VerificationStep(passed: false, detail: "entry bundle \(id) is missing or malformed"))
                return (steps, nil)
            }
            for entry in bundle.entries { tree.append(entry: entry) }
            entries += bundle.entries
            index += UInt64(width)
        }
        let rootMatches = tree.rootHash == checkpoint.rootHash
        steps.append(
            VerificationStep(
                passed: rootMatches,
                detail: "rebuilt the tree from \(checkpoint.size) entries: root "
                    + (rootMatches ? "matches the checkpoint" : "differs from the checkpoint")))
        let rebuilt = try await TileGrowth.grow(from: 0, appending: entries, reader: InMemoryLedgerStorage())
        var differing: [TileID] = []
        for (id, expected) in rebuilt.tiles where id.kind != .entries {
            if try await ledger.readTile(id) != expected { differing.append(id) }
        }
        steps.append(
            VerificationStep(
                passed: differing.isEmpty,
                detail: differing.isEmpty
                    ? "all \(rebuilt.tiles.count) tiles and bundles served match the rebuilt ones"
                    : "tiles served differ from the rebuilt ones: \(differing.prefix(5).map(\.path))"))
        if let previous {
            steps.append(try await consistency(with: previous, tree: tree, size: checkpoint.size))
        } else {
            steps.append(VerificationStep(passed: true, detail: "first run: this checkpoint is remembered"))
        }
        guard steps.allSatisfy(\.passed) else { return (steps, nil) }
        let state = State(
            origin: origin, logKey: logVerifier.verifierKey, witnessKeys: policy.witnesses.map(\.verifierKey),
            size: checkpoint.size, rootHash: checkpoint.rootHash.base64EncodedString(),
            checkpoint: String(decoding: note, as: UTF8.self))
        return (steps, state)
    }

    private func consistency(with previous: State, tree: InMemoryMerkleTree, size: UInt64) async throws
        -> VerificationStep
    {
        guard previous.size <= size else {
            return VerificationStep(
                passed: false, detail: "the log shrank from \(previous.size) to \(size) entries since the last run")
        }
        let oldRoot = previous.size == 0 ? MerkleHash.emptyRoot : try await tree.rootHash(size: previous.size)
        let consistent = oldRoot.base64EncodedString() == previous.rootHash
        return VerificationStep(
            passed: consistent,
            detail: consistent
                ? "consistent with the checkpoint of size \(previous.size) seen before"
                : "NOT consistent with the checkpoint of size \(previous.size) seen before: history was rewritten")
    }
}
