import Foundation

/// Money of one row of a report, all in the report's currency.
public struct ReportRow: Sendable, Hashable, Codable {
    /// What the row counts: a contributor's id, a side (`cn`, `eu`), an area, a country, or `total`.
    public let key: String
    public let label: LocalizedText
    /// Pledges belong to contributors, not projects: nil in the rows by area and country.
    public var pledged: Money?
    public var committed: Money
    public var disbursed: Money
    public var repaid: Money

    init(key: String, label: LocalizedText, currency: CurrencyCode, withPledges: Bool) {
        self.key = key
        self.label = label
        pledged = withPledges ? .zero(currency) : nil
        committed = .zero(currency)
        disbursed = .zero(currency)
        repaid = .zero(currency)
    }
}

/// Where the money of one side's contributors goes: to projects in China, in the EU, or on both sides.
public struct FlowRow: Sendable, Hashable, Codable {
    public let from: Side
    /// `cn`, `eu`, or `both` for a project whose countries lie on both sides.
    public let to: String
    public var committed: Money
    public var disbursed: Money
    public var repaid: Money
}

/// A fund's portfolio in EUR or CNY: pledged, committed, disbursed and repaid by contributor, side, area and
/// country, and the flows between the sides. Every amount is converted on its own at the ECB rate of its day
/// (a pledge at the rate of the day it was made) and rounded once, so each grouping's rows add up exactly to the
/// totals.
public struct FundReport: Sendable, Hashable, Codable {
    public let fundId: UUID
    public let fundName: LocalizedText
    public let currency: CurrencyCode
    public var totals: ReportRow
    public var byContributor: [ReportRow]
    public var bySide: [ReportRow]
    public var byArea: [ReportRow]
    public var byCountry: [ReportRow]
    public var flows: [FlowRow]

    /// Builds the report of a book (as the viewer may see it) with the rates of the table.
    public init(
        book: FundBook, currency: CurrencyCode, rates: ExchangeRateTable, catalog: ReferenceCatalog
    ) throws {
        fundId = book.fund.id
        fundName = book.fund.name
        self.currency = currency
        let row = { (key: String, label: LocalizedText, pledges: Bool) in
            ReportRow(key: key, label: label, currency: currency, withPledges: pledges)
        }
        totals = row("total", LocalizedText(english: "Total", chinese: "合计"), true)
        // Only organisations that confirmed are contributors; commitments are made by those alone.
        let contributors = book.contributors.filter(\.isConfirmed)
        byContributor = contributors.map { row($0.id.uuidString.lowercased(), $0.name, true) }
        bySide = Side.allCases.map { row($0.rawValue, Self.text($0.label), true) }
        let areas = Set(book.projects.map(\.area)).sorted()
        byArea = areas.map { row($0, catalog.area($0)?.label ?? LocalizedText(english: $0), false) }
        let countries = Set(book.projects.map(\.leadCountry)).sorted()
        byCountry = countries.map { row($0, catalog.country($0)?.name ?? LocalizedText(english: $0), false) }
        flows = Side.allCases.flatMap { from in
            ["cn", "eu", "both"].map {
                FlowRow(
                    from: from, to: $0, committed: .zero(currency), disbursed: .zero(currency), repaid: .zero(currency))
            }
        }

        let convert = { (money: Money, day: CalendarDay, stored: Conversion?) throws -> Money in
            if money.currency == currency { return money }
            if let stored, stored.converted.currency == currency { return stored.converted }
            return try rates.convert(money, to: currency, on: day).converted
        }
        for contributor in contributors {
            let pledge = try convert(contributor.pledge, contributor.pledgedOn, nil)
            try add(pledge, to: \.pledged, contributor: contributor, project: nil)
        }
        for commitment in book.commitments {
            let contributor = try book.contributor(commitment.contributorId)
            let project = try book.project(commitment.projectId)
            let amount = try convert(commitment.amount, commitment.day, commitment.inFundCurrency)
            try add(amount, to: \.committed, contributor: contributor, project: project)
            try addFlow(amount, to: \.committed, from: contributor.side, project: project)
        }
        for flow in book.cashFlows {
            let commitment = try book.commitment(flow.commitmentId)
            let contributor = try book.contributor(commitment.contributorId)
            let project = try book.project(commitment.projectId)
            let amount = try convert(flow.amount, flow.day, flow.inFundCurrency)
            let column: WritableKeyPath<ReportRow, Money> = flow.kind == .disbursement ? \.disbursed : \.repaid
            try add(amount, to: column, contributor: contributor, project: project)
            let flowColumn: WritableKeyPath<FlowRow, Money> = flow.kind == .disbursement ? \.disbursed : \.repaid
            try addFlow(amount, to: flowColumn, from: contributor.side, project: project)
        }
    }

    private mutating func add(
        _ amount: Money, to column: WritableKeyPath<ReportRow, Money>, contributor: Contributor,
        project: FundProject?
    ) throws {
        try update(contributor: contributor, project: project) { row in
            row[keyPath: column] = try row[keyPath: column].adding(amount)
        }
    }

    /// A column that stays empty until a first amount arrives, such as the pledges on a side's row.
    private mutating func add(
        _ amount: Money, to column: WritableKeyPath<ReportRow, Money?>, contributor: Contributor,
        project: FundProject?
    ) throws {
        try update(contributor: contributor, project: project) { row in
            row[keyPath: column] = try (row[keyPath: column] ?? .zero(amount.currency)).adding(amount)
        }
    }

    /// Applies `change` to the totals and to each row the amount counts in: its contributor's and side's and,
    /// with a project, the project's area's and lead country's.
    private mutating func update(
        contributor: Contributor, project: FundProject?, _ change: (inout ReportRow) throws -> Void
    ) throws {
        try change(&totals)
        if let index = byContributor.firstIndex(where: { $0.key == contributor.id.uuidString.lowercased() }) {
            try change(&byContributor[index])
        }
        if let index = bySide.firstIndex(where: { $0.key == contributor.side.rawValue }) {
            try change(&bySide[index])
        }
        guard let project else { return }
        if let index = byArea.firstIndex(where: { $0.key == project.area }) { try change(&byArea[index]) }
        if let index = byCountry.firstIndex(where: { $0.key == project.leadCountry }) {
            try change(&byCountry[index])
        }
    }

    private mutating func addFlow(
        _ amount: Money, to column: WritableKeyPath<FlowRow, Money>, from side: Side, project: FundProject
    ) throws {
        let destination = project.destination?.rawValue ?? "both"
        guard let index = flows.firstIndex(where: { $0.from == side && $0.to == destination }) else { return }
        flows[index][keyPath: column] = try flows[index][keyPath: column].adding(amount)
    }

    private static func text(_ message: Message) -> LocalizedText {
        LocalizedText(english: message.english, chinese: message.chinese)
    }
}
