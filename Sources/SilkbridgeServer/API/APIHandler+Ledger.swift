import Foundation
import SilkbridgeAPI
import SilkbridgeCore
import SilkbridgeLedger
import TrustLedger

/// The trust ledger's status, entries and proofs.
protocol LedgerAPI: FeatureAPI {
    var ledger: LedgerHost { get }
}

extension LedgerAPI {
    func getLedger(_ input: Operations.GetLedger.Input) async throws -> Operations.GetLedger.Output {
        let status = try await ledger.status()
        let witnesses = try status.cosignatures.map { cosignature in
            Components.Schemas.LedgerWitness(
                name: cosignature.witness.verifier.name, verifierKey: cosignature.witness.verifier.verifierKey,
                side: try Components.Schemas.Side(mapping: cosignature.witness.side),
                url: cosignature.witness.url, cosigned: cosignature.cosigned,
                cosignedAt: cosignature.timestamp.map { Date(timeIntervalSince1970: Double($0)) })
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        origin: ledger.origin, verifierKey: ledger.verifier.verifierKey,
                        size: Int64(status.checkpoint.size), rootHash: status.checkpoint.rootHash.base64EncodedString(),
                        checkpoint: String(decoding: status.note, as: UTF8.self), witnesses: witnesses,
                        policy: ledger.policyText, policyMet: status.policyMet, reasons: status.reasons,
                        sequencing: Self.sequencing(status.health),
                        integrity: status.integrity.map {
                            .init(
                                checkedAt: $0.checkedAt, size: Int64($0.size), problems: $0.problems.map(\.description))
                        }))))
    }

    private static func sequencing(_ health: SequencerHealth?) -> Components.Schemas.Ledger.SequencingPayload {
        switch health {
        case nil: .init(state: .elsewhere)
        case .notStarted?: .init(state: .starting)
        case .running?: .init(state: .running)
        case .retrying(let reason, let attempts)?: .init(state: .retrying, reason: reason, attempts: attempts)
        case .halted(let reason)?: .init(state: .halted, reason: reason)
        case .stopped?: .init(state: .stopped)
        }
    }

    func getLedgerEntry(_ input: Operations.GetLedgerEntry.Input) async throws -> Operations.GetLedgerEntry.Output {
        guard input.path.index >= 0 else {
            throw ValidationError([FieldIssue("index", Message("must be 0 or more.", "必须大于或等于 0。"))])
        }
        let found = try await ledger.entry(at: UInt64(input.path.index))
        return .ok(
            .init(
                body: .json(
                    .init(
                        index: Int64(found.index), entry: found.entry.base64EncodedString(),
                        text: String(data: found.entry, encoding: .utf8),
                        leafHash: MerkleHash.leafHash(found.entry).base64EncodedString(),
                        treeSize: Int64(found.checkpoint.size),
                        inclusionProof: found.proof.map { $0.base64EncodedString() },
                        checkpoint: String(decoding: found.note, as: UTF8.self)))))
    }

    func getLedgerConsistency(_ input: Operations.GetLedgerConsistency.Input) async throws
        -> Operations.GetLedgerConsistency.Output
    {
        let (from, to) = (input.query.from, input.query.to)
        guard from >= 0, (to ?? 0) >= 0 else {
            throw LedgerError.invalidConsistencyRange(
                from: UInt64(max(0, from)), to: UInt64(max(0, to ?? 0)), size: try await ledger.latest().checkpoint.size
            )
        }
        let proof = try await ledger.consistency(from: UInt64(from), to: to.map(UInt64.init))
        return .ok(
            .init(
                body: .json(
                    .init(
                        from: Int64(proof.from), to: Int64(proof.to), fromRoot: proof.fromRoot.base64EncodedString(),
                        toRoot: proof.toRoot.base64EncodedString(), proof: proof.proof.map { $0.base64EncodedString() })
                )))
    }
}
