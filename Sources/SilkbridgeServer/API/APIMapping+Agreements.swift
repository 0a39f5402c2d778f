import Foundation
import SilkbridgeAPI
import SilkbridgeCore

extension Components.Schemas.Agreement {
    init(_ agreement: Agreement, textVisible: Bool, now: Date) throws {
        let version = agreement.current
        let content = version.content
        let status = agreement.status(at: now)
        self.init(
            id: agreement.id.uuidString.lowercased(),
            kind: try Components.Schemas.AgreementKind(mapping: agreement.kind),
            status: try Components.Schemas.AgreementStatus(mapping: status),
            visibility: try Components.Schemas.AgreementVisibility(mapping: agreement.visibility),
            parties: try agreement.parties.map { party in
                .init(
                    organizationId: party.organizationId.uuidString.lowercased(), name: .init(party.name),
                    side: try Components.Schemas.Side(mapping: party.side),
                    signed: agreement.signature(of: party.organizationId) != nil, declineReason: party.declineReason)
            },
            initiatorId: agreement.initiatorId.uuidString.lowercased(),
            interestId: agreement.interestId?.uuidString.lowercased(), version: version.number,
            versionCount: agreement.versions.count, sha256: version.digest,
            signingMessage: status == .openForSignature
                ? String(
                    decoding: AgreementDocument.signingMessage(
                        agreementId: agreement.id, version: version.number, digest: version.digest), as: UTF8.self)
                : nil,
            title: .init(content.title), areas: content.areas, termStart: AgreementDate.format(content.term.start),
            termMonths: content.term.durationMonths, termEnd: AgreementDate.format(content.term.end),
            prevailingLanguage: content.prevailingLanguage.flatMap { .init(rawValue: $0.rawValue) },
            textVisible: textVisible, text: textVisible ? .init(content.text) : nil,
            attachments: content.attachments.map { .init(name: $0.name, sha256: $0.sha256) },
            signatures: agreement.signatures.map(Components.Schemas.AgreementSignature.init),
            inForceLedgerIndex: agreement.inForceIndex.map(Int64.init),
            terminationReason: agreement.termination?.reason,
            terminationLedgerIndex: agreement.termination.map { Int64($0.ledgerIndex) },
            createdAt: agreement.createdAt, updatedAt: agreement.updatedAt)
    }
}

extension Components.Schemas.AgreementText {
    init(_ text: LocalizedText) {
        self.init(en: text.english, zhHans: text.chinese)
    }
}

extension Components.Schemas.AgreementSignature {
    init(_ signature: AgreementSignature) {
        self.init(
            organizationId: signature.organizationId.uuidString.lowercased(), version: signature.version,
            keyId: signature.keyId.uuidString.lowercased(), verifierKey: signature.verifierKey,
            keyLedgerIndex: Int64(signature.keyLedgerIndex), signature: signature.signature.base64EncodedString(),
            signerName: signature.signerName, signedAt: signature.signedAt, ledgerIndex: Int64(signature.ledgerIndex))
    }
}

extension Components.Schemas.AgreementVersion {
    init(_ version: AgreementVersion) {
        self.init(
            number: version.number, sha256: version.digest, document: String(decoding: version.document, as: UTF8.self),
            title: .init(version.content.title), text: .init(version.content.text), authorName: version.authorName,
            createdAt: version.createdAt)
    }
}

extension AgreementContentInput {
    init(
        title: Components.Schemas.LocalizedText?, areas: [String]?, termStart: String?, termMonths: Int?,
        prevailingLanguage: Components.Schemas.Language?, text: Components.Schemas.AgreementText?,
        attachments: [Components.Schemas.AgreementAttachment]?
    ) throws {
        self.init(
            title: title?.domain, areas: areas, termStart: try termStart.map { try AgreementDate.parse($0) },
            termMonths: termMonths, prevailingLanguage: prevailingLanguage.flatMap { Language(rawValue: $0.rawValue) },
            text: text.map { LocalizedText(english: $0.en, chinese: $0.zhHans) },
            attachments: attachments?.map { AgreementAttachment(name: $0.name, sha256: $0.sha256) })
    }
}

/// Calendar days as the API spells them, `2026-11-29`, in UTC.
enum AgreementDate {
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// A day the calendar has (not 2026-02-30) in this century, written exactly YYYY-MM-DD.
    static func parse(_ text: String) throws -> Date {
        guard let day = CalendarDay(text), (2000...2099).contains(day.year) else {
            throw ValidationError([
                FieldIssue(
                    "termStart",
                    Message(
                        "must be a day from 2000-01-01 to 2099-12-31, such as 2026-11-29.",
                        "必须是 2000-01-01 至 2099-12-31 之间的日期，例如 2026-11-29。"))
            ])
        }
        return day.date
    }
}
