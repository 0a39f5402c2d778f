import Foundation

/// An amount as typed: a plain decimal string and a currency code, checked together.
public struct MoneyInput: Sendable, Hashable {
    public var amount: String
    public var currency: String

    public init(amount: String, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount, or the reason it is not one under `field`.
    func money(_ field: String, into validator: inout Validator) -> Money? {
        guard let currency = CurrencyCode(code: currency) else {
            validator.add("\(field).currency", MoneyError.unknownCurrency(self.currency).message)
            return nil
        }
        do {
            // Exactly as typed: an amount goes into the ledger, so " 1.00" is refused, not read as 1.00.
            let money = try Money(amount, currency: currency)
            guard money.isPositive else {
                validator.add("\(field).amount", Message("must be more than zero.", "必须大于零。"))
                return nil
            }
            return money
        } catch {
            validator.add("\(field).amount", error.message)
            return nil
        }
    }
}

/// A new fund, run by an organisation the caller manages.
public struct NewFund: Sendable, Hashable {
    public var name: LocalizedText
    public var reportingCurrency: String
    public var managerOrganizationId: UUID

    public init(name: LocalizedText, reportingCurrency: String, managerOrganizationId: UUID) {
        self.name = name
        self.reportingCurrency = reportingCurrency
        self.managerOrganizationId = managerOrganizationId
    }
}

/// An organisation joining a fund with the capital it pledges.
public struct NewContributor: Sendable, Hashable {
    public var organizationId: UUID
    public var pledge: MoneyInput
    /// `YYYY-MM-DD`; today when absent.
    public var pledgedOn: String?

    public init(organizationId: UUID, pledge: MoneyInput, pledgedOn: String? = nil) {
        self.organizationId = organizationId
        self.pledge = pledge
        self.pledgedOn = pledgedOn
    }
}

/// A project entering the pipeline at sourcing.
public struct NewProject: Sendable, Hashable {
    public var title: LocalizedText
    public var description: LocalizedText
    public var sponsorIds: [UUID]
    public var area: String
    public var countries: [String]
    public var requested: MoneyInput

    public init(
        title: LocalizedText, description: LocalizedText, sponsorIds: [UUID], area: String, countries: [String],
        requested: MoneyInput
    ) {
        self.title = title
        self.description = description
        self.sponsorIds = sponsorIds
        self.area = area
        self.countries = countries
        self.requested = requested
    }
}

/// A contributor's commitment to a project.
public struct NewCommitment: Sendable, Hashable {
    public var projectId: UUID
    public var contributorId: UUID
    public var amount: MoneyInput
    public var day: String
    public var conditions: String

    public init(projectId: UUID, contributorId: UUID, amount: MoneyInput, day: String, conditions: String = "") {
        self.projectId = projectId
        self.contributorId = contributorId
        self.amount = amount
        self.day = day
        self.conditions = conditions
    }
}

/// A disbursement or repayment under a commitment.
public struct NewCashFlow: Sendable, Hashable {
    public var commitmentId: UUID
    public var kind: CashFlowKind
    public var amount: MoneyInput
    public var day: String
    public var note: String

    public init(commitmentId: UUID, kind: CashFlowKind, amount: MoneyInput, day: String, note: String = "") {
        self.commitmentId = commitmentId
        self.kind = kind
        self.amount = amount
        self.day = day
        self.note = note
    }
}

extension Validator {
    /// The first day the ECB's reference rates cover, before which nothing in the fund can be converted.
    static let firstFundDay = CalendarDay("1999-01-04")!

    /// The day something in the fund happened, or the reason it is not one under `field`: written exactly
    /// YYYY-MM-DD, a day the calendar has, not before the euro's first rates and not after today, since it goes
    /// into the permanent ledger as typed.
    mutating func day(_ text: String, field: String, now: Date) -> CalendarDay? {
        guard let day = CalendarDay(text) else {
            add(field, Message("must be a day written YYYY-MM-DD.", "必须是 YYYY-MM-DD 格式的日期。"))
            return nil
        }
        // A day ahead of UTC's today, for whoever records it east of Greenwich.
        let last = CalendarDay(now).adding(days: 1)
        guard day >= Self.firstFundDay, day <= last else {
            add(
                field,
                Message(
                    "must be a day from \(Self.firstFundDay) to today.", "必须是 \(Self.firstFundDay) 至今天之间的日期。"))
            return nil
        }
        return day
    }
}
