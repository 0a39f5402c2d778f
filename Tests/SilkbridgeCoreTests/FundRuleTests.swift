import Foundation
import Testing

@testable import SilkbridgeCore

/// A small fund to check the rules against: a Chinese contributor pledging in CNY, a European one in EUR, a
/// project in Germany and one in China, at the rates of the last days of the shipped ECB file.
struct FundFixture {
    static let day = CalendarDay("2026-10-30")!
    static let rates = ExchangeRateTable(rates: [
        day: [.cny: Decimal(string: "7.4326")!],
        CalendarDay("2026-10-29")!: [.cny: Decimal(string: "7.4144")!],
    ])
    static let now = Date(timeIntervalSince1970: 1_793_000_000)

    var book: FundBook
    let chinese: Contributor
    let european: Contributor
    var inGermany: FundProject
    var inChina: FundProject

    init() throws {
        let fund = Fund(
            id: UUID(), name: LocalizedText(english: "Silk Road Digital Fund", chinese: "丝路数字基金"),
            reportingCurrency: .eur, managerOrganizationId: UUID(), createdAt: Self.now)
        chinese = Contributor(
            id: UUID(), fundId: fund.id, organizationId: UUID(),
            name: LocalizedText(english: "CIDF", chinese: "中国互联网发展基金会"),
            side: .china, country: "CN", pledge: try Money("10000000.00", currency: .cny), pledgedOn: Self.day,
            createdAt: Self.now, status: .confirmed)
        european = Contributor(
            id: UUID(), fundId: fund.id, organizationId: UUID(), name: LocalizedText(english: "EU Bank"),
            side: .europe, country: "LU", pledge: try Money("2000000.00", currency: .eur), pledgedOn: Self.day,
            createdAt: Self.now, status: .confirmed)
        inGermany = FundProject(
            id: UUID(), fundId: fund.id, title: LocalizedText(english: "Smart grid Munich"),
            description: LocalizedText(),
            sponsors: [], area: "smart-energy", countries: ["DE"], requested: try Money("1000000", currency: .eur),
            createdAt: Self.now)
        inGermany.stage = .approved
        inChina = FundProject(
            id: UUID(), fundId: fund.id, title: LocalizedText(english: "5G campus Shenzhen"),
            description: LocalizedText(),
            sponsors: [], area: "5g", countries: ["CN"], requested: try Money("5000000", currency: .cny),
            createdAt: Self.now)
        inChina.stage = .approved
        book = FundBook(fund: fund, contributors: [chinese, european], projects: [inGermany, inChina])
    }

    func commitment(_ amount: String, _ currency: CurrencyCode, by contributor: Contributor, to project: FundProject)
        throws -> Commitment
    {
        let money = try Money(amount, currency: currency)
        return Commitment(
            id: UUID(), fundId: book.fund.id, projectId: project.id, contributorId: contributor.id, amount: money,
            day: Self.day, conditions: "",
            inFundCurrency: try Self.rates.convert(money, to: book.fund.reportingCurrency, on: Self.day),
            inPledgeCurrency: try Self.rates.convert(money, to: contributor.pledge.currency, on: Self.day),
            ledgerIndex: nil, recordedBy: "Anna", recordedAt: Self.now)
    }

    func flow(_ kind: CashFlowKind, _ amount: String, _ currency: CurrencyCode, under commitment: Commitment)
        throws -> CashFlow
    {
        let money = try Money(amount, currency: currency)
        return CashFlow(
            id: UUID(), fundId: book.fund.id, commitmentId: commitment.id, kind: kind, amount: money, day: Self.day,
            note: "", inFundCurrency: try Self.rates.convert(money, to: book.fund.reportingCurrency, on: Self.day),
            recordedBy: "Anna", recordedAt: Self.now)
    }
}

@Suite struct FundRuleTests {
    /// Finding: a manager named any organisation as contributor, without its consent.
    @Test(arguments: [ContributorStatus.invited, .declined])
    func nothingIsCommittedForAnOrganisationThatDidNotConfirm(status: ContributorStatus) throws {
        var fixture = try FundFixture()
        fixture.book.contributors[0].status = status
        let commitment = try fixture.commitment("1000", .eur, by: fixture.book.contributors[0], to: fixture.inGermany)
        #expect(throws: FundError.contributorNotConfirmed(status)) { try fixture.book.check(commitment) }
        let report = try FundReport(
            book: fixture.book, currency: .eur, rates: FundFixture.rates, catalog: FundReportTests.catalog)
        #expect(report.byContributor.map(\.key) == [fixture.european.id.uuidString.lowercased()])
        #expect(report.bySide.first { $0.key == "cn" }?.pledged?.text == "0.00")
    }

    @Test func aCommitmentFitsTheRemainingPledgeAtTheRateOfItsDay() throws {
        var fixture = try FundFixture()
        // 1,000,000 EUR from the Chinese contributor is 7,432,600 CNY of its 10,000,000 CNY pledge.
        let first = try fixture.commitment("1000000", .eur, by: fixture.chinese, to: fixture.inGermany)
        try fixture.book.check(first)
        #expect(first.inPledgeCurrency.converted.text == "7432600.00")
        fixture.book.commitments.append(first)
        #expect(try fixture.book.remainingPledge(of: fixture.chinese).text == "2567400.00")
        // What is left fits exactly; one fen more does not.
        try fixture.book.check(try fixture.commitment("2567400.00", .cny, by: fixture.chinese, to: fixture.inChina))
        let tooMuch = try fixture.commitment("2567400.01", .cny, by: fixture.chinese, to: fixture.inChina)
        #expect(
            throws: FundError.pledgeExceeded(
                remaining: try Money("2567400.00", currency: .cny), asked: try Money("2567400.01", currency: .cny))
        ) { try fixture.book.check(tooMuch) }
    }

    @Test func aProjectTakesCommitmentsOnlyOnceApproved() throws {
        var fixture = try FundFixture()
        fixture.book.projects[0].stage = .dueDiligence
        let commitment = try fixture.commitment("1", .eur, by: fixture.european, to: fixture.book.projects[0])
        #expect(throws: FundError.notTakingCommitments(.dueDiligence)) { try fixture.book.check(commitment) }
    }

    @Test func disbursementsNeverExceedTheirCommitment() throws {
        var fixture = try FundFixture()
        let commitment = try fixture.commitment("500000.00", .eur, by: fixture.european, to: fixture.inGermany)
        fixture.book.commitments.append(commitment)
        fixture.book.projects[0].stage = .committed
        let first = try fixture.flow(.disbursement, "300000.00", .eur, under: commitment)
        try fixture.book.check(first)
        fixture.book.cashFlows.append(first)
        try fixture.book.check(try fixture.flow(.disbursement, "200000.00", .eur, under: commitment))
        #expect(
            throws: FundError.commitmentExceeded(
                remaining: try Money("200000.00", currency: .eur), asked: try Money("200000.01", currency: .eur))
        ) { try fixture.book.check(try fixture.flow(.disbursement, "200000.01", .eur, under: commitment)) }
        #expect(throws: FundError.wrongCurrency(expected: .eur, got: .cny)) {
            try fixture.book.check(try fixture.flow(.disbursement, "1.00", .cny, under: commitment))
        }
    }

    @Test func moneyIsPaidOnlyToCommittedProjectsAndRepaidOnlyOncePaid() throws {
        var fixture = try FundFixture()
        let commitment = try fixture.commitment("100.00", .eur, by: fixture.european, to: fixture.inGermany)
        fixture.book.commitments.append(commitment)
        #expect(throws: FundError.notTakingDisbursements(.approved)) {
            try fixture.book.check(try fixture.flow(.disbursement, "1.00", .eur, under: commitment))
        }
        #expect(throws: FundError.nothingDisbursed) {
            try fixture.book.check(try fixture.flow(.repayment, "1.00", .eur, under: commitment))
        }
    }

    @Test func stagesFollowThePipeline() throws {
        var fixture = try FundFixture()
        var project = fixture.inGermany
        project.stage = .sourcing
        try fixture.book.checkStageChange(of: project, to: .screening)
        try fixture.book.checkStageChange(of: project, to: .rejected)
        #expect(throws: FundError.stageNotAllowed(from: .sourcing, to: .approved)) {
            try fixture.book.checkStageChange(of: project, to: .approved)
        }
        project.stage = .screening
        #expect(throws: FundError.stageNotAllowed(from: .screening, to: .sourcing)) {
            try fixture.book.checkStageChange(of: project, to: .sourcing)
        }
        project.stage = .approved
        #expect(throws: FundError.stageNeedsCommitment) {
            try fixture.book.checkStageChange(of: project, to: .committed)
        }
        project.stage = .committed
        #expect(throws: FundError.stageNotAllowed(from: .committed, to: .rejected)) {
            try fixture.book.checkStageChange(of: project, to: .rejected)
        }
        #expect(throws: FundError.stageNeedsDisbursement) {
            try fixture.book.checkStageChange(of: project, to: .disbursing)
        }
        project.stage = .completed
        #expect(throws: FundError.stageNotAllowed(from: .completed, to: .rejected)) {
            try fixture.book.checkStageChange(of: project, to: .rejected)
        }
        fixture.book.projects = []
    }

    @Test func aContributorSeesOnlyItsOwnPositions() throws {
        var fixture = try FundFixture()
        let own = try fixture.commitment("100.00", .cny, by: fixture.chinese, to: fixture.inChina)
        let other = try fixture.commitment("100.00", .eur, by: fixture.european, to: fixture.inGermany)
        fixture.book.commitments = [own, other]
        fixture.book.cashFlows = [try fixture.flow(.disbursement, "50.00", .eur, under: other)]
        let seen = fixture.book.positions(of: [fixture.chinese.id])
        #expect(seen.contributors.map(\.id) == [fixture.chinese.id])
        #expect(seen.commitments.map(\.id) == [own.id])
        #expect(seen.cashFlows.isEmpty)
        #expect(seen.projects.count == 2)
    }

    @Test func everyRuleExplainsItselfInBothLanguages() {
        let errors: [FundError] = [
            .fundNotFound, .notFundManager, .stageNeedsCommitment, .nothingDisbursed,
            .stageNotAllowed(from: .sourcing, to: .completed), .reportCurrency(CurrencyCode(code: "USD")!),
        ]
        for error in errors {
            #expect(!error.message.english.isEmpty)
            #expect(error.message.chinese.unicodeScalars.contains { $0.properties.isIdeographic })
        }
    }
}
