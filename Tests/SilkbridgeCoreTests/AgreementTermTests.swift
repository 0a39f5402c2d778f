import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct AgreementTermTests {
    static let start = Date(timeIntervalSince1970: 1_780_272_000)  // 2026-06-01 UTC

    func agreement(months: Int, state: AgreementStatus) -> Agreement {
        let content = AgreementContent(
            title: LocalizedText(english: "LoI"), areas: [],
            term: AgreementTerm(start: Self.start, durationMonths: months),
            prevailingLanguage: .english, text: LocalizedText(english: "Intent."), attachments: [])
        var agreement = Agreement(
            id: UUID(), kind: .letterOfIntent, visibility: .publicText, parties: [], initiatorId: UUID(),
            interestId: nil,
            firstVersion: AgreementVersion(
                number: 1, content: content, document: Data(), digest: "", authorName: "Anna", createdAt: Self.start),
            createdAt: Self.start)
        agreement.state = state
        return agreement
    }

    @Test func aTermEndsOnTheSameDayMonthsLater() {
        #expect(AgreementTerm(start: Self.start, durationMonths: 60).end.formatted(.iso8601) == "2031-06-01T00:00:00Z")
    }

    @Test func anAgreementInForceReadsAsExpiredAfterItsTerm() {
        let inForce = agreement(months: 1, state: .inForce)
        #expect(inForce.status(at: Self.start.addingTimeInterval(29 * 86_400)) == .inForce)
        #expect(inForce.status(at: Self.start.addingTimeInterval(31 * 86_400)) == .expired)
        // Only agreements in force expire; a draft past the date is still a draft.
        #expect(agreement(months: 1, state: .draft).status(at: Self.start.addingTimeInterval(90 * 86_400)) == .draft)
    }

    @Test func theSigningMessageNamesAgreementVersionAndDigest() {
        let id = UUID(uuidString: "00000000-0000-0000-0000-0000000000AB")!
        let message = AgreementDocument.signingMessage(agreementId: id, version: 3, digest: "ab12")
        #expect(
            String(decoding: message, as: UTF8.self)
                == "silkbridge agreement signature v1\nagreement 00000000-0000-0000-0000-0000000000ab\nversion 3\nsha256 ab12\n"
        )
    }
}
