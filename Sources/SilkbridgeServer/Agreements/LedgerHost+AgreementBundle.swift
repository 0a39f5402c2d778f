import Foundation
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeLedgerClient
import TrustLedger

extension LedgerHost {
    /// The bundle of an agreement against the latest checkpoint: proofs for each key registration, signature,
    /// and the in-force and termination records.
    func bundle(of agreement: Agreement, includingText: Bool, now: Date = Date()) async throws -> AgreementBundle {
        let (note, checkpoint) = try await latest()
        var indexes = agreement.signatures.flatMap { [$0.keyLedgerIndex, $0.ledgerIndex] }
        indexes += [agreement.inForceIndex, agreement.termination?.ledgerIndex].compactMap { $0 }
        var entries: [AgreementBundle.Entry] = []
        for index in Set(indexes).sorted() where index < checkpoint.size {
            let found = try await entry(at: index)
            entries.append(AgreementBundle.Entry(index: index, entry: found.entry, inclusionProof: found.proof))
        }
        let log = AgreementBundle.Log(
            origin: origin, verifierKey: verifier.verifierKey, policy: policyText,
            witnesses: witnesses.map {
                AgreementBundle.Witness(name: $0.verifier.name, side: $0.side, verifierKey: $0.verifier.verifierKey)
            })
        return AgreementBundle(
            agreement: agreement, includingText: includingText, now: now, entries: entries, log: log, checkpoint: note)
    }
}
