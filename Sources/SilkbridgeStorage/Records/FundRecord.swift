import FluentKit
import Foundation
import SilkbridgeCore

/// JSON for the fund's documents; amounts and rates encode themselves as decimal strings.
enum FundJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ document: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(document.utf8))
    }
}

final class FundRecord: Model, @unchecked Sendable {
    static let schema = "funds"

    @ID(key: .id) var id: UUID?
    @Field(key: "manager_organization_id") var managerOrganizationId: UUID
    @Field(key: "reporting_currency") var reportingCurrency: String
    @Field(key: "revision") var revision: Int64
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "document") var document: String

    init() {}

    init(_ fund: Fund) throws {
        id = fund.id
        managerOrganizationId = fund.managerOrganizationId
        reportingCurrency = fund.reportingCurrency.code
        revision = Int64(fund.revision)
        updatedAt = fund.updatedAt
        document = try FundJSON.encode(fund)
    }

    var fund: Fund { get throws { try FundJSON.decode(Fund.self, document) } }
}

final class ContributorRecord: Model, @unchecked Sendable {
    static let schema = "fund_contributors"

    @ID(key: .id) var id: UUID?
    @Field(key: "fund_id") var fundId: UUID
    @Field(key: "organization_id") var organizationId: UUID
    @Field(key: "pledge_minor") var pledgeMinor: Int64
    @Field(key: "pledge_currency") var pledgeCurrency: String
    @Field(key: "document") var document: String

    init() {}

    init(_ contributor: Contributor) throws {
        id = contributor.id
        fundId = contributor.fundId
        organizationId = contributor.organizationId
        pledgeMinor = contributor.pledge.minorUnits
        pledgeCurrency = contributor.pledge.currency.code
        document = try FundJSON.encode(contributor)
    }

    var contributor: Contributor { get throws { try FundJSON.decode(Contributor.self, document) } }
}

final class FundProjectRecord: Model, @unchecked Sendable {
    static let schema = "fund_projects"

    @ID(key: .id) var id: UUID?
    @Field(key: "fund_id") var fundId: UUID
    @Field(key: "stage") var stage: String
    @Field(key: "requested_minor") var requestedMinor: Int64
    @Field(key: "requested_currency") var requestedCurrency: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "document") var document: String

    init() {}

    init(_ project: FundProject) throws {
        id = project.id
        fundId = project.fundId
        stage = project.stage.rawValue
        requestedMinor = project.requested.minorUnits
        requestedCurrency = project.requested.currency.code
        updatedAt = project.updatedAt
        document = try FundJSON.encode(project)
    }

    var project: FundProject { get throws { try FundJSON.decode(FundProject.self, document) } }
}

final class CommitmentRecord: Model, @unchecked Sendable {
    static let schema = "fund_commitments"

    @ID(key: .id) var id: UUID?
    @Field(key: "fund_id") var fundId: UUID
    @Field(key: "project_id") var projectId: UUID
    @Field(key: "contributor_id") var contributorId: UUID
    @Field(key: "amount_minor") var amountMinor: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "day") var day: String
    @Field(key: "fund_amount_minor") var fundAmountMinor: Int64
    @OptionalField(key: "ledger_index") var ledgerIndex: Int64?
    @Field(key: "document") var document: String

    init() {}

    init(_ commitment: Commitment) throws {
        id = commitment.id
        fundId = commitment.fundId
        projectId = commitment.projectId
        contributorId = commitment.contributorId
        amountMinor = commitment.amount.minorUnits
        currency = commitment.amount.currency.code
        day = commitment.day.description
        fundAmountMinor = commitment.inFundCurrency.converted.minorUnits
        ledgerIndex = commitment.ledgerIndex.map { Int64($0) }
        document = try FundJSON.encode(commitment)
    }

    var commitment: Commitment { get throws { try FundJSON.decode(Commitment.self, document) } }
}

final class CashFlowRecord: Model, @unchecked Sendable {
    static let schema = "fund_cash_flows"

    @ID(key: .id) var id: UUID?
    @Field(key: "fund_id") var fundId: UUID
    @Field(key: "commitment_id") var commitmentId: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "amount_minor") var amountMinor: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "day") var day: String
    @Field(key: "fund_amount_minor") var fundAmountMinor: Int64
    @Field(key: "document") var document: String

    init() {}

    init(_ flow: CashFlow) throws {
        id = flow.id
        fundId = flow.fundId
        commitmentId = flow.commitmentId
        kind = flow.kind.rawValue
        amountMinor = flow.amount.minorUnits
        currency = flow.amount.currency.code
        day = flow.day.description
        fundAmountMinor = flow.inFundCurrency.converted.minorUnits
        document = try FundJSON.encode(flow)
    }

    var cashFlow: CashFlow { get throws { try FundJSON.decode(CashFlow.self, document) } }
}
