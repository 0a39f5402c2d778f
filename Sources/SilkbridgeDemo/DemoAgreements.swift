import Foundation
import SilkbridgeCore
import TrustLedger

/// The roundtable's two agreements, signed with the demo keys (texts private, marked as demo), and a few others
/// in other states: one awaiting a signature, a draft with two versions, and one declined.
package struct DemoAgreements {
    package let agreements: AgreementService
    package let directory: DirectoryService
    package let signatories: [String: DemoKeys.Signatory]

    package func load(now: Date = Date()) async throws -> Int {
        guard let chinaEU = signatories["chinaeu"], let fund = signatories["china-internet-development-fund"],
            let unicom = signatories["china-unicom"], let nokia = signatories["nokia"]
        else { return 0 }
        for signatory in signatories.values { try await makeSignatory(signatory) }
        let letter = try await draft(
            .letterOfIntent, by: fund, with: [chinaEU], visibility: .digestOnly, months: 36,
            title: ("[Demo] Letter of intent on China–EU digital cooperation", "【演示】中欧数字合作意向书"),
            areas: ["digital-investment", "startups"], now: now)
        try await sign(letter, by: [fund, chinaEU], now: now)
        let memorandum = try await draft(
            .memorandumOfUnderstanding, by: unicom, with: [nokia], visibility: .digestOnly, months: 60,
            title: ("[Demo] Five-year memorandum of understanding on 5G and cloud", "【演示】5G 与云计算五年合作谅解备忘录"),
            areas: ["5g", "cloud-computing"], now: now)
        try await sign(memorandum, by: [unicom, nokia], now: now)
        let pending = try await draft(
            .cooperationAgreement, by: nokia, with: [chinaEU], visibility: .publicText, months: 24,
            title: ("Open RAN test bed for SMEs", "面向中小企业的开放无线接入网测试平台"), areas: ["5g"], now: now)
        try await sign(pending, by: [nokia], now: now)
        let termSheet = try await draft(
            .coInvestmentTermSheet, by: chinaEU, with: [unicom], visibility: .digestOnly, months: 48,
            title: ("Smart city co-investment term sheet", "智慧城市联合投资条款清单"), areas: ["smart-cities"], now: now)
        _ = try await agreements.revise(
            termSheet.id,
            with: AgreementContentInput(
                text: LocalizedText(
                    english: Self.text.english! + "\n\nEach party commits up to EUR 5 million.",
                    chinese: Self.text.chinese! + "\n\n各方承诺出资不超过 500 万欧元。")),
            by: chinaEU.account, now: now)
        let declined = try await draft(
            .memorandumOfUnderstanding, by: fund, with: [nokia], visibility: .publicText, months: 12,
            title: ("Start-up exchange programme", "初创企业交流计划"), areas: ["startups"], now: now)
        _ = try await agreements.open(declined.id, by: fund.account, now: now)
        _ = try await agreements.decline(
            declined.id, for: nokia.organization.id, reason: "We prefer to start with a pilot next year.",
            by: nokia.account, now: now)
        return 5
    }

    package static let text = LocalizedText(
        english: """
            # Purpose
            The parties intend to cooperate in the areas named above and to meet at least twice a year.

            # Nature
            This demonstration record stands for the document signed at the roundtable; it is not its text.
            """,
        chinese: """
            # 目的
            双方有意在上述领域开展合作，并每年至少会面两次。

            # 性质
            本演示记录代表圆桌会议上签署的文件，并非其原文。
            """)

    private func makeSignatory(_ signatory: DemoKeys.Signatory) async throws {
        let members = try await directory.members(of: signatory.organization.id, by: signatory.account)
        guard let me = members.first(where: { $0.accountId == signatory.account.id }) else { return }
        _ = try await agreements.setSignatory(
            me.id, of: signatory.organization.id, granted: true, by: signatory.account)
    }

    private func draft(
        _ kind: AgreementKind, by initiator: DemoKeys.Signatory, with others: [DemoKeys.Signatory],
        visibility: AgreementVisibility, months: Int, title: (String, String), areas: [String], now: Date
    ) async throws -> Agreement {
        try await agreements.create(
            NewAgreement(
                kind: kind, organizationId: initiator.organization.id, partyIds: others.map(\.organization.id),
                visibility: visibility,
                content: AgreementContentInput(
                    title: LocalizedText(english: title.0, chinese: title.1), areas: areas, termStart: now,
                    termMonths: months, prevailingLanguage: .english, text: Self.text)),
            by: initiator.account, now: now)
    }

    /// Opens the agreement and has each signatory sign its message with the demo key.
    private func sign(_ draft: Agreement, by signers: [DemoKeys.Signatory], now: Date) async throws {
        let opened = try await agreements.open(draft.id, by: signers[0].account, now: now)
        let version = opened.current
        let message = AgreementDocument.signingMessage(
            agreementId: opened.id, version: version.number, digest: version.digest)
        for signatory in signers {
            let signature = try signatory.signer.sign(message)
            _ = try await agreements.sign(
                opened.id,
                SignatureInput(
                    organizationId: signatory.organization.id, keyId: signatory.key.id, version: version.number,
                    signature: signature.base64EncodedString()),
                by: signatory.account, now: now)
        }
    }
}
