import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct FundReportTests {
    static let catalog = ReferenceCatalog(
        areas: [
            Area(code: "5g", label: LocalizedText(english: "5G", chinese: "5G"), subtopics: []),
            Area(code: "smart-energy", label: LocalizedText(english: "Smart energy", chinese: "智慧能源"), subtopics: []),
        ],
        countries: [
            Country(code: "CN", name: LocalizedText(english: "China", chinese: "中国"), side: .china),
            Country(code: "DE", name: LocalizedText(english: "Germany", chinese: "德国"), side: .europe),
        ], provinces: [])

    /// Commitments both ways, in both currencies, with odd cents so that conversions round.
    func portfolio() throws -> FundFixture {
        var fixture = try FundFixture()
        let toGermany = try fixture.commitment("1234567.89", .cny, by: fixture.chinese, to: fixture.inGermany)
        let toChina = try fixture.commitment("333333.33", .eur, by: fixture.european, to: fixture.inChina)
        let alsoToChina = try fixture.commitment("1000.01", .cny, by: fixture.chinese, to: fixture.inChina)
        fixture.book.commitments = [toGermany, toChina, alsoToChina]
        fixture.book.cashFlows = [
            try fixture.flow(.disbursement, "1000000.01", .cny, under: toGermany),
            try fixture.flow(.disbursement, "111111.11", .eur, under: toChina),
            try fixture.flow(.repayment, "0.03", .eur, under: toChina),
        ]
        return fixture
    }

    @Test(arguments: [CurrencyCode.eur, .cny])
    func everyGroupingAddsUpToTheTotals(currency: CurrencyCode) throws {
        let fixture = try portfolio()
        let report = try FundReport(
            book: fixture.book, currency: currency, rates: FundFixture.rates, catalog: Self.catalog)
        for rows in [report.byContributor, report.bySide] {
            #expect(try Money.sum(rows.map { $0.pledged! }, in: currency) == report.totals.pledged)
        }
        for rows in [report.byContributor, report.bySide, report.byArea, report.byCountry] {
            #expect(try Money.sum(rows.map(\.committed), in: currency) == report.totals.committed)
            #expect(try Money.sum(rows.map(\.disbursed), in: currency) == report.totals.disbursed)
            #expect(try Money.sum(rows.map(\.repaid), in: currency) == report.totals.repaid)
        }
        #expect(try Money.sum(report.flows.map(\.committed), in: currency) == report.totals.committed)
        #expect(try Money.sum(report.flows.map(\.disbursed), in: currency) == report.totals.disbursed)
        // The totals are the underlying rows converted one by one.
        let expected = try fixture.book.commitments.map {
            try FundFixture.rates.convert($0.amount, to: currency, on: $0.day).converted
        }
        #expect(report.totals.committed == (try Money.sum(expected, in: currency)))
    }

    @Test func theBalanceShowsWhereEachSidesMoneyGoes() throws {
        let report = try FundReport(
            book: try portfolio().book, currency: .cny, rates: FundFixture.rates, catalog: Self.catalog)
        let flow = { (from: Side, to: String) in report.flows.first { $0.from == from && $0.to == to }! }
        #expect(flow(.china, "eu").committed.text == "1234567.89")
        #expect(flow(.china, "cn").committed.text == "1000.01")
        // 333,333.33 EUR at 7.4326 CNY per euro.
        #expect(flow(.europe, "cn").committed.text == "2477533.31")
        #expect(flow(.europe, "eu").committed.isZero)
        #expect(report.bySide.first { $0.key == "cn" }?.pledged?.text == "10000000.00")
        #expect(report.bySide.first { $0.key == "eu" }?.pledged?.text == "14865200.00")
    }

    @Test func exportsCSVAndJSON() throws {
        var fixture = try portfolio()
        fixture.book.contributors[1].name = LocalizedText(english: "=HYPERLINK(\"x\"), Inc", chinese: "欧洲")
        let report = try FundReport(
            book: fixture.book, currency: .eur, rates: FundFixture.rates, catalog: Self.catalog)
        let lines = report.csv.split(separator: "\r\n")
        #expect(lines.first == "group,key,name_en,name_zh,pledged,committed,disbursed,repaid,currency")
        #expect(lines.count == 1 + 1 + 2 + 2 + 2 + 2 + 6)
        #expect(
            lines[1] == "total,total,Total,合计,\(report.totals.pledged!.text),\(report.totals.committed.text),"
                + "\(report.totals.disbursed.text),\(report.totals.repaid.text),EUR")
        // A name a spreadsheet would run as a formula is quoted and defused.
        #expect(report.csv.contains("\"'=HYPERLINK(\"\"x\"\"), Inc\""))
        #expect(lines.contains { $0.hasPrefix("area,smart-energy,Smart energy,智慧能源,,") })
        let json = try JSONSerialization.jsonObject(with: try report.json()) as! [String: Any]
        let totals = json["totals"] as! [String: Any]
        #expect((totals["committed"] as! [String: String])["amount"] == report.totals.committed.text)
    }
}
