import Foundation
import Hummingbird
import SilkbridgeCore
import SilkbridgeLedger
import TrustLedger

extension SitePages {
    func addLedgerRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.ledger) { request, context in try await ledgerPage(request, context) }
    }

    private func ledgerPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let language = context.language
        let status = try await ledger.status()
        var view = LedgerPage(
            origin: ledger.origin, verifierKey: ledger.verifier.verifierKey,
            size: String(status.checkpoint.size), rootHash: status.checkpoint.rootHash.base64EncodedString(),
            checkpoint: String(decoding: status.note, as: UTF8.self),
            policy: ledger.policyText, hasPolicy: !ledger.policyText.isEmpty, policyMet: status.policyMet,
            reasons: status.reasons, isSequencing: status.isSequencing,
            witnesses: status.cosignatures.map { cosignature in
                LedgerPage.Witness(
                    name: cosignature.witness.verifier.name, url: cosignature.witness.url ?? "",
                    side: cosignature.witness.side.label.text(in: language),
                    sideCode: cosignature.witness.side.rawValue, cosigned: cosignature.cosigned,
                    time: cosignature.timestamp.map {
                        Date(timeIntervalSince1970: Double($0)).formatted(.iso8601)
                    } ?? "")
            },
            recent: try await ledger.recentEntries(limit: 10).map { index, entry in
                LedgerPage.Entry(
                    index: String(index), summary: LedgerEntrySummary(entry).text,
                    verifyLink: SitePaths.verifyLedgerEntry(index))
            },
            hasWitnesses: !status.cosignatures.isEmpty)
        var httpStatus = HTTPResponse.Status.ok
        if let asked = request.uri.queryParameters.get("entry") {
            view.entry = asked
            do {
                view.result = try await verification(of: asked, language: language)
            } catch let error as any DomainError {
                view.entryError = error.message.text(in: language)
                httpStatus = error.kind == .notFound ? .notFound : .badRequest
            }
        }
        return renderer.render(
            "ledger", title: text("ledger_title", context), view: view, request: request, context: context,
            status: httpStatus)
    }

    /// Fetches an entry and its proof, then checks them as an outside client would: log signature, witness
    /// policy and inclusion under the checkpoint's root.
    private func verification(of asked: String, language: Language) async throws -> LedgerPage.Verification {
        guard let index = UInt64(asked.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError([FieldIssue("entry", Message("must be a whole number.", "必须是整数。"))])
        }
        let found = try await ledger.entry(at: index)
        let report = ledger.checkpointVerifier.verifyEntry(
            found.entry, index: index, proof: found.proof, checkpoint: found.note)
        return LedgerPage.Verification(
            index: String(index),
            text: String(data: found.entry, encoding: .utf8) ?? found.entry.base64EncodedString(),
            leafHash: MerkleHash.leafHash(found.entry).base64EncodedString(),
            proof: found.proof.map { $0.base64EncodedString() }, treeSize: String(found.checkpoint.size),
            valid: report.isValid, reasons: report.reasons)
    }
}

struct LedgerPage {
    struct Witness {
        let name: String
        let url: String
        let side: String
        let sideCode: String
        let cosigned: Bool
        let time: String
    }

    struct Entry {
        let index: String
        let summary: String
        let verifyLink: String
    }

    /// An entry checked as an outside client would, with what the check found.
    struct Verification {
        let index: String
        let text: String
        let leafHash: String
        let proof: [String]
        let treeSize: String
        let valid: Bool
        let reasons: [String]
    }

    let origin: String
    let verifierKey: String
    let size: String
    let rootHash: String
    let checkpoint: String
    let policy: String
    let hasPolicy: Bool
    let policyMet: Bool
    let reasons: [String]
    let isSequencing: Bool
    let witnesses: [Witness]
    let recent: [Entry]
    let hasWitnesses: Bool
    /// The entry asked for, and either what its check found or why it could not be checked.
    var entry: String?
    var result: Verification?
    var entryError: String?
}

/// A one-line description of a ledger entry for lists: its type and subject when it is a Silkbridge JSON entry.
struct LedgerEntrySummary {
    let text: String

    init(_ entry: Data) {
        guard let object = try? JSONDecoder().decode(Fields.self, from: entry) else {
            text = String(decoding: entry.prefix(120), as: UTF8.self)
            return
        }
        let subject = [object.organizationName, object.keyName, object.keyId].compactMap { $0 }
            .joined(separator: " · ")
        text = subject.isEmpty ? object.type : "\(object.type): \(subject)"
    }

    /// The fields a Silkbridge entry names its type and subject with; other fields are not read.
    private struct Fields: Decodable {
        let type: String
        let organizationName: String?
        let keyName: String?
        let keyId: String?
    }
}
