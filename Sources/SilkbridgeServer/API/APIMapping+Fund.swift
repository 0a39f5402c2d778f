import Foundation
import SilkbridgeAPI
import SilkbridgeCore

extension Components.Schemas.Money {
    init(_ money: Money) {
        self.init(amount: money.text, currency: money.currency.code)
    }

    var input: MoneyInput { MoneyInput(amount: amount, currency: currency) }
}

extension Components.Schemas.Conversion {
    init(_ conversion: Conversion) {
        self.init(
            original: .init(conversion.original), converted: .init(conversion.converted),
            rate: conversion.rate.description, rateDate: conversion.rateDate.description)
    }
}

extension Components.Schemas.Fund {
    init(_ fund: Fund) {
        self.init(
            id: fund.id.uuidString.lowercased(), name: .init(fund.name), reportingCurrency: fund.reportingCurrency.code,
            managerOrganizationId: fund.managerOrganizationId.uuidString.lowercased(), createdAt: fund.createdAt,
            updatedAt: fund.updatedAt)
    }
}

extension Components.Schemas.FundContributor {
    init(_ contributor: Contributor, remaining: Money) throws {
        self.init(
            id: contributor.id.uuidString.lowercased(),
            organizationId: contributor.organizationId.uuidString.lowercased(),
            status: try .init(mapping: contributor.status), name: .init(contributor.name),
            side: try Components.Schemas.Side(mapping: contributor.side), country: contributor.country,
            pledge: .init(contributor.pledge), pledgedOn: contributor.pledgedOn.description, remaining: .init(remaining)
        )
    }
}

extension Components.Schemas.FundProject {
    init(_ project: FundProject) throws {
        self.init(
            id: project.id.uuidString.lowercased(), title: .init(project.title),
            description: .init(project.description),
            sponsors: try project.sponsors.map {
                .init(
                    organizationId: $0.organizationId.uuidString.lowercased(), name: .init($0.name),
                    side: try Components.Schemas.Side(mapping: $0.side))
            },
            area: project.area, countries: project.countries, destination: project.destination?.rawValue,
            requested: .init(project.requested), stage: try .init(project.stage),
            rejectionReason: project.rejectionReason,
            documents: project.documents.map { .init(name: $0.name, sha256: $0.sha256) },
            history: try project.history.map {
                .init(
                    from: try .init($0.from), to: try .init($0.to), reason: $0.reason, actorName: $0.actorName,
                    at: $0.at)
            },
            createdAt: project.createdAt, updatedAt: project.updatedAt)
    }
}

extension Components.Schemas.ProjectStage {
    init(_ stage: ProjectStage) throws {
        self = try Self(mapping: stage)
    }
}

extension Components.Schemas.FundCommitment {
    init(_ commitment: Commitment, in book: FundBook) throws {
        self.init(
            id: commitment.id.uuidString.lowercased(), projectId: commitment.projectId.uuidString.lowercased(),
            contributorId: commitment.contributorId.uuidString.lowercased(), amount: .init(commitment.amount),
            day: commitment.day.description, conditions: commitment.conditions,
            inFundCurrency: .init(commitment.inFundCurrency), inPledgeCurrency: .init(commitment.inPledgeCurrency),
            disbursed: .init(try book.total(.disbursement, under: commitment)),
            repaid: .init(try book.total(.repayment, under: commitment)),
            ledgerIndex: commitment.ledgerIndex.map { Int64($0) }, recordedBy: commitment.recordedBy,
            recordedAt: commitment.recordedAt)
    }
}

extension Components.Schemas.FundCashFlow {
    init(_ flow: CashFlow) {
        self.init(
            id: flow.id.uuidString.lowercased(), commitmentId: flow.commitmentId.uuidString.lowercased(),
            kind: flow.kind == .disbursement ? .disbursement : .repayment, amount: .init(flow.amount),
            day: flow.day.description, note: flow.note, inFundCurrency: .init(flow.inFundCurrency),
            recordedBy: flow.recordedBy, recordedAt: flow.recordedAt)
    }
}

extension Components.Schemas.FundBook {
    init(_ book: FundBook, access: FundAccess) throws {
        let wireAccess: Components.Schemas.FundAccess =
            switch access {
            case .manager: .manager
            case .staff: .staff
            case .contributor: .contributor
            }
        self.init(
            fund: .init(book.fund), access: wireAccess,
            contributors: try book.contributors.map { try .init($0, remaining: try book.remainingPledge(of: $0)) },
            projects: try book.projects.map(Components.Schemas.FundProject.init),
            commitments: try book.commitments.map { try .init($0, in: book) },
            cashFlows: book.cashFlows.map(Components.Schemas.FundCashFlow.init))
    }
}

extension Components.Schemas.ReportRow {
    init(_ row: SilkbridgeCore.ReportRow) {
        self.init(
            key: row.key, label: .init(row.label), pledged: row.pledged.map(Components.Schemas.Money.init),
            committed: .init(row.committed), disbursed: .init(row.disbursed), repaid: .init(row.repaid))
    }
}

extension Components.Schemas.FundReport {
    init(_ report: FundReport) throws {
        let rows = { (rows: [SilkbridgeCore.ReportRow]) in rows.map(Components.Schemas.ReportRow.init) }
        self.init(
            fundId: report.fundId.uuidString.lowercased(), fundName: .init(report.fundName),
            currency: report.currency.code, totals: .init(report.totals), byContributor: rows(report.byContributor),
            bySide: rows(report.bySide), byArea: rows(report.byArea), byCountry: rows(report.byCountry),
            flows: try report.flows.map {
                .init(
                    from: try Components.Schemas.Side(mapping: $0.from),
                    to: try Components.Schemas.FlowRow.ToPayload(mapping: $0.to), committed: .init($0.committed),
                    disbursed: .init($0.disbursed), repaid: .init($0.repaid))
            })
    }
}
