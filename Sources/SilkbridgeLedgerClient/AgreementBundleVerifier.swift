import Crypto
import Foundation
import SilkbridgeCore
import TrustLedger

/// Checks an agreement bundle with no network and explains each step: the checkpoint against the log key and
/// witness policy, every entry's inclusion proof, the document's digest, each signature against the key its
/// party registered in the ledger, and the ledger records of the agreement's state.
public struct AgreementBundleVerifier: Sendable {
    /// The log key and witness policy the holder trusts.
    public let ledger: LedgerVerifier

    public init(ledger: LedgerVerifier) {
        self.ledger = ledger
    }

    public func verify(_ bundle: AgreementBundle) -> [VerificationStep] {
        var steps: [VerificationStep] = []
        func record(_ passed: Bool, _ detail: String) { steps.append(VerificationStep(passed: passed, detail: detail)) }
        record(bundle.format == AgreementBundle.format, "bundle format \(bundle.format)")
        let report = ledger.verifyCheckpoint(Data(bundle.checkpoint.utf8))
        steps += report.steps
        guard let checkpoint = report.checkpoint else { return steps }
        let entries = provenEntries(bundle, checkpoint: checkpoint, record: record)
        checkDocument(bundle, record: record)
        for party in bundle.parties {
            guard let signature = bundle.signatures.first(where: { $0.organizationId == party.organizationId }) else {
                let required = AgreementStatus.registered.contains(bundle.status)
                record(!required, "\(party.name.best(for: .english)) has not signed")
                continue
            }
            checkSignature(signature, of: party, in: bundle, entries: entries, record: record)
        }
        checkStateRecords(bundle, entries: entries, record: record)
        return steps
    }

    /// The entries whose inclusion proofs lead to the checkpoint's root, by index.
    private func provenEntries(
        _ bundle: AgreementBundle, checkpoint: Checkpoint, record: (Bool, String) -> Void
    ) -> [UInt64: Data] {
        var proven: [UInt64: Data] = [:]
        for item in bundle.entries {
            guard let entry = Data(base64Encoded: item.entry) else {
                record(false, "entry \(item.index) is not base64")
                continue
            }
            let proof = item.inclusionProof.compactMap { Data(base64Encoded: $0) }
            do {
                try InclusionProof.verify(
                    index: item.index, size: checkpoint.size, leafHash: MerkleHash.leafHash(entry), proof: proof,
                    root: checkpoint.rootHash)
                proven[item.index] = entry
                record(true, "entry \(item.index) is in the ledger of \(checkpoint.size) entries (inclusion proof)")
            } catch {
                record(false, "inclusion proof of entry \(item.index) does not lead to the checkpoint's root")
            }
        }
        return proven
    }

    private func checkDocument(_ bundle: AgreementBundle, record: (Bool, String) -> Void) {
        guard let text = bundle.document else {
            record(true, "the text is private to the parties: only its digest \(bundle.sha256) is checked")
            return
        }
        guard let document = Data(base64Encoded: text) else { return record(false, "document is not base64") }
        let digest = Ed25519SignatureScheme().sha256(document)
        record(
            digest == bundle.sha256,
            "document SHA-256 \(digest) \(digest == bundle.sha256 ? "matches" : "differs from") \(bundle.sha256)")
        guard let parsed = try? JSONDecoder().decode(AgreementDocument.self, from: document) else {
            return record(false, "document is not a canonical agreement document")
        }
        let parties = Set(bundle.parties.map(\.organizationId))
        record(
            parsed.agreementId == bundle.agreementId && parsed.version == bundle.version
                && Set(parsed.parties.map(\.id)) == parties,
            "document names agreement \(parsed.agreementId), version \(parsed.version), and \(parsed.parties.count) parties"
        )
    }

    private func checkSignature(
        _ signature: AgreementBundle.Signature, of party: AgreementBundle.Party, in bundle: AgreementBundle,
        entries: [UInt64: Data], record: (Bool, String) -> Void
    ) {
        let name = party.name.best(for: .english)
        let key = entries[signature.keyLedgerIndex].flatMap { try? JSONDecoder().decode(KeyRecord.self, from: $0) }
        record(
            key?.type == "organization.key.registered" && key?.organizationId == party.organizationId
                && key?.verifierKey == signature.verifierKey,
            "\(name)'s key \(signature.verifierKey) was registered for it at ledger index \(signature.keyLedgerIndex)")
        let logged = entries[signature.ledgerIndex].flatMap {
            try? JSONDecoder().decode(AgreementLedgerEntry.self, from: $0)
        }
        record(
            logged?.type == AgreementLedgerEntry.signedType && logged?.agreementId == bundle.agreementId
                && logged?.version == bundle.version && logged?.sha256 == bundle.sha256
                && logged?.organizationId == party.organizationId && logged?.signature == signature.signature,
            "\(name)'s signature of version \(bundle.version) is logged at ledger index \(signature.ledgerIndex)")
        let message = AgreementDocument.signingMessage(
            agreementId: UUID(uuidString: bundle.agreementId) ?? UUID(), version: bundle.version, digest: bundle.sha256)
        let valid =
            (try? Ed25519NoteVerifier(verifierKey: signature.verifierKey)).map { verifier in
                Data(base64Encoded: signature.signature).map {
                    verifier.publicKey.isValidSignature($0, for: message)
                } ?? false
            } ?? false
        record(valid, "\(name)'s Ed25519 signature over the digest \(valid ? "verifies" : "does not verify")")
    }

    private func checkStateRecords(_ bundle: AgreementBundle, entries: [UInt64: Data], record: (Bool, String) -> Void) {
        func logged(_ index: UInt64?) -> AgreementLedgerEntry? {
            index.flatMap { entries[$0] }.flatMap { try? JSONDecoder().decode(AgreementLedgerEntry.self, from: $0) }
        }
        if AgreementStatus.registered.contains(bundle.status) {
            let entry = logged(bundle.inForceLedgerIndex)
            record(
                entry?.type == AgreementLedgerEntry.inForceType && entry?.agreementId == bundle.agreementId
                    && entry?.sha256 == bundle.sha256
                    && Set(entry?.parties ?? []) == Set(bundle.parties.map(\.organizationId))
                    && Set(entry?.signatureLedgerIndexes ?? []) == Set(bundle.signatures.map(\.ledgerIndex)),
                "the agreement's coming into force is logged at ledger index "
                    + (bundle.inForceLedgerIndex.map(String.init) ?? "(none)"))
        }
        if bundle.status == .terminated {
            let entry = logged(bundle.terminationLedgerIndex)
            record(
                entry?.type == AgreementLedgerEntry.terminatedType && entry?.agreementId == bundle.agreementId,
                "the termination is logged at ledger index "
                    + (bundle.terminationLedgerIndex.map(String.init) ?? "(none)"))
        }
    }

    /// The fields of a key registration entry a verifier needs.
    private struct KeyRecord: Decodable {
        let type: String
        let organizationId: String
        let verifierKey: String
    }
}
